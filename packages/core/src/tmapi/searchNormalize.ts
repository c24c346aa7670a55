import { normalizeItems, type RawPage } from "./normalize.js";
import type { SearchPage } from "./product.js";
import type { CategoryItem, SearchData } from "./schemas.js";

/** The most results TMAPI reports (and serves) for one search, even for a keyword that matches nothing. */
export const SEARCH_TOTAL_COUNT_CAP = 2000;

/** Which keyword endpoint a page came from: "search" is `/1688/search/items`, "global" the multilingual one. */
export type SearchPageApi = SearchPage["api"];

/** A normalized search page of one endpoint plus the validated upstream data it came from. */
export type SearchItems<TApi extends SearchPageApi = SearchPageApi> = SearchPage & {
	readonly api: TApi;
	readonly raw: RawPage<SearchData, CategoryItem>;
};

/** What the request asked for, which the answer may not echo. */
export interface SearchRequest {
	readonly keyword?: string | undefined;
	readonly page: number;
	readonly pageSize: number;
}

/**
 * Whether another page exists. The docs' `has_next_page` when sent; real search/items answers leave it out,
 * so then the total (past 2000 nothing is served, whatever the total says); with neither, a full
 * page (of the size asked for) suggests more. Items are counted as sent, so a dropped bad item does not
 * end the paging.
 */
function hasNextPage(data: SearchData, page: number, pageSize: number, requested: SearchRequest): boolean {
	if (typeof data.has_next_page === "boolean") return data.has_next_page;
	if (data.total_count !== undefined) {
		return page * pageSize < Math.min(data.total_count, SEARCH_TOTAL_COUNT_CAP);
	}
	return data.items.length >= requested.pageSize;
}

/** Normalizes a validated search `data` object into the page shape both keyword endpoints share. */
export function normalizeSearchPage<TApi extends SearchPageApi>(
	api: TApi,
	data: SearchData,
	request: SearchRequest,
): SearchItems<TApi> {
	const { items, validRaw, droppedItems, duplicateItems } = normalizeItems(data.items, api);
	const page = data.page ?? request.page;
	const pageSize = data.page_size || request.pageSize;
	return {
		api,
		keyword: request.keyword ?? null,
		page,
		pageSize,
		hasNextPage: hasNextPage(data, page, pageSize, request),
		...(data.total_count === undefined ? {} : { totalCount: data.total_count }),
		items,
		droppedItems,
		duplicateItems,
		raw: { data, items: validRaw },
	};
}
