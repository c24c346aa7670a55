import { ParameterError } from "./answer.js";
import { SEARCH_DEFAULT_PAGE_SIZE, SEARCH_MAX_PAGE_SIZE } from "./constants.js";
import {
	type FlagFilters,
	flag,
	oneOf,
	positiveInteger,
	present,
	price,
	type QueryParams,
	SORTS,
	type Sort,
} from "./query.js";
import { LANGUAGES, type Language } from "./vocabulary.js";

/** What both keyword searches share once validated. */
export interface SearchSelection {
	readonly page: number;
	readonly pageSize: number;
	readonly sort: Sort;
	/** In fen; undefined when the bound is not set. */
	readonly priceStartFen: number | undefined;
	readonly priceEndFen: number | undefined;
	readonly flags: FlagFilters;
}

/** A validated `/1688/search/items` request. */
export interface SearchQuery extends SearchSelection {
	readonly keyword: string;
	/** The price bounds as sent (trimmed), "" when absent: the answer echoes them. */
	readonly priceStartText: string;
	readonly priceEndText: string;
	/** The undocumented `moq` filter, read as "minimum order at most this"; undefined when absent. */
	readonly moqMax: number | undefined;
}

/** A validated `/1688/global/search/items` request: a keyword, category ids, or both. */
export interface GlobalSearchQuery extends SearchSelection {
	readonly keyword: string | undefined;
	readonly catIds: readonly number[];
	readonly language: Language;
}

// The docs' table says `cat_id`, their tip `cat_ids`; accept both, the latter as a short list.
const MAX_CAT_IDS = 10;

function selection(params: QueryParams): SearchSelection {
	const page = present(params, "page");
	const pageSizeText = present(params, "page_size");
	const pageSize = pageSizeText === undefined ? SEARCH_DEFAULT_PAGE_SIZE : positiveInteger(pageSizeText);
	if (pageSize > SEARCH_MAX_PAGE_SIZE) throw new ParameterError(pageSizeText);
	return {
		page: page === undefined ? 1 : positiveInteger(page),
		pageSize,
		sort: oneOf(SORTS, present(params, "sort"), "default"),
		priceStartFen: price(present(params, "price_start")),
		priceEndFen: price(present(params, "price_end")),
		flags: {
			superFactory: flag(params, "is_super_factory"),
			supportDropshipping: flag(params, "support_dropshipping"),
			freeShipping: flag(params, "free_shipping"),
			newArrival: flag(params, "new_arrival"),
		},
	};
}

/** Validates a search/items query; throws ParameterError (422) without a keyword or with page_size > 20. */
export function parseSearchQuery(params: QueryParams): SearchQuery {
	const keyword = present(params, "keyword");
	if (keyword === undefined) throw new ParameterError("keyword is required");
	const moq = present(params, "moq");
	return {
		...selection(params),
		keyword,
		priceStartText: present(params, "price_start") ?? "",
		priceEndText: present(params, "price_end") ?? "",
		moqMax: moq === undefined ? undefined : positiveInteger(moq),
	};
}

function catIds(params: QueryParams): number[] {
	const single = present(params, "cat_id");
	const list = present(params, "cat_ids")?.split(",") ?? [];
	if (list.length > MAX_CAT_IDS) throw new ParameterError("too many cat_ids");
	const ids = [...(single === undefined ? [] : [single]), ...list].map((id) => positiveInteger(id.trim()));
	return [...new Set(ids)];
}

/** Validates a global/search/items query; throws ParameterError (422) when neither keyword nor cat_id is set. */
export function parseGlobalSearchQuery(params: QueryParams): GlobalSearchQuery {
	const keyword = present(params, "keyword");
	const ids = catIds(params);
	if (keyword === undefined && ids.length === 0) throw new ParameterError("keyword or cat_id is required");
	return {
		...selection(params),
		keyword,
		catIds: ids,
		language: oneOf(LANGUAGES, present(params, "language"), "en"),
	};
}
