import fc from "fast-check";
import type { CategoryQuery } from "../query/schema.js";
import { CATEGORY_ID_MAX, CHAT_PAGE_SIZE_MAX, lastServablePage, PRICE_MAX } from "../query/schema.js";
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
/** A chat page size and a page that exists at that size (up to 1688's 2000 products). */
const pageAndSize = fc.integer({ min: 1, max: CHAT_PAGE_SIZE_MAX }).chain((pageSize) =>
	fc.record({
		pageSize: fc.constant(pageSize),
		page: fc.oneof(
			fc.integer({ min: 1, max: Math.min(20, lastServablePage(pageSize)) }),
			fc.integer({ min: 1, max: lastServablePage(pageSize) }),
			fc.constant(lastServablePage(pageSize)),
		),
	}),
);
const paging = {
	catId: fc.oneof(
		fc.integer({ min: 1, max: 999_999_999 }),
		fc.integer({ min: 1, max: CATEGORY_ID_MAX }),
		fc.constant(CATEGORY_ID_MAX),
	),
	paging: pageAndSize,
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
		.map(
			({ prices, paging: sized, ...rest }): CategoryQuery => ({ ...rest, ...sized, ...prices, api: "v2" }),
		),
	fc.record(paging).map(
		({ paging: sized, ...rest }): CategoryQuery => ({
			...rest,
			...sized,
			sort: "default",
			newArrival: false,
			language: "en",
			api: "v1",
		}),
	),
);
