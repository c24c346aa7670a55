import { DEMO_CATEGORY_IDS, KNOWN_ITEM_COUNTS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { alice, bob, SECRET, useCatalog, view } from "../test-support/catalog.js";
import { decodePageToken } from "../tokens/pageToken.js";

const { emu, setup, itemCalls } = useCatalog();

describe("catalog.show", () => {
	it("answers a typed command with a page of cards, header and tokens", async () => {
		const { catalog, logs } = setup();
		const page = await view(catalog, alice, { text: "/category@catbot_test_bot 1031910 sort:sales" });
		expect(page.cards).toHaveLength(5);
		expect(page.cards.map((c) => c.position)).toEqual([1, 2, 3, 4, 5]);
		expect(page.command).toBe("/category 1031910 sort:sales");
		expect(page.totalPages).toBe(Math.ceil((KNOWN_ITEM_COUNTS[1031910] ?? 0) / 5));
		expect(page.pageLabel).toBe(`Page 1 of ${page.totalPages}`);
		expect(page.summary).toBe("Best selling");
		expect(page.category?.name).toBeTruthy();
		expect(page.fromCache).toBe(false);
		expect(page.freshness).toBe("just now");
		expect(page.tokens.previous).toBeUndefined();
		expect(page.tokens.next).toBeDefined();
		const card = page.cards[0];
		expect(card?.url).toMatch(/^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);
		expect(card?.price).toMatch(/^¥\d/);
		expect(card?.sales).toMatch(/sold in 90 days$/);
		const line = logs.lines.find((l) => l.msg === "action");
		expect(line).toMatchObject({
			action: "command",
			platform: "telegram",
			outcome: "ok",
			cache: "miss",
			catId: 1031910,
		});
		expect(typeof line?.latencyMs).toBe("number");
	});

	it("serves four page turns from one upstream call, then fetches the next upstream page", async () => {
		const { catalog } = setup();
		let page = await view(catalog, alice, { text: "/category 1031910" });
		const seen = new Set(page.cards.map((c) => c.itemId));
		for (let turn = 2; turn <= 4; turn += 1) {
			page = await view(catalog, alice, { token: page.tokens.next ?? "" });
			expect(page.page).toBe(turn);
			expect(page.fromCache).toBe(true);
			for (const card of page.cards) seen.add(card.itemId);
		}
		expect(seen.size).toBe(20);
		expect(itemCalls()).toBe(1);
		page = await view(catalog, alice, { token: page.tokens.next ?? "" });
		expect(page.fromCache).toBe(false);
		expect(page.cards[0]?.position).toBe(21);
		expect(itemCalls()).toBe(2);
		const back = await view(catalog, alice, { token: page.tokens.previous ?? "" });
		expect(back.page).toBe(4);
		expect(back.fromCache).toBe(true);
		expect(itemCalls()).toBe(2);
	});

	it("calls onSlow before a paid call only", async () => {
		const { catalog } = setup();
		const slow: number[] = [];
		await catalog.show(
			alice,
			{ text: "/category 1031910" },
			{ onSlow: () => slow.push(emu.current.stats.byEndpoint.v2) },
		);
		await catalog.show(alice, { text: "/category 1031910 page:2" }, { onSlow: () => slow.push(-1) });
		await catalog.show(alice, { text: "/category 0" }, { onSlow: () => slow.push(-2) });
		expect(slow).toEqual([0]);
	});

	it("coalesces identical concurrent commands from different people into one upstream call", async () => {
		emu.current.setLatency(50);
		const { catalog } = setup();
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				catalog.show({ ...alice, userId: String(i) }, { text: "/category 1031910 page:2" }),
			),
		);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(itemCalls()).toBe(1);
	});

	it("shares the cache between commands that differ only in page or chat page size", async () => {
		const { catalog } = setup();
		await view(catalog, alice, { text: "/category 1031910 sort:sales" });
		await view(catalog, bob, { options: { catId: 1031910, sort: "sales", page: 3, pageSize: 2 } });
		expect(itemCalls()).toBe(1);
		await view(catalog, bob, { text: "/category 1031910 sort:price_up" });
		expect(itemCalls()).toBe(2);
	});

	it("serves a chat page that straddles two upstream pages", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: "/category 1031910 size:3 page:7" });
		expect(page.cards.map((c) => c.position)).toEqual([19, 20, 21]);
		expect(itemCalls()).toBe(2);
	});

	it("pages v1 with its fixed upstream page size and no total", async () => {
		const { catalog } = setup();
		const total = KNOWN_ITEM_COUNTS[DEMO_CATEGORY_IDS.dresses] ?? 0;
		const lastPage = Math.ceil(total / 10);
		const page = await view(catalog, alice, { text: `/category 1031910 v1 size:10 page:${lastPage}` });
		expect(page.totalPages).toBeNull();
		expect(page.pageLabel).toBe(`Page ${lastPage}`);
		expect(page.cards).toHaveLength(total - (lastPage - 1) * 10);
		expect(page.tokens.next).toBeUndefined();
		expect(page.tokens.previous).toBeDefined();
		expect(page.sortTokens).toEqual({});
		expect(emu.current.stats.byEndpoint.v1).toBe(1);
	});

	it("offers the last page and the other sorts as signed tokens", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: "/category 1031910" });
		const last = decodePageToken(page.tokens.last ?? "", SECRET);
		expect(last.ok && "query" in last && last.query.page).toBe(page.totalPages);
		expect(Object.keys(page.sortTokens).sort()).toEqual(["price_down", "price_up", "sales"]);
		const resorted = await view(catalog, alice, { token: page.sortTokens.price_up ?? "" });
		const prices = resorted.cards.map((c) => Number(c.price.replace(/[^\d.]/g, "")));
		expect(prices).toEqual([...prices].sort((a, b) => a - b));
	});

	it("shows an empty category with a message and no next page", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: `/category ${DEMO_CATEGORY_IDS.empty}` });
		expect(page.cards).toEqual([]);
		expect(page.emptyText).toBe("No products match this search.");
		expect(page.tokens.next).toBeUndefined();
	});

	it("writes cards in the query's language", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: "/category 1031910 lang:ru sort:sales" });
		expect(page.summary).toBe("По продажам");
		expect(page.cards[0]?.sales).toMatch(/^Продано за 90 дней/);
		expect(page.pageLabel).toMatch(/^Стр\. 1 из/);
	});
});
