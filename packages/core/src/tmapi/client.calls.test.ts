import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { TEST_TOKEN } from "../test-support/emulator.js";
import { clientOf, failure, useEmulatorPerTest } from "../test-support/tmapiClient.js";
import { createTmapiClient } from "./client.js";
import { TmapiValidationError } from "./errors.js";
import { CategoryInfoSchema, CategoryPageSchema } from "./product.js";

const emu = useEmulatorPerTest();
const client = clientOf(emu);

describe("successful calls", () => {
	it("fetches a v2 page, sends the documented query and normalizes the items", async () => {
		const page = await client().categoryItemsV2({
			catId: 1031910,
			sort: "sales",
			pageSize: 10,
			language: "ru",
		});
		expect(v.is(CategoryPageSchema, page)).toBe(true);
		expect(page).toMatchObject({ api: "v2", catId: 1031910, page: 1, pageSize: 10 });
		expect(page.items).toHaveLength(10);
		expect(page.totalCount).toBeGreaterThan(10);
		const sales = page.items.map((p) => p.sales ?? 0);
		expect(sales).toEqual([...sales].sort((a, b) => b - a));
		expect(emu.current.stats.lastQuery).toMatchObject({
			cat_id: "1031910",
			sort: "sales",
			page_size: "10",
			page: "1",
			language: "ru",
			apiToken: TEST_TOKEN,
		});
	});

	it("fetches a v1 page with its own shape", async () => {
		const page = await client().categoryItems({ catId: 1031910, page: 2, freeShipping: true });
		expect(v.is(CategoryPageSchema, page)).toBe(true);
		expect(page).toMatchObject({ api: "v1", page: 2 });
		expect(page.totalCount).toBeUndefined();
		expect(page.items.every((p) => p.salesWindow === "total")).toBe(true);
		expect(emu.current.stats.queries.at(-1)).toMatchObject({ endpoint: "v1" });
		expect(emu.current.stats.lastQuery).toMatchObject({ free_shipping: "true", page: "2" });
	});

	it("leaves false filters out of the query", async () => {
		await client().categoryItemsV2({ catId: 1031910, freeShipping: false, newArrival: true });
		expect(emu.current.stats.lastQuery).not.toHaveProperty("free_shipping");
		expect(emu.current.stats.lastQuery).toMatchObject({ new_arrival: "true" });
	});

	it("reads a category's breadcrumb and children, and the top level without an id", async () => {
		const top = await client().categoryInfo();
		expect(v.is(CategoryInfoSchema, top)).toBe(true);
		expect(top.category).toBeNull();
		expect(top.children.length).toBeGreaterThan(3);
		const first = top.children[0];
		if (!first) throw new Error("no top-level category");
		const info = await client().categoryInfo(Number(first.id));
		expect(info.category?.id).toBe(first.id);
		expect(info.path.at(-1)?.id).toBe(first.id);
		expect(info.children.length).toBeGreaterThan(0);
	});
});

describe("parameter validation", () => {
	it.each([
		[{ catId: 0 }, ["catId must be a positive integer"]],
		[{ catId: 1.5 }, ["catId must be a whole number"]],
		[{ catId: "1031910" }, ["catId must be a number"]],
		[{ catId: 1, page: 0 }, ["page must be at least 1"]],
		[{ catId: 1, pageSize: 51 }, ["pageSize must be at most 50"]],
		[{ catId: 1, sort: "cheapest" }, ["sort must be one of default, sales, price_up, price_down"]],
		[{ catId: 1, language: "fr" }, ["language must be one of en, zh, ru, vi, ja, ko"]],
		[{ catId: 1, priceStart: -1 }, ["prices must not be negative"]],
		[{ catId: 1, priceStart: 50, priceEnd: 10 }, ["priceStart must not be greater than priceEnd"]],
	])("refuses %j before any request", async (params, expected) => {
		const error = await failure(client().categoryItemsV2(params as never));
		expect(error).toBeInstanceOf(TmapiValidationError);
		expect(error.code).toBe("validation");
		expect(error.retryable).toBe(false);
		expect((error as TmapiValidationError).issues.map((i) => i.replace(/^\w+: /, ""))).toEqual(expected);
		expect(emu.current.stats.requests).toBe(0);
	});

	it("lists every problem at once", async () => {
		const error = await failure(
			client().categoryItemsV2({ catId: -3, page: 0, pageSize: 0, sort: "x" as never }),
		);
		expect((error as TmapiValidationError).issues).toHaveLength(4);
		expect(error.message).toContain("catId");
		expect(error.message).toContain("pageSize");
	});

	it("validates v1 and info parameters too", async () => {
		expect(await failure(client().categoryItems({ catId: 0 }))).toBeInstanceOf(TmapiValidationError);
		expect(await failure(client().categoryInfo(-1))).toBeInstanceOf(TmapiValidationError);
		expect(emu.current.stats.requests).toBe(0);
	});

	it("refuses bad options without echoing them", () => {
		expect(() => createTmapiClient({ apiToken: "" })).toThrow(/apiToken must not be empty/);
		expect(() => createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: TEST_TOKEN })).toThrow(
			expect.objectContaining({ message: expect.not.stringContaining(TEST_TOKEN) }),
		);
	});
});
