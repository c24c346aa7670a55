import { DEMO_SEARCH_KEYWORDS } from "@catbot/tmapi-emulator";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { TEST_TOKEN } from "../test-support/emulator.js";
import { clientOf, failure, useEmulatorPerTest } from "../test-support/tmapiClient.js";
import { TmapiValidationError } from "./errors.js";
import { SearchPageSchema } from "./product.js";

const emu = useEmulatorPerTest();
const client = clientOf(emu);

describe("searchItems (GET /1688/search/items)", () => {
	it("sends every documented parameter under its wire name and reads the page", async () => {
		const page = await client().searchItems({
			keyword: "  连衣裙 ",
			page: 2,
			pageSize: 10,
			sort: "price_up",
			priceStart: 10,
			priceEnd: 500.5,
			moq: 1000,
			newArrival: false,
			supportDropshipping: true,
			freeShipping: true,
			isSuperFactory: false,
		});
		expect(emu.current.stats.queries.at(-1)?.endpoint).toBe("search");
		expect(emu.current.stats.lastQuery).toEqual({
			apiToken: TEST_TOKEN,
			keyword: "连衣裙",
			page: "2",
			page_size: "10",
			sort: "price_up",
			price_start: "10",
			price_end: "500.5",
			moq: "1000",
			support_dropshipping: "true",
			free_shipping: "true",
		});
		expect(v.is(SearchPageSchema, page)).toBe(true);
		expect(page).toMatchObject({ api: "search", keyword: "连衣裙", page: 2, pageSize: 10 });
		expect(page.items).toHaveLength(10);
		const prices = page.items.map((p) => p.price ?? -1);
		expect(prices).toEqual([...prices].sort((a, b) => a - b));
		expect(prices.every((p) => p >= 10 && p <= 500.5)).toBe(true);
		expect(page.items.every((p) => /^[1-9]\d*$/.test(p.itemId) && p.salesWindow === "total")).toBe(true);
	});

	it("sends page_size 20 by default and no filter that is off", async () => {
		await client().searchItems({ keyword: DEMO_SEARCH_KEYWORDS.docsSample });
		expect(emu.current.stats.lastQuery).toEqual({
			apiToken: TEST_TOKEN,
			keyword: "马克杯",
			page: "1",
			page_size: "20",
		});
	});

	it("pages on total_count: 129 results are 7 pages of 20, the last with 9", async () => {
		const first = await client().searchItems({ keyword: DEMO_SEARCH_KEYWORDS.narrow });
		expect(first).toMatchObject({ totalCount: 129, hasNextPage: true });
		expect(first.raw.data.has_next_page).toBeUndefined();
		const last = await client().searchItems({ keyword: DEMO_SEARCH_KEYWORDS.narrow, page: 7 });
		expect(last).toMatchObject({ page: 7, totalCount: 129, hasNextPage: false });
		expect(last.items).toHaveLength(9);
	});

	it("stops at the 2000 cap however many results the total promises", async () => {
		const page = await client().searchItems({ keyword: DEMO_SEARCH_KEYWORDS.dresses, page: 100 });
		expect(page).toMatchObject({ totalCount: 2000, hasNextPage: false });
		expect(page.items).toHaveLength(20);
	});

	it("reads an empty result as an empty last page", async () => {
		const page = await client().searchItems({ keyword: DEMO_SEARCH_KEYWORDS.empty });
		expect(page).toMatchObject({ totalCount: 0, hasNextPage: false, items: [] });
	});

	it("shares one request between identical calls, whitespace around the keyword included", async () => {
		const events: string[] = [];
		const c = client({ onAttempt: (e) => events.push(e.endpoint) });
		const [a, b] = await Promise.all([
			c.searchItems({ keyword: "马克杯" }),
			c.searchItems({ keyword: " 马克杯" }),
		]);
		expect(a).toBe(b);
		expect(emu.current.stats.requests).toBe(1);
		expect(events).toEqual(["/1688/search/items"]);
	});
});

describe("globalSearchItems (GET /1688/global/search/items)", () => {
	it("sends keyword, cat_id, language and filters and reads titles in that language", async () => {
		const page = await client().globalSearchItems({
			keyword: DEMO_SEARCH_KEYWORDS.sunglasses,
			catId: 1031922,
			language: "ru",
			pageSize: 5,
			sort: "sales",
			priceStart: 1,
			newArrival: true,
			isSuperFactory: true,
		});
		expect(emu.current.stats.queries.at(-1)?.endpoint).toBe("globalSearch");
		expect(emu.current.stats.lastQuery).toEqual({
			apiToken: TEST_TOKEN,
			keyword: "sunglasses",
			cat_id: "1031922",
			language: "ru",
			page: "1",
			page_size: "5",
			sort: "sales",
			price_start: "1",
			new_arrival: "true",
			is_super_factory: "true",
		});
		expect(v.is(SearchPageSchema, page)).toBe(true);
		expect(page).toMatchObject({ api: "global", keyword: "sunglasses", pageSize: 5 });
		expect(page.items.length).toBeGreaterThan(0);
		expect(page.items.every((p) => /\p{Script=Cyrillic}/u.test(p.title) && p.salesWindow === "90d")).toBe(
			true,
		);
		const sales = page.items.map((p) => p.sales ?? -1);
		expect(sales).toEqual([...sales].sort((a, b) => b - a));
	});

	it("searches a category alone, in English by default, with a null keyword", async () => {
		const page = await client().globalSearchItems({ catId: 1031910 });
		expect(emu.current.stats.lastQuery).toEqual({
			apiToken: TEST_TOKEN,
			cat_id: "1031910",
			language: "en",
			page: "1",
			page_size: "20",
		});
		expect(page).toMatchObject({ api: "global", keyword: null, totalCount: 137, hasNextPage: true });
		expect(page.items).toHaveLength(20);
		expect(page.items.some((p) => p.priceMax !== undefined)).toBe(true);
		expect(page.items.every((p) => p.priceMax === undefined || p.priceMax > (p.price ?? 0))).toBe(true);
	});
});

describe("search parameter validation, before any request", () => {
	const long = "杯".repeat(201);
	it.each([
		[{}, ["keyword is required"]],
		[{ keyword: 5 }, ["keyword must be a string"]],
		[{ keyword: "   " }, ["keyword must not be empty"]],
		[{ keyword: long }, ["keyword must be at most 200 characters"]],
		[{ keyword: "x", page: 0 }, ["page must be at least 1"]],
		[{ keyword: "x", pageSize: 21 }, ["pageSize must be at most 20"]],
		[{ keyword: "x", pageSize: 2.5 }, ["pageSize must be a whole number"]],
		[{ keyword: "x", sort: "cheap" }, ["sort must be one of default, sales, price_up, price_down"]],
		[{ keyword: "x", priceStart: -1 }, ["prices must not be negative"]],
		[{ keyword: "x", priceStart: 9, priceEnd: 3 }, ["priceStart must not be greater than priceEnd"]],
		[{ keyword: "x", moq: 0 }, ["moq must be at least 1"]],
		[{ keyword: "x", moq: "2" }, ["moq must be a number"]],
		[{ keyword: "x", freeShipping: "yes" }, ["filters must be true or false"]],
	])("searchItems refuses %j", async (params, expected) => {
		const error = await failure(client().searchItems(params as never));
		expect(error).toBeInstanceOf(TmapiValidationError);
		expect(error).toMatchObject({ code: "validation", retryable: false, endpoint: "/1688/search/items" });
		expect((error as TmapiValidationError).issues.map((i) => i.replace(/^\w+: /, ""))).toEqual(expected);
		expect(emu.current.stats.requests).toBe(0);
	});

	it.each([
		[{}, ["keyword or catId is required"]],
		[null, ["search parameters must be an object"]],
		[{ keyword: "" }, ["keyword must not be empty"]],
		[{ catId: 0 }, ["catId must be a positive integer"]],
		[{ catId: 1, language: "fr" }, ["language must be one of en, zh, ru, vi, ja, ko"]],
		[{ catId: 1, pageSize: 50 }, ["pageSize must be at most 20"]],
		[{ keyword: long, catId: 1 }, ["keyword must be at most 200 characters"]],
	])("globalSearchItems refuses %j", async (params, expected) => {
		const error = await failure(client().globalSearchItems(params as never));
		expect(error).toMatchObject({ code: "validation", endpoint: "/1688/global/search/items" });
		expect((error as TmapiValidationError).issues.map((i) => i.replace(/^\w+: /, ""))).toEqual(expected);
		expect(emu.current.stats.requests).toBe(0);
	});

	it("counts characters, not UTF-16 units: 200 emoji pass", async () => {
		await client().globalSearchItems({ keyword: "🙂".repeat(200) });
		expect(emu.current.stats.lastQuery?.keyword).toBe("🙂".repeat(200));
	});
});
