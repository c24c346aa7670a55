import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULTS, validQuery } from "../test-support/arbitraries.js";
import { canonicalQueryKey, formatCategoryCommand } from "./format.js";
import { parseCategoryCommand } from "./parse.js";
import { type CategoryQuery, PRICE_MAX, toCategoryQuery } from "./schema.js";

describe("formatCategoryCommand", () => {
	it.each<[Partial<CategoryQuery>, string]>([
		[{}, "/category 1031910"],
		[
			{ sort: "sales", priceMin: 10, priceMax: 50, freeShipping: true, language: "ru", page: 3 },
			"/category 1031910 sort:sales price:10-50 free_shipping lang:ru page:3",
		],
		[{ priceMin: 10.5 }, "/category 1031910 price:10.5-"],
		[{ priceMax: 0.05 }, "/category 1031910 price:-0.05"],
		[{ priceMin: 0, priceMax: PRICE_MAX }, "/category 1031910 price:0-1000000"],
		[
			{ newArrival: true, dropshipping: true, freeShipping: true, superFactory: true, pageSize: 10 },
			"/category 1031910 new_arrival free_shipping dropshipping super_factory size:10",
		],
		[{ api: "v1", superFactory: true, page: 2 }, "/category 1031910 v1 super_factory page:2"],
		[{ catId: Number.MAX_SAFE_INTEGER, sort: "price_down" }, "/category 9007199254740991 sort:price_down"],
	])("%j -> %j", (fields, text) => {
		expect(formatCategoryCommand({ ...DEFAULTS, ...fields })).toBe(text);
	});

	it("round-trips through parseCategoryCommand for every valid query", () => {
		fc.assert(
			fc.property(validQuery, (query) => {
				expect(toCategoryQuery(query)).toStrictEqual({ ok: true, query });
				expect(parseCategoryCommand(formatCategoryCommand(query))).toStrictEqual({ ok: true, query });
			}),
			{ numRuns: 2000 },
		);
	});

	it("round-trips however the copied command is cased or addressed", () => {
		fc.assert(
			fc.property(validQuery, fc.boolean(), fc.integer(), (query, mention, seed) => {
				const text = formatCategoryCommand(query)
					.replace("/category", mention ? "/category@Catbot_1688_bot" : "/category")
					.replace(/[a-z]/g, (letter, offset: number) =>
						(seed >> (offset % 31)) & 1 ? letter.toUpperCase() : letter,
					)
					.replaceAll(":", "=");
				expect(parseCategoryCommand(text)).toStrictEqual({ ok: true, query });
			}),
		);
	});
});

describe("canonicalQueryKey", () => {
	it("spells out every upstream field in a fixed order", () => {
		expect(canonicalQueryKey(DEFAULTS)).toBe(
			"cat=1031910&api=v2&lang=en&sort=default&min=&max=&new=0&drop=0&free=0&factory=0",
		);
		expect(
			canonicalQueryKey({
				...DEFAULTS,
				sort: "sales",
				priceMin: 10,
				priceMax: 50.5,
				freeShipping: true,
				language: "ru",
				page: 3,
				pageSize: 8,
			}),
		).toBe("cat=1031910&api=v2&lang=ru&sort=sales&min=10&max=50.5&new=0&drop=0&free=1&factory=0");
	});

	it("includes paging only when asked", () => {
		expect(canonicalQueryKey({ ...DEFAULTS, page: 3, pageSize: 8 }, { includePaging: true })).toBe(
			"cat=1031910&api=v2&lang=en&sort=default&min=&max=&new=0&drop=0&free=0&factory=0&page=3&size=8",
		);
	});

	it("is equal exactly when the upstream-relevant fields are equal", () => {
		const upstreamFields = [
			...["catId", "api", "language", "sort", "priceMin", "priceMax"],
			...["newArrival", "dropshipping", "freeShipping", "superFactory"],
		] as const;
		const upstream = (query: CategoryQuery) => upstreamFields.map((field) => query[field]);
		fc.assert(
			fc.property(validQuery, validQuery, (a, b) => {
				expect(canonicalQueryKey(a)).toBe(canonicalQueryKey({ ...a, page: b.page, pageSize: b.pageSize }));
				const sameUpstream = JSON.stringify(upstream(a)) === JSON.stringify(upstream(b));
				expect(canonicalQueryKey(a) === canonicalQueryKey(b)).toBe(sameUpstream);
			}),
		);
	});
});
