import * as v from "valibot";
import type { Cached, CacheThrough } from "../cache/cacheThrough.js";
import type { Limits } from "../limits/createLimits.js";
import { canonicalQueryKey } from "../query/format.js";
import { CHAT_PAGE_SIZE_MAX, MAX_RESULT_ITEMS } from "../query/schema.js";
import { type CatalogQuery, isSearchQuery } from "../query/searchSchema.js";
import type { TmapiClient } from "../tmapi/client.js";
import { CategoryPageSchema } from "../tmapi/product.js";
import { slicesFor } from "./slice.js";
import { paidCall } from "./upstream.js";

/** v1 has a fixed page size upstream. */
const V1_PAGE_SIZE = 20;
/** v2's largest `page_size`; larger is answered 422. */
const V2_MAX_PAGE_SIZE = 50;
/** Both keyword searches: search/items documents 20 as its largest `page_size`, global/search/items none. */
const SEARCH_PAGE_SIZE = 20;

/**
 * One upstream page as the engine keeps it, whichever endpoint it came from: the page fields categories
 * and searches share (a category page's `api` and `catId` are left out when read back).
 */
export const ResultPageSchema = v.omit(CategoryPageSchema, ["api", "catId"]);
/** See {@link ResultPageSchema}. */
export type ResultPage = v.InferOutput<typeof ResultPageSchema>;

/** Chat pages' worth of upstream data, with where it came from. */
export interface Loaded {
	readonly pages: readonly ResultPage[];
	readonly fromCache: boolean;
	readonly fetchedAt: number;
}

/** Options of {@link createPageSource}. */
export interface PageSourceOptions {
	readonly client: TmapiClient;
	readonly cache: CacheThrough;
	readonly limits: Limits;
	readonly ttlMs: number;
	/**
	 * Items per v2 request, kept within CHAT_PAGE_SIZE_MAX..50: an upstream page smaller than the largest
	 * chat page would make one chat page cost several paid calls.
	 */
	readonly upstreamPageSize: number;
}

/** Upstream pages through the cache, each paid for once per TTL; see {@link createPageSource}. */
export interface PageSource {
	/** Items per upstream page for this query's API version. */
	upstreamSize(query: CatalogQuery): number;
	/** One upstream page, from the cache or paid for by `userKey`. */
	upstreamPage(query: CatalogQuery, page: number, userKey: string): Promise<Cached<ResultPage>>;
	/** The upstream pages a chat page needs (one or two), paid for by `userKey` where not cached. */
	load(query: CatalogQuery, userKey: string): Promise<Loaded>;
	/** Whether every upstream page a chat page needs is cached now; never a paid call. */
	isCached(query: CatalogQuery): Promise<boolean>;
	/**
	 * How many items the query has, as an upstream page fetched within the TTL told (v2's total_count, or
	 * v1's last page), at most 2000; undefined when no page has said. Never a paid call.
	 */
	knownTotal(query: CatalogQuery): Promise<number | undefined>;
}

const ExtentSchema = v.object({ total: v.pipe(v.number(), v.safeInteger(), v.minValue(0)) });

/**
 * The item count one upstream page proves, if any: v2 says it outright; v1 only on its last page, and only
 * when that page is not empty (an empty page past the end does not say where the end was).
 */
export function totalFromPage(page: ResultPage, upstreamPage: number, size: number): number | undefined {
	if (page.totalCount !== undefined) return Math.min(page.totalCount, MAX_RESULT_ITEMS);
	if (page.hasNextPage || (page.items.length === 0 && upstreamPage > 1)) return undefined;
	return Math.min((upstreamPage - 1) * size + page.items.length, MAX_RESULT_ITEMS);
}

/** Sort, flags and price bounds as v2 and both keyword searches take them (v1 takes fewer). */
function filters(query: CatalogQuery) {
	return {
		sort: query.sort,
		newArrival: query.newArrival,
		supportDropshipping: query.dropshipping,
		freeShipping: query.freeShipping,
		isSuperFactory: query.superFactory,
		...(query.priceMin === undefined ? {} : { priceStart: query.priceMin }),
		...(query.priceMax === undefined ? {} : { priceEnd: query.priceMax }),
	};
}

/**
 * Upstream pages through the cache: each (query, upstream page) is fetched once per TTL, paid for from
 * the asking user's budget, and shared by every chat page, export and process that needs it. Each paid
 * page also leaves the query's item count behind when it tells it, so a later request for a page past
 * the end can be answered without paying.
 */
export function createPageSource(options: PageSourceOptions): PageSource {
	const { client, cache, limits, ttlMs } = options;
	const asked = Number.isFinite(options.upstreamPageSize) ? Math.trunc(options.upstreamPageSize) : 20;
	const v2Size = Math.min(V2_MAX_PAGE_SIZE, Math.max(CHAT_PAGE_SIZE_MAX, asked));

	function upstreamSize(query: CatalogQuery): number {
		if (isSearchQuery(query)) return SEARCH_PAGE_SIZE;
		return query.api === "v1" ? V1_PAGE_SIZE : v2Size;
	}

	function pageKey(query: CatalogQuery, upstreamPage: number): string {
		return `page:${canonicalQueryKey(query)}:size=${upstreamSize(query)}:p=${upstreamPage}`;
	}

	// The count does not depend on the page size, so every size and page of a query share one entry.
	function extentKey(query: CatalogQuery): string {
		return `extent:${canonicalQueryKey(query)}`;
	}

	async function fetchUpstream(query: CatalogQuery, upstreamPage: number): Promise<ResultPage> {
		if (isSearchQuery(query)) {
			const params = {
				keyword: query.keyword,
				page: upstreamPage,
				pageSize: SEARCH_PAGE_SIZE,
				...filters(query),
			};
			const found =
				query.api === "native"
					? await client.searchItems(params)
					: await client.globalSearchItems({ ...params, language: query.language });
			const { raw: _raw, api: _api, keyword: _keyword, ...page } = found;
			return page;
		}
		const result =
			query.api === "v1"
				? await client.categoryItems({
						catId: query.catId,
						page: upstreamPage,
						superFactory: query.superFactory,
						supportDropshipping: query.dropshipping,
						freeShipping: query.freeShipping,
					})
				: await client.categoryItemsV2({
						catId: query.catId,
						page: upstreamPage,
						pageSize: v2Size,
						language: query.language,
						...filters(query),
					});
		// The raw upstream data stays out of the cache: it doubles the bytes and no renderer reads it. `api`
		// and `catId` stay, so processes of an earlier release sharing the cache can still read the page.
		const { raw: _raw, ...page } = result;
		return page;
	}

	async function rememberTotal(query: CatalogQuery, upstreamPage: number, page: ResultPage) {
		const total = totalFromPage(page, upstreamPage, upstreamSize(query));
		if (total === undefined) return;
		// An entry already there came from the same result set within the TTL, so it is kept as it is.
		await cache.get(extentKey(query), ExtentSchema, ttlMs, async () => ({ total }));
	}

	function upstreamPage(query: CatalogQuery, page: number, userKey: string): Promise<Cached<ResultPage>> {
		return cache.get(pageKey(query, page), ResultPageSchema, ttlMs, async () => {
			const fetched = await paidCall(limits, userKey, () => fetchUpstream(query, page));
			// Only a shortcut for later requests: failing to note it must not fail (or refund) this page.
			await rememberTotal(query, page, fetched).catch(() => undefined);
			return fetched;
		});
	}

	async function load(query: CatalogQuery, userKey: string): Promise<Loaded> {
		const slices = slicesFor(query.page, query.pageSize, upstreamSize(query));
		const results = await Promise.all(
			slices.map((slice) => upstreamPage(query, slice.upstreamPage, userKey)),
		);
		return {
			pages: results.map((r) => r.value),
			fromCache: results.every((r) => r.fromCache),
			fetchedAt: Math.min(...results.map((r) => r.fetchedAt)),
		};
	}

	async function isCached(query: CatalogQuery): Promise<boolean> {
		const slices = slicesFor(query.page, query.pageSize, upstreamSize(query));
		const hits = await Promise.all(
			slices.map((s) => cache.peek(pageKey(query, s.upstreamPage), ResultPageSchema)),
		);
		return hits.every((hit) => hit !== undefined);
	}

	async function knownTotal(query: CatalogQuery): Promise<number | undefined> {
		return (await cache.peek(extentKey(query), ExtentSchema))?.value.total;
	}

	return { upstreamSize, upstreamPage, load, isCached, knownTotal };
}
