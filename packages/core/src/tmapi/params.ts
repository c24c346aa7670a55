import * as v from "valibot";

/** Sort orders the v2 endpoint accepts. */
export const SORT_ORDERS = ["default", "sales", "price_up", "price_down"] as const;
/** Output languages the v2 endpoint accepts. */
export const LANGUAGES = ["en", "zh", "ru", "vi", "ja", "ko"] as const;
/** The page size v2 uses when none is given, and the largest it accepts for category items. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

export const CatIdSchema = v.pipe(
	v.number("catId must be a number"),
	v.safeInteger("catId must be a whole number"),
	v.minValue(1, "catId must be a positive integer"),
);
export const PageSchema = v.optional(
	v.pipe(
		v.number("page must be a number"),
		v.safeInteger("page must be a whole number"),
		v.minValue(1, "page must be at least 1"),
	),
	1,
);
export const FilterSchema = v.optional(v.boolean("filters must be true or false"));
export const PriceSchema = v.optional(
	v.pipe(
		v.number("prices must be numbers"),
		v.finite("prices must be finite numbers"),
		v.minValue(0, "prices must not be negative"),
	),
);

/** Query of `GET /1688/category/items` (v1) with camelCase names. */
export const CategoryItemsParamsSchema = v.object({
	catId: CatIdSchema,
	page: PageSchema,
	superFactory: FilterSchema,
	supportDropshipping: FilterSchema,
	freeShipping: FilterSchema,
});
export type CategoryItemsParams = v.InferInput<typeof CategoryItemsParamsSchema>;

/** A `page_size` of 1..`max`, 20 when absent; v2 allows 50, the keyword searches 20. */
export function pageSizeSchema(max: number) {
	return v.optional(
		v.pipe(
			v.number("pageSize must be a number"),
			v.safeInteger("pageSize must be a whole number"),
			v.minValue(1, "pageSize must be at least 1"),
			v.maxValue(max, `pageSize must be at most ${max}`),
		),
		DEFAULT_PAGE_SIZE,
	);
}

/** True unless both price bounds are given and `priceStart` is above `priceEnd`. */
export function priceInOrder(input: {
	priceStart?: number | undefined;
	priceEnd?: number | undefined;
}): boolean {
	return input.priceStart === undefined || input.priceEnd === undefined || input.priceStart <= input.priceEnd;
}
export const PRICE_ORDER_MESSAGE = "priceStart must not be greater than priceEnd";

/** Query of `GET /1688/category/items/v2` with camelCase names. */
export const CategoryItemsV2ParamsSchema = v.pipe(
	v.object({
		catId: CatIdSchema,
		page: PageSchema,
		pageSize: pageSizeSchema(MAX_PAGE_SIZE),
		language: v.optional(v.picklist(LANGUAGES, `language must be one of ${LANGUAGES.join(", ")}`)),
		sort: v.optional(v.picklist(SORT_ORDERS, `sort must be one of ${SORT_ORDERS.join(", ")}`)),
		priceStart: PriceSchema,
		priceEnd: PriceSchema,
		newArrival: FilterSchema,
		supportDropshipping: FilterSchema,
		freeShipping: FilterSchema,
		isSuperFactory: FilterSchema,
	}),
	v.forward(v.partialCheck([["priceStart"], ["priceEnd"]], priceInOrder, PRICE_ORDER_MESSAGE), [
		"priceStart",
	]),
);
export type CategoryItemsV2Params = v.InferInput<typeof CategoryItemsV2ParamsSchema>;

/** Query of `GET /1688/category/info`. */
export const CategoryInfoParamsSchema = v.optional(CatIdSchema);

/** Wire query, without the token: values are strings, and false filters are left out (they filter nothing). */
export type WireQuery = Record<string, string>;

type Issues = [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];

/** Every problem valibot found, as `path: message` lines a developer can act on. */
export function describeIssues(issues: Issues): string[] {
	return issues.map((issue) => {
		const path = v.getDotPath(issue);
		return path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message;
	});
}

const WIRE_NAMES: Record<string, string> = {
	catId: "cat_id",
	keyword: "keyword",
	page: "page",
	pageSize: "page_size",
	language: "language",
	sort: "sort",
	priceStart: "price_start",
	priceEnd: "price_end",
	newArrival: "new_arrival",
	supportDropshipping: "support_dropshipping",
	freeShipping: "free_shipping",
	superFactory: "super_factory",
	isSuperFactory: "is_super_factory",
	moq: "moq",
};

/** Turns validated camelCase params into the documented snake_case query, in a stable key order. */
export function toWireQuery(params: Record<string, string | number | boolean | undefined>): WireQuery {
	const query: WireQuery = {};
	for (const key of Object.keys(params).sort()) {
		const value = params[key];
		const wireName = WIRE_NAMES[key];
		if (wireName === undefined || value === undefined || value === false) continue;
		query[wireName] = String(value);
	}
	return query;
}
