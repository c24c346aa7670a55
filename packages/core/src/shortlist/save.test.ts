import { describe, expect, it } from "vitest";
import { view } from "../test-support/catalog.js";
import { ann, ben, cardAt, chat, NOON, useShortlist } from "../test-support/shortlist.js";
import { encodePageToken } from "../tokens/pageToken.js";

const { emu, build } = useShortlist();

describe("shortlist.save", () => {
	it("saves a snapshot of a card from its page token, with no paid call while the page is cached", async () => {
		const { catalog, shortlist, store, actionLines } = build();
		const page = await view(catalog, ann, { text: "/category 1031910 sort:sales" });
		const requests = emu.current.stats.requests;
		const card = cardAt(page, 1);
		const outcome = await shortlist.save(ann, chat, { token: page.tokens.current, position: 2 }, "Ann");
		expect(outcome).toMatchObject({
			ok: true,
			view: {
				status: "saved",
				text: "☆ Saved to this chat's shortlist (1 of 500).",
				itemId: card.itemId,
				total: 1,
				max: 500,
			},
		});
		expect(emu.current.stats.requests).toBe(requests);
		expect(await store.get(chat, card.itemId)).toMatchObject({
			itemId: card.itemId,
			title: card.title,
			productUrl: card.url,
			imageUrl: card.imageUrl,
			categoryId: 1031910,
			categoryName: page.category?.name,
			command: "/category 1031910 sort:sales",
			savedBy: { userId: ann.userId, name: "Ann" },
			savedAt: NOON,
		});
		expect(actionLines("shortlist-save")).toEqual([
			expect.objectContaining({
				level: 30,
				user: ann.userId,
				outcome: "ok",
				result: "saved",
				place: "telegram:-100500",
				itemId: card.itemId,
				cache: "hit",
				catId: 1031910,
			}),
		]);
	});

	it("keeps one entry for a product saved twice and says who saved it first", async () => {
		const { catalog, shortlist, tick } = build();
		const page = await view(catalog, ann, { text: "/category 1031910" });
		const request = { token: page.tokens.current, position: 3 };
		expect((await shortlist.save(ann, chat, request, "Ann")).ok).toBe(true);
		tick(86_400_000);
		const again = await shortlist.save(ben, chat, request, "Ben");
		expect(again).toMatchObject({
			ok: true,
			view: { status: "exists", text: "Already on the shortlist: saved by Ann on 30 Nov 2026.", total: 1 },
		});
		const list = await shortlist.list(ben, chat, 1);
		if (!list.ok) throw new Error(list.refusal.message);
		expect(list.view.total).toBe(1);
		expect(list.view.entries[0]?.savedBy).toBe("saved by Ann · 30 Nov");
	});

	it("says when the list is full", async () => {
		const { catalog, shortlist } = build({ max: 2 });
		const page = await view(catalog, ann, { text: "/category 1031910" });
		for (const position of [1, 2])
			await shortlist.save(ann, chat, { token: page.tokens.current, position }, "Ann");
		expect(await shortlist.save(ann, chat, { token: page.tokens.current, position: 3 }, "Ann")).toMatchObject(
			{
				ok: true,
				view: {
					status: "full",
					text: "The shortlist is full (2 cards): remove some with /shortlist first.",
					card: null,
				},
			},
		);
	});

	it("counts a save against the rate limit, once", async () => {
		const { catalog, shortlist } = build({ limits: { actionsPerWindow: 3 } });
		const page = await view(catalog, ann, { text: "/category 1031910" });
		await shortlist.save(ann, chat, { token: page.tokens.current, position: 1 }, "Ann");
		await shortlist.save(ann, chat, { token: page.tokens.current, position: 2 }, "Ann");
		const limited = await shortlist.save(ann, chat, { token: page.tokens.current, position: 3 }, "Ann");
		expect(limited).toMatchObject({ ok: false, refusal: { kind: "rate-limited" } });
		expect(!limited.ok && limited.refusal.message).toMatch(/^Slow down a little: try again in \d+ s\.$/);
		expect(await shortlist.list(ann, chat, 1)).toMatchObject({
			ok: false,
			refusal: { kind: "rate-limited" },
		});
		expect((await shortlist.list(ben, chat, 1)).ok).toBe(true);
	});

	it("refuses a forged token with no upstream call and no action counted", async () => {
		const { catalog, shortlist, store } = build({ limits: { actionsPerWindow: 1 } });
		const resolved = await catalog.resolve({ text: "/category 1031910" });
		if (!resolved.ok) throw new Error("the command did not resolve");
		const forged = encodePageToken(resolved.query, "another-secret-entirely");
		for (const token of [forged, "garbage"]) {
			expect(await shortlist.save(ann, chat, { token, position: 1 }, "Ann")).toMatchObject({
				ok: false,
				refusal: { kind: "bad-token", message: expect.stringMatching(/^This button is no longer valid/) },
			});
		}
		expect(emu.current.stats.requests).toBe(0);
		expect((await store.list(chat, { offset: 0, limit: 5 })).total).toBe(0);
		// The one action of the window is still there.
		expect((await shortlist.list(ann, chat, 1)).ok).toBe(true);
	});
});
