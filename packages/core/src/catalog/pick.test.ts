import { describe, expect, it } from "vitest";
import { alice, useCatalog, view } from "../test-support/catalog.js";
import { encodePageToken } from "../tokens/pageToken.js";

const { emu, setup, itemCalls } = useCatalog();

describe("catalog.pick", () => {
	it("gives the product of a card on a cached page without any call", async () => {
		const { catalog, logs } = setup();
		const page = await view(catalog, alice, { text: "/category 1031910 sort:sales page:3" });
		const requests = emu.current.stats.requests;
		const card = page.cards[2];
		if (!card) throw new Error("no third card");
		const picked = await catalog.pick(alice, { token: page.tokens.current, position: card.position });
		expect(picked.ok).toBe(true);
		if (!picked.ok) return;
		expect(card.position).toBe(13);
		expect(picked.view.product.itemId).toBe(card.itemId);
		expect(picked.view.product.title).toBe(card.title);
		expect(picked.view.query).toEqual(page.query);
		expect(picked.view.categoryName).toBe(page.category?.name);
		expect(picked.view.fromCache).toBe(true);
		expect(emu.current.stats.requests).toBe(requests);
		expect(logs.lines.filter((l) => l.msg === "action").at(-1)).toMatchObject({
			action: "pick",
			outcome: "ok",
			cache: "hit",
			catId: 1031910,
		});
	});

	it("reads a page that is no longer cached through the page source, calling onSlow first", async () => {
		const { catalog } = setup();
		const token = (await view(catalog, alice, { text: "/category 1031910" })).tokens.current;
		// Another engine with the same secret and an empty cache: another process, or the TTL passed.
		const other = setup();
		const slow: number[] = [];
		const picked = await other.catalog.pick(
			alice,
			{ token, position: 5 },
			{ onSlow: () => slow.push(itemCalls()) },
		);
		expect(picked).toMatchObject({ ok: true, view: { fromCache: false } });
		expect(slow).toEqual([1]);
		expect(itemCalls()).toBe(2);
	});

	it("refuses a position not on the page, before counting anything", async () => {
		const { catalog } = setup({ limits: { actionsPerWindow: 2 } });
		const page = await view(catalog, alice, { text: "/category 1031910 page:2" });
		for (const position of [5, 11, 0, -1, 1.5, Number.NaN, 2 ** 60]) {
			const picked = await catalog.pick(alice, { token: page.tokens.current, position });
			expect(picked).toMatchObject({ ok: false, refusal: { kind: "invalid" } });
		}
		const outside = await catalog.pick(alice, { token: page.tokens.current, position: 11 });
		expect(!outside.ok && outside.refusal.message).toBe(
			"Card 11 is not on this page: it shows cards 6 to 10.",
		);
		// Only the show was counted: one more action still fits the window of two.
		expect((await catalog.pick(alice, { token: page.tokens.current, position: 6 })).ok).toBe(true);
		expect(await catalog.pick(alice, { token: page.tokens.current, position: 6 })).toMatchObject({
			ok: false,
			refusal: { kind: "rate-limited" },
		});
	});

	it("refuses a forged token with no call and no action counted", async () => {
		const { catalog } = setup({ limits: { actionsPerWindow: 1 } });
		const forged = encodePageToken(
			{ ...(await view(catalog, alice, { text: "/category 1031910" })).query },
			"another-secret-entirely",
		);
		const requests = emu.current.stats.requests;
		const other = { ...alice, userId: "2002" };
		for (const token of [forged, "garbage", ""]) {
			expect(await catalog.pick(other, { token, position: 1 })).toMatchObject({
				ok: false,
				refusal: { kind: "bad-token" },
			});
		}
		expect(emu.current.stats.requests).toBe(requests);
		expect((await catalog.show(other, { text: "/category 1031910" })).ok).toBe(true);
	});

	it("refuses people outside the allow-lists before reading the token", async () => {
		const { catalog } = setup({ allow: { telegramChats: ["-1"] } });
		const resolved = await catalog.resolve({ text: "/category 1031910" });
		if (!resolved.ok) throw new Error("the command did not resolve");
		const token = catalog.tokenFor(resolved.query);
		expect(await catalog.pick(alice, { token, position: 1 })).toMatchObject({
			ok: false,
			refusal: { kind: "forbidden" },
		});
	});
});
