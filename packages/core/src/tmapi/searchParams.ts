import * as v from "valibot";
import {
	CatIdSchema,
	FilterSchema,
	LANGUAGES,
	PageSchema,
	PRICE_ORDER_MESSAGE,
	PriceSchema,
	pageSizeSchema,
	priceInOrder,
	SORT_ORDERS,
} from "./params.js";

/**
 * The largest `page_size` of both keyword searches: search/items documents 20, global/search/items documents
 * no maximum, and the clients of it we found cap it at 20 ("TMAPI max page_size is 20").
 */
export const SEARCH_MAX_PAGE_SIZE = 20;
/**
 * Longest keyword the client sends, in characters (code points, so a CJK keyword of 200 characters is 200).
 * The docs give no limit; this bounds the query string, cache keys and logs whatever a caller passes.
 */
export const SEARCH_KEYWORD_MAX_LENGTH = 200;

const KeywordSchema = v.pipe(
	v.string("keyword must be a string"),
	v.trim(),
	v.minLength(1, "keyword must not be empty"),
	v.check(
		(keyword) => Array.from(keyword).length <= SEARCH_KEYWORD_MAX_LENGTH,
		`keyword must be at most ${SEARCH_KEYWORD_MAX_LENGTH} characters`,
	),
);

const SearchPageSizeSchema = pageSizeSchema(SEARCH_MAX_PAGE_SIZE);

/** What both keyword searches accept besides the keyword itself. */
const SharedEntries = {
	page: PageSchema,
	pageSize: SearchPageSizeSchema,
	sort: v.optional(v.picklist(SORT_ORDERS, `sort must be one of ${SORT_ORDERS.join(", ")}`)),
	priceStart: PriceSchema,
	priceEnd: PriceSchema,
	newArrival: FilterSchema,
	supportDropshipping: FilterSchema,
	freeShipping: FilterSchema,
	isSuperFactory: FilterSchema,
};

/** The object's own problems: not an object at all, or a required key (only `keyword`) missing. */
const objectMessage = (issue: v.ObjectIssue) =>
	issue.path === undefined ? "search parameters must be an object" : `${v.getDotPath(issue)} is required`;

/** Query of `GET /1688/search/items` (1688's own index, Chinese titles) with camelCase names. */
export const SearchItemsParamsSchema = v.pipe(
	v.object(
		{
			keyword: KeywordSchema,
			...SharedEntries,
			/** Documented without an explanation; the name suggests a minimum-order filter. */
			moq: v.optional(
				v.pipe(
					v.number("moq must be a number"),
					v.safeInteger("moq must be a whole number"),
					v.minValue(1, "moq must be at least 1"),
				),
			),
		},
		objectMessage,
	),
	v.forward(v.partialCheck([["priceStart"], ["priceEnd"]], priceInOrder, PRICE_ORDER_MESSAGE), [
		"priceStart",
	]),
);
export type SearchItemsParams = v.InferInput<typeof SearchItemsParamsSchema>;

/** Query of `GET /1688/global/search/items` (titles in `language`) with camelCase names. */
export const GlobalSearchItemsParamsSchema = v.pipe(
	v.object(
		{
			keyword: v.optional(KeywordSchema),
			/** Sent as `cat_id`, the name the docs' table gives (their tip says `cat_ids`). */
			catId: v.optional(CatIdSchema),
			language: v.optional(v.picklist(LANGUAGES, `language must be one of ${LANGUAGES.join(", ")}`), "en"),
			...SharedEntries,
		},
		objectMessage,
	),
	v.forward(v.partialCheck([["priceStart"], ["priceEnd"]], priceInOrder, PRICE_ORDER_MESSAGE), [
		"priceStart",
	]),
	v.check(
		(input) => input.keyword !== undefined || input.catId !== undefined,
		"keyword or catId is required",
	),
);
export type GlobalSearchItemsParams = v.InferInput<typeof GlobalSearchItemsParamsSchema>;
