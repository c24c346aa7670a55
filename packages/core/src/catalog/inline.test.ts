import { DEMO_CATEGORY_IDS, KNOWN_ITEM_COUNTS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import type { Catalog } from "../catalog/types.js";
import { alice, useCatalog, view } from "../test-support/catalog.js";
import type { InlineRequest, InlineView } from "./inline.js";

const { emu, setup, itemCalls } = useCatalog();

const searchCalls = () => emu.current.stats.byEndpoint.search + emu.current.stats.byEndpoint.globalSearch;

async function inline(catalog: Catalog, request: InlineRequest, actor = alice): Promise<InlineView> {
	const outcome = await catalog.inline(actor, request);
	if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.kind}: ${outcome.refusal.message}`);
	return outcome.view;
}

describe("catalog.inline", () => {
	it("answers with one upstream page of cards and the offset of the next", async () => {
		const { catalog, logs } = setup();
		const first = await inline(catalog, { text: "1031910 sales", offset: "" });
		expect(first.cards).toHaveLength(20);
		expect(first.cards.map((card) => card.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(first.nextOffset).toBe("2");
		expect(first.command).toBe("/category 1031910 sort:sales");
		expect(first.summary).toBe("Best selling");
		expect(first.query).toMatchObject({ catId: 1031910, sort: "sales", page: 1, pageSize: 5 });
		expect(first.fromCache).toBe(false);
		expect(itemCalls()).toBe(1);
		expect(emu.current.stats.queries.find((q) => q.endpoint === "v2")?.query).toMatchObject({
			cat_id: "1031910",
			page: "1",
			page_size: "20",
			sort: "sales",
		});

		const second = await inline(catalog, { text: "1031910 sales", offset: first.nextOffset });
		expect(second.cards.map((card) => card.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 21));
		expect(second.nextOffset).toBe("3");
		expect(new Set([...first.cards, ...second.cards].map((card) => card.itemId)).size).toBe(40);
		expect(itemCalls()).toBe(2);

		const again = await inline(catalog, { text: "1031910 sort:sales", offset: "" });
		expect(again.fromCache).toBe(true);
		expect(again.cards.map((card) => card.itemId)).toEqual(first.cards.map((card) => card.itemId));
		expect(itemCalls()).toBe(2);
		expect(logs.lines.filter((line) => line.msg === "action").map((line) => line.cache)).toEqual([
			"miss",
			"miss",
			"hit",
		]);
	});

	it("ends at the last page, and answers a page past it from what the cache knows, without a call", async () => {
		const { catalog } = setup();
		const count = KNOWN_ITEM_COUNTS[DEMO_CATEGORY_IDS.dresses] ?? 0;
		const lastOffset = Math.ceil(count / 20);
		await inline(catalog, { text: String(DEMO_CATEGORY_IDS.dresses), offset: "" });
		const last = await inline(catalog, {
			text: String(DEMO_CATEGORY_IDS.dresses),
			offset: String(lastOffset),
		});
		expect(last.cards).toHaveLength(count - (lastOffset - 1) * 20);
		expect(last.cards.at(-1)?.position).toBe(count);
		expect(last.nextOffset).toBe("");
		expect(itemCalls()).toBe(2);
		const past = await inline(catalog, {
			text: String(DEMO_CATEGORY_IDS.dresses),
			offset: String(lastOffset + 1),
		});
		expect(past).toMatchObject({ cards: [], nextOffset: "", fromCache: true });
		expect(itemCalls()).toBe(2);
	});

	it("refuses forged offsets before counting or calling anything", async () => {
		const { catalog, logs } = setup({ limits: { actionsPerWindow: 1 } });
		for (const offset of ["0", "1", "abc", "999", "101", "-2", "2.5", " 2", "02", "1".repeat(70)]) {
			expect(await catalog.inline(alice, { text: "1031910 sales", offset })).toMatchObject({
				ok: false,
				refusal: { kind: "bad-token" },
			});
		}
		expect(emu.current.stats.requests).toBe(0);
		expect(logs.lines.every((line) => line.outcome === "bad-token")).toBe(true);
		// Nothing was counted: the window's one action is still there.
		expect((await catalog.inline(alice, { text: "1031910 sales", offset: "" })).ok).toBe(true);
	});

	it("refuses malformed or empty text with what to fix, before counting or calling anything", async () => {
		const { catalog } = setup({ limits: { actionsPerWindow: 1 } });
		const typo = await catalog.inline(alice, { text: "1031910 srot:sales", offset: "" });
		expect(typo).toMatchObject({
			ok: false,
			refusal: { kind: "invalid", problems: ["Unknown option 'srot'. Did you mean 'sort'?"] },
		});
		for (const text of ["", "   ", "search", "search summer dress srot:sales", "x".repeat(5_000)]) {
			const outcome = await catalog.inline(alice, { text, offset: "" });
			expect(outcome).toMatchObject({ ok: false, refusal: { kind: "invalid" } });
			if (!outcome.ok && outcome.refusal.kind === "invalid") {
				expect(outcome.refusal.problems.length).toBeGreaterThan(0);
			}
		}
		expect(await catalog.inline(alice, { text: "search", offset: "" })).toMatchObject({
			refusal: { problems: ["Tell me what to search for, e.g. /search summer dress"] },
		});
		expect(emu.current.stats.requests).toBe(0);
		expect((await catalog.inline(alice, { text: "1031910", offset: "" })).ok).toBe(true);
	});

	it("searches with `search ...`, paging the keyword endpoint by the same offsets", async () => {
		const { catalog } = setup();
		const first = await inline(catalog, { text: "search summer dress", offset: "" });
		expect(first.title).toBe("Search: summer dress");
		expect(first.command).toBe("/search summer dress");
		expect(first.query).toMatchObject({ keyword: "summer dress", api: "global" });
		expect(first.cards).toHaveLength(20);
		expect(first.nextOffset).toBe("2");
		const second = await inline(catalog, { text: "/search Summer Dress", offset: "2" });
		expect(second.cards[0]?.position).toBe(21);
		expect(searchCalls()).toBe(2);
		expect(itemCalls()).toBe(0);
		// The keyword is stored, so a button for this search works in chat.
		const page = await view(catalog, alice, { token: catalog.tokenFor({ ...first.query, page: 5 }) });
		expect(page.search?.keyword).toBe("summer dress");
		expect(page.fromCache).toBe(true);
		expect(searchCalls()).toBe(2);
	});

	it("pays one call per distinct upstream page for ten users inline and one in chat", async () => {
		emu.current.setLatency(50);
		const { catalog } = setup();
		const users = Array.from({ length: 10 }, (_, i) => ({ ...alice, userId: String(7000 + i) }));
		const outcomes = await Promise.all(
			users.flatMap((user) => [
				catalog.inline(user, { text: "1031910 sales", offset: "" }),
				catalog.inline(user, { text: "1031910 sort:sales", offset: "2" }),
				catalog.show(user, { text: "/category 1031910 sort:sales page:6" }),
			]),
		);
		expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
		expect(itemCalls()).toBe(2);
		let page = await view(catalog, alice, { text: "/category 1031910 sort:sales" });
		for (let turn = 2; turn <= 8; turn++)
			page = await view(catalog, alice, { token: page.tokens.next ?? "" });
		expect(page.cards.at(-1)?.position).toBe(40);
		expect(itemCalls()).toBe(2);
	});

	it("pays one call per distinct upstream page for a search asked inline and in chat", async () => {
		emu.current.setLatency(50);
		const { catalog } = setup();
		const users = Array.from({ length: 10 }, (_, i) => ({ ...alice, userId: String(7100 + i) }));
		const outcomes = await Promise.all(
			users.flatMap((user) => [
				catalog.inline(user, { text: "search 连衣裙", offset: "" }),
				catalog.inline(user, { text: "search 连衣裙", offset: "2" }),
				catalog.show(user, { text: "/search 连衣裙 page:5" }),
			]),
		);
		expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
		expect(emu.current.stats.byEndpoint.search).toBe(2);
		expect(emu.current.stats.byEndpoint.globalSearch).toBe(0);
	});
});
