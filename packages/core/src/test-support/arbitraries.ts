import fc from "fast-check";
import type { CategoryQuery } from "../query/schema.js";
import { CATEGORY_ID_MAX, CHAT_PAGE_SIZE_MAX, lastServablePage, PRICE_MAX } from "../query/schema.js";
import type { SearchQuery } from "../query/searchSchema.js";
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

const { catId: _catId, api: _api, ...SHARED_DEFAULTS } = DEFAULTS;
/** A search with every default, for tests to spread their changes over. */
export const SEARCH_DEFAULTS: SearchQuery = { ...SHARED_DEFAULTS, keyword: "summer dress", api: "global" };

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

/** Numbers at and around every bound, and the ones that used to hang or overflow the engine. */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
	fc.constantFrom(
		0,
		-0,
		-1,
		1,
		1.5,
		5,
		10,
		11,
		28,
		29,
		200,
		201,
		400,
		401,
		2000,
		2001,
		PRICE_MAX,
		PRICE_MAX + 0.01,
		CATEGORY_ID_MAX,
		CATEGORY_ID_MAX + 1,
		2 ** 31,
		2 ** 32,
		2_251_799_813_685_248,
		9_007_199_254_740_984,
		Number.MAX_SAFE_INTEGER,
		2 ** 53,
		1e21,
		Number.MAX_VALUE,
		Number.NaN,
		Number.POSITIVE_INFINITY,
		Number.NEGATIVE_INFINITY,
	),
	fc.integer(),
	fc.double(),
	fc.maxSafeInteger(),
);

/** Words of commands as people (and attackers) type them: real options with edge numbers, and noise. */
const commandWord: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom(
		"/category",
		"/export",
		"/category@Bot",
		"sort:sales",
		"free_shipping",
		"v1",
		"lang:ru",
		"new",
	),
	edgeNumber.map(String),
	fc
		.tuple(
			fc.constantFrom("page:", "p:", "size:", "cat:", "min:", "max:", "pages:", "price:", ""),
			edgeNumber,
		)
		.map(([key, n]) => `${key}${n}`),
	fc.tuple(edgeNumber, edgeNumber).map(([a, b]) => `price:${a}-${b}`),
	fc.string({ maxLength: 12 }),
);

/** Command text: mostly near-valid words, sometimes long noise. */
export const commandText: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.array(commandWord, { maxLength: 30 }).map((words) => words.join(" ")) },
	{ weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 2_000 }) },
	{ weight: 1, arbitrary: fc.nat({ max: 200_000 }).map((n) => `/category 1 ${"9".repeat(n)}`) },
);

const optionValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 4, arbitrary: edgeNumber },
	{ weight: 1, arbitrary: fc.constantFrom("sales", "v1", "ru", "1031910", "", true, false, null, undefined) },
	{ weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

/** Option objects the way Discord's options arrive, with any value in any field, and extra keys. */
export const optionObject: fc.Arbitrary<unknown> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc.record(
			{
				catId: fc.oneof(fc.constant(1031910), optionValue),
				page: optionValue,
				pageSize: optionValue,
				sort: fc.oneof(fc.constantFrom(...SORT_ORDERS), optionValue),
				priceMin: optionValue,
				priceMax: optionValue,
				freeShipping: optionValue,
				language: fc.oneof(fc.constantFrom(...LANGUAGES), optionValue),
				api: fc.oneof(fc.constantFrom("v1", "v2"), optionValue),
				junk: optionValue,
			},
			{ requiredKeys: ["catId"] },
		),
	},
	{ weight: 1, arbitrary: fc.anything() },
);
