import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../test-support/arbitraries.js";
import { cpuMsSync } from "../test-support/cpu.js";
import {
	CATEGORY_ID_MAX,
	type CategoryQuery,
	CategoryQuerySchema,
	lastServablePage,
	MAX_RESULT_ITEMS,
	PRICE_MAX,
	toCategoryQuery,
} from "./schema.js";

const PAGE_BOUND_5 = "page must be from 1 to 400 at 5 cards a page (1688 lists at most 2000 products)";
const PAGE_BOUND_10 = "page must be from 1 to 200 at 10 cards a page (1688 lists at most 2000 products)";

describe("CategoryQuerySchema", () => {
	it("fills every default from just a category id", () => {
		expect(v.parse(CategoryQuerySchema, { catId: 1031910 })).toStrictEqual(DEFAULTS);
	});

	it("keeps price bounds absent rather than undefined", () => {
		const query = v.parse(CategoryQuerySchema, { catId: 1 });
		expect("priceMin" in query).toBe(false);
		expect("priceMax" in query).toBe(false);
	});
});

const ALL_OPTIONS = {
	catId: 9_999_999_999,
	page: 40,
	pageSize: 10,
	sort: "price_down",
	priceMin: 0.01,
	priceMax: PRICE_MAX,
	newArrival: true,
	dropshipping: true,
	freeShipping: true,
	superFactory: true,
	language: "ko",
} as const;

describe("toCategoryQuery", () => {
	it.each<[string, Record<string, unknown>, Partial<CategoryQuery>]>([
		// Every option set to a non-default value comes out exactly as given.
		["all options", ALL_OPTIONS, ALL_OPTIONS],
		[
			"v1 with its filters",
			{ catId: 1, api: "v1", superFactory: true, dropshipping: true, freeShipping: true, page: 2 },
			{ catId: 1, api: "v1", superFactory: true, dropshipping: true, freeShipping: true, page: 2 },
		],
		[
			"equal price bounds",
			{ catId: 1, priceMin: 10.5, priceMax: 10.5 },
			{ catId: 1, priceMin: 10.5, priceMax: 10.5 },
		],
		["explicit undefined as not given", { catId: 1, priceMin: undefined, page: undefined }, { catId: 1 }],
		["-0 as 0", { catId: 1, priceMin: -0 }, { catId: 1, priceMin: 0 }],
		["largest id", { catId: CATEGORY_ID_MAX }, { catId: CATEGORY_ID_MAX }],
		["the last page upstream can serve", { catId: 1, page: 400 }, { catId: 1, page: 400 }],
		[
			"the last page at 1 card a page",
			{ catId: 1, page: 2000, pageSize: 1 },
			{ catId: 1, page: 2000, pageSize: 1 },
		],
		[
			"the last page of v1",
			{ catId: 1, api: "v1", page: 200, pageSize: 10 },
			{ catId: 1, api: "v1", page: 200, pageSize: 10 },
		],
	])("accepts %s", (_, input, expected) => {
		const result = toCategoryQuery(input);
		expect(result).toStrictEqual({ ok: true, query: { ...DEFAULTS, ...expected } });
		if (result.ok) expect(Object.is(result.query.priceMin, -0)).toBe(false);
	});

	it.each<[unknown, string[]]>([
		[null, ["a category query must be an object"]],
		["1031910", ["a category query must be an object"]],
		[{}, ["category id must be a positive whole number"]],
		[{ catId: "1031910" }, ["category id must be a positive whole number"]],
		[{ catId: 0 }, ["category id must be a positive whole number"]],
		[{ catId: 1.5 }, ["category id must be a positive whole number"]],
		[{ catId: 2 ** 53 }, ["category id must be a positive whole number"]],
		[{ catId: CATEGORY_ID_MAX + 1 }, [`category id must be a whole number from 1 to ${CATEGORY_ID_MAX}`]],
		[{ catId: 2 ** 52 }, [`category id must be a whole number from 1 to ${CATEGORY_ID_MAX}`]],
		[{ catId: 1, page: 0 }, ["page must be a whole number of at least 1"]],
		[{ catId: 1, page: 401 }, [PAGE_BOUND_5]],
		[{ catId: 1, page: 9_007_199_254_740_984 }, [PAGE_BOUND_5]],
		[{ catId: 1, page: 2 ** 51, pageSize: 10 }, [PAGE_BOUND_10]],
		[{ catId: 1, api: "v1", page: 201, pageSize: 10 }, [PAGE_BOUND_10]],
		[{ catId: 1, page: 2 ** 53 }, ["page must be a whole number of at least 1"]],
		[{ catId: 1, page: -1.5 }, ["page must be a whole number of at least 1"]],
		[{ catId: 1, page: Number.NaN }, ["page must be a whole number of at least 1"]],
		[{ catId: 1, pageSize: 11 }, ["size must be a whole number from 1 to 10"]],
		[{ catId: 1, pageSize: 0 }, ["size must be a whole number from 1 to 10"]],
		[{ catId: 1, sort: "price" }, ["sort must be one of default, sales, price_up, price_down"]],
		[{ catId: 1, language: "de" }, ["lang must be one of en, zh, ru, vi, ja, ko"]],
		[{ catId: 1, api: "v3" }, ["api must be v1 or v2"]],
		[{ catId: 1, freeShipping: "yes" }, ["free_shipping must be yes or no"]],
		[
			{ catId: 1, priceMin: -1 },
			[`min price must be a number from 0 to ${PRICE_MAX} with at most 2 decimals`],
		],
		[
			{ catId: 1, priceMax: 10.001 },
			[`max price must be a number from 0 to ${PRICE_MAX} with at most 2 decimals`],
		],
		[
			{ catId: 1, priceMax: Number.POSITIVE_INFINITY },
			[`max price must be a number from 0 to ${PRICE_MAX} with at most 2 decimals`],
		],
		[
			{ catId: 1, priceMax: PRICE_MAX + 0.01 },
			[`max price must be a number from 0 to ${PRICE_MAX} with at most 2 decimals`],
		],
		[{ catId: 1, priceMin: 50, priceMax: 10.5 }, ["min price (50) must not be above max price (10.5)"]],
		[{ catId: 1, api: "v1", sort: "sales" }, ["sort needs api v2"]],
		[{ catId: 1, api: "v1", priceMax: 5 }, ["price filters need api v2"]],
		[{ catId: 1, api: "v1", newArrival: true }, ["new_arrival needs api v2"]],
		[{ catId: 1, api: "v1", language: "ru" }, ["lang needs api v2"]],
	])("refuses %j", (input, problems) => {
		expect(toCategoryQuery(input)).toStrictEqual({ ok: false, problems });
	});

	it("reports every problem at once, cross-field ones included", () => {
		expect(
			toCategoryQuery({
				catId: 0,
				page: 0,
				api: "v1",
				sort: "sales",
				priceMin: 9,
				priceMax: 1,
				language: "xx",
			}),
		).toStrictEqual({
			ok: false,
			problems: [
				"category id must be a positive whole number",
				"page must be a whole number of at least 1",
				"lang must be one of en, zh, ru, vi, ja, ko",
				"sort needs api v2",
				"price filters need api v2",
				"min price (9) must not be above max price (1)",
			],
		});
	});
});

describe("bounds", () => {
	it("allows exactly the chat pages 2000 products fill, at every chat page size", () => {
		for (let pageSize = 1; pageSize <= 10; pageSize++) {
			const last = lastServablePage(pageSize);
			expect((last - 1) * pageSize).toBeLessThan(MAX_RESULT_ITEMS);
			expect(last * pageSize).toBeGreaterThanOrEqual(MAX_RESULT_ITEMS);
			expect(toCategoryQuery({ catId: 1, pageSize, page: last }).ok).toBe(true);
			expect(toCategoryQuery({ catId: 1, pageSize, page: last + 1 }).ok).toBe(false);
		}
	});

	it("reads only the fields a query has, however many other keys an options object carries", () => {
		const crowded: Record<string, unknown> = { catId: 1031910, sort: "sales" };
		for (let i = 0; i < 200_000; i++) crowded[`k${i}`] = i;
		let result: ReturnType<typeof toCategoryQuery> | undefined;
		expect(cpuMsSync(() => (result = toCategoryQuery(crowded)))).toBeLessThan(5);
		expect(result).toStrictEqual({ ok: true, query: { ...DEFAULTS, sort: "sales" } });
	});
});
