import * as v from "valibot";
import { LANGUAGES, SORT_ORDERS } from "../tmapi/params.js";

/** A sort order: `default` is 1688's relevance order. */
export type SortOrder = (typeof SORT_ORDERS)[number];

/** An output language code. */
export type Language = (typeof LANGUAGES)[number];

/** Upstream endpoint versions; v1 only filters by super factory, dropshipping and free shipping. */
export const API_VERSIONS = ["v2", "v1"] as const;
/** An upstream endpoint version. */
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Cards per chat page when the user does not say (not the upstream page size, which the catalog picks). */
export const CHAT_PAGE_SIZE_DEFAULT = 5;
/** Most cards one chat message may carry. */
export const CHAT_PAGE_SIZE_MAX = 10;
/**
 * Highest accepted price bound, in CNY. Far above any 1688 listing; the bound keeps prices exact in cents
 * and lets a page token carry each bound in 4 varint bytes.
 */
export const PRICE_MAX = 1_000_000;
/**
 * Highest accepted category id. 1688's ids are at most 9 digits today (201545016, 127380009); 11 digits
 * leave a hundredfold room for new ones while keeping every id exact in a double, far below 2^53, and
 * in 6 varint bytes of a page token. Anything longer is a typo or a probe, and refusing it costs nothing.
 */
export const CATEGORY_ID_MAX = 99_999_999_999;
/**
 * Most products TMAPI lists for one query: v2 caps `total_count` at 2000 and serves nothing past it. v1
 * reports no total; it is bounded the same way, since it lists the same 1688 result set.
 */
export const MAX_RESULT_ITEMS = 2_000;

/**
 * The highest chat page any query can have at `pageSize` cards a page (400 at 5): pages past it can only
 * cost a paid call that brings nothing back, so the schema refuses them before anything else runs.
 *
 * @example
 * lastServablePage(5); // 400
 */
export function lastServablePage(pageSize: number): number {
	return Math.ceil(MAX_RESULT_ITEMS / pageSize);
}

const CAT_ID_MESSAGE = "category id must be a positive whole number";
const CAT_ID_MAX_MESSAGE = `category id must be a whole number from 1 to ${CATEGORY_ID_MAX}`;
const PAGE_MESSAGE = "page must be a whole number of at least 1";
const PAGE_SIZE_MESSAGE = `size must be a whole number from 1 to ${CHAT_PAGE_SIZE_MAX}`;

function priceMessage(name: string): string {
	return `${name} must be a number from 0 to ${PRICE_MAX} with at most 2 decimals`;
}

function flagMessage(name: string): string {
	return `${name} must be yes or no`;
}

function isPositiveSafeInteger(n: number): boolean {
	return Number.isSafeInteger(n) && n >= 1;
}

/**
 * Whether a page exists at its chat page size as far as 1688 can tell. A page or size that fails its own
 * check passes here: partialCheck still runs after plain validation issues, and one problem is enough.
 */
export function isPageWithinReach(query: { page: number; pageSize: number }): boolean {
	const { page, pageSize } = query;
	const sizeValid = Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= CHAT_PAGE_SIZE_MAX;
	return !isPositiveSafeInteger(page) || !sizeValid || page <= lastServablePage(pageSize);
}

/** True when `n` is exactly representable as whole cents, so it survives the cents round trip of tokens. */
function hasAtMostTwoDecimals(n: number): boolean {
	return Math.round(n * 100) / 100 === n;
}

/** A price bound's schema, its messages naming the bound as users type it ("min price"). */
export function priceSchema(name: string) {
	const message = priceMessage(name);
	return v.pipe(
		v.number(message),
		v.finite(message),
		v.minValue(0, message),
		v.maxValue(PRICE_MAX, message),
		v.check(hasAtMostTwoDecimals, message),
		// -0 passes every check but would print as "0" and break deep-equal round trips.
		v.transform((n) => (Object.is(n, -0) ? 0 : n)),
	);
}

/** A chat page number, 1 when absent; {@link isPageWithinReach} bounds it by the page size. */
export const PageSchema = v.optional(
	v.pipe(v.number(PAGE_MESSAGE), v.safeInteger(PAGE_MESSAGE), v.minValue(1, PAGE_MESSAGE)),
	1,
);
/** Cards per chat page, {@link CHAT_PAGE_SIZE_DEFAULT} when absent. */
export const PageSizeSchema = v.optional(
	v.pipe(
		v.number(PAGE_SIZE_MESSAGE),
		v.integer(PAGE_SIZE_MESSAGE),
		v.minValue(1, PAGE_SIZE_MESSAGE),
		v.maxValue(CHAT_PAGE_SIZE_MAX, PAGE_SIZE_MESSAGE),
	),
	CHAT_PAGE_SIZE_DEFAULT,
);

/** The problem for a page past the last one its page size can reach. */
export function pageReachMessage(issue: { input: { pageSize: number } }): string {
	const { pageSize } = issue.input;
	return `page must be from 1 to ${lastServablePage(pageSize)} at ${pageSize} cards a page (1688 lists at most ${MAX_RESULT_ITEMS} products)`;
}

/** Valibot schema for a sort order. */
export const SortOrderSchema = v.picklist(SORT_ORDERS, `sort must be one of ${SORT_ORDERS.join(", ")}`);
/** Valibot schema for a language code. */
export const LanguageSchema = v.picklist(LANGUAGES, `lang must be one of ${LANGUAGES.join(", ")}`);
/** Valibot schema for an API version. */
export const ApiVersionSchema = v.picklist(API_VERSIONS, "api must be v1 or v2");

const CategoryQueryObjectSchema = v.object(
	{
		catId: v.pipe(
			v.number(CAT_ID_MESSAGE),
			v.check(isPositiveSafeInteger, CAT_ID_MESSAGE),
			// A second check rather than maxValue, so an id that is not a whole number gets one problem, not two.
			v.check((id) => !isPositiveSafeInteger(id) || id <= CATEGORY_ID_MAX, CAT_ID_MAX_MESSAGE),
		),
		page: PageSchema,
		pageSize: PageSizeSchema,
		sort: v.optional(SortOrderSchema, "default"),
		priceMin: v.exactOptional(priceSchema("min price")),
		priceMax: v.exactOptional(priceSchema("max price")),
		newArrival: v.optional(v.boolean(flagMessage("new_arrival")), false),
		dropshipping: v.optional(v.boolean(flagMessage("dropshipping")), false),
		freeShipping: v.optional(v.boolean(flagMessage("free_shipping")), false),
		superFactory: v.optional(v.boolean(flagMessage("super_factory")), false),
		language: v.optional(LanguageSchema, "en"),
		api: v.optional(ApiVersionSchema, "v2"),
	},
	// The object's message also covers missing required keys, and catId is the only required one.
	(issue) => (issue.path === undefined ? "a category query must be an object" : CAT_ID_MESSAGE),
);

/**
 * The one definition of a category browse request: typed chat commands, Discord options and decoded page
 * tokens all pass through it, so they agree on defaults and limits. Messages name fields the way users
 * type them (`size`, `lang`, `min price`) because they are shown in chat as they are.
 *
 * @example
 * v.parse(CategoryQuerySchema, { catId: 1031910, sort: "sales" });
 * // { catId: 1031910, page: 1, pageSize: 5, sort: "sales", newArrival: false, ..., language: "en", api: "v2" }
 */
export const CategoryQuerySchema = v.pipe(
	CategoryQueryObjectSchema,
	// partialCheck rather than check: these run even when an unrelated field failed, so every problem is
	// reported at once. A partialCheck is skipped once any issue sits on a path it reads, so order matters:
	// each check's issue goes to a path that no later check reads (the price one to `api`, read by none after).
	// Valibot still runs them after a mere validation issue (a page of 0 is still a number), so a check that
	// reads numbers guards itself, as isPageWithinReach does.
	v.forward(v.partialCheck([["page"], ["pageSize"]], isPageWithinReach, pageReachMessage), ["page"]),
	v.forward(
		v.partialCheck([["api"], ["sort"]], (q) => q.api !== "v1" || q.sort === "default", "sort needs api v2"),
		["sort"],
	),
	v.forward(
		v.partialCheck(
			[["api"], ["newArrival"]],
			(q) => q.api !== "v1" || !q.newArrival,
			"new_arrival needs api v2",
		),
		["newArrival"],
	),
	v.forward(
		v.partialCheck(
			[["api"], ["language"]],
			(q) => q.api !== "v1" || q.language === "en",
			"lang needs api v2",
		),
		["language"],
	),
	v.forward(
		v.partialCheck(
			[["api"], ["priceMin"], ["priceMax"]],
			(q) => q.api !== "v1" || (q.priceMin === undefined && q.priceMax === undefined),
			"price filters need api v2",
		),
		["api"],
	),
	v.forward(
		v.partialCheck(
			[["priceMin"], ["priceMax"]],
			(q) => q.priceMin === undefined || q.priceMax === undefined || q.priceMin <= q.priceMax,
			(issue) => {
				const { priceMin, priceMax } = issue.input;
				return `min price (${String(priceMin)}) must not be above max price (${String(priceMax)})`;
			},
		),
		["priceMin"],
	),
);

/** A validated category query with every default filled in; only the price bounds may be absent. */
export type CategoryQuery = v.InferOutput<typeof CategoryQuerySchema>;

/** What {@link toCategoryQuery} and the parsers return: a query, or every problem in plain words. */
export type CategoryQueryResult = { ok: true; query: CategoryQuery } | { ok: false; problems: string[] };

const QUERY_FIELDS = Object.keys(CategoryQueryObjectSchema.entries);

/**
 * Adapters build inputs from optional options (`min: options.getNumber("min") ?? undefined`); treat an
 * explicit `undefined` as "not given" so exact-optional price bounds do not reject it.
 */
function dropUndefined(input: unknown): unknown {
	if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
	const prototype: unknown = Object.getPrototypeOf(input);
	if (prototype !== Object.prototype && prototype !== null) return input;
	// Only the fields a query has are read: an options object with a million other keys costs the same as
	// one without (the schema ignores unknown keys anyway).
	const source = input as Record<string, unknown>;
	const picked: Record<string, unknown> = {};
	for (const key of QUERY_FIELDS) {
		if (Object.hasOwn(source, key) && source[key] !== undefined) picked[key] = source[key];
	}
	return picked;
}

/**
 * Validate anything into a {@link CategoryQuery}, turning schema issues into short problems a chat user
 * can act on. Each distinct problem is listed once.
 *
 * @example
 * toCategoryQuery({ catId: 1031910, page: 0 });
 * // { ok: false, problems: ["page must be a whole number of at least 1"] }
 */
export function toCategoryQuery(input: unknown): CategoryQueryResult {
	const result = v.safeParse(CategoryQuerySchema, dropUndefined(input));
	if (result.success) return { ok: true, query: result.output };
	return { ok: false, problems: [...new Set(result.issues.map((issue) => issue.message))] };
}
