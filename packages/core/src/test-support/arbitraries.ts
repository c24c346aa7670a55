import fc from "fast-check";
import type { CategoryQuery } from "../query/schema.js";
import { PRICE_MAX } from "../query/schema.js";
import { LANGUAGES, SORT_ORDERS } from "../tmapi/params.js";

/** A query with every default, for tests to spread their changes over. */
export const DEFAULTS: CategoryQuery = {
	catId: 1031910,
	page: 1,
	pageSize: 5,
	sort: "default",
	newArrival: false,
	dropshipping: false,
	freeShipping: false,
	superFactory: false,
	language: "en",
	api: "v2",
};

const cents = fc.integer({ min: 0, max: PRICE_MAX * 100 });
const priceBounds = fc
	.tuple(fc.option(cents, { nil: undefined }), fc.option(cents, { nil: undefined }))
	.map(([a, b]): Pick<CategoryQuery, "priceMin" | "priceMax"> => {
		const [low, high] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
		return {
			...(low !== undefined && { priceMin: low / 100 }),
			...(high !== undefined && { priceMax: high / 100 }),
		};
	});
const paging = {
	catId: fc.oneof(
		fc.integer({ min: 1, max: 9_999_999_999 }),
		fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
	),
	page: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
	pageSize: fc.integer({ min: 1, max: 10 }),
	dropshipping: fc.boolean(),
	freeShipping: fc.boolean(),
	superFactory: fc.boolean(),
};
/** Every valid query: v2 with any option, and v1 with only the filters v1 has. */
export const validQuery: fc.Arbitrary<CategoryQuery> = fc.oneof(
	fc
		.record({
			...paging,
			sort: fc.constantFrom(...SORT_ORDERS),
			newArrival: fc.boolean(),
			language: fc.constantFrom(...LANGUAGES),
			prices: priceBounds,
		})
		.map(({ prices, ...rest }): CategoryQuery => ({ ...rest, ...prices, api: "v2" })),
	fc
		.record(paging)
		.map(
			(rest): CategoryQuery => ({ ...rest, sort: "default", newArrival: false, language: "en", api: "v1" }),
		),
);
