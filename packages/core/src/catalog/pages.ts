import type { Cached, CacheThrough } from "../cache/cacheThrough.js";
import type { Limits } from "../limits/createLimits.js";
import { canonicalQueryKey } from "../query/format.js";
import type { CategoryQuery } from "../query/schema.js";
import type { TmapiClient } from "../tmapi/client.js";
import { type CategoryPage, CategoryPageSchema } from "../tmapi/product.js";
import { slicesFor } from "./slice.js";
import { paidCall } from "./upstream.js";

/** v1 has a fixed page size upstream. */
const V1_PAGE_SIZE = 20;

/** Chat pages' worth of upstream data, with where it came from. */
export interface Loaded {
	readonly pages: readonly CategoryPage[];
	readonly fromCache: boolean;
	readonly fetchedAt: number;
}

/** Options of {@link createPageSource}. */
export interface PageSourceOptions {
	readonly client: TmapiClient;
	readonly cache: CacheThrough;
	readonly limits: Limits;
	readonly ttlMs: number;
	readonly upstreamPageSize: number;
}

/**
 * Upstream pages through the cache: each (query, upstream page) is fetched once per TTL, paid for from
 * the asking user's budget, and shared by every chat page, export and process that needs it.
 */
export function createPageSource(options: PageSourceOptions) {
	const { client, cache, limits, ttlMs, upstreamPageSize } = options;

	function upstreamSize(query: CategoryQuery): number {
		return query.api === "v1" ? V1_PAGE_SIZE : upstreamPageSize;
	}

	function pageKey(query: CategoryQuery, upstreamPage: number): string {
		return `page:${canonicalQueryKey(query)}:size=${upstreamSize(query)}:p=${upstreamPage}`;
	}

	async function fetchUpstream(query: CategoryQuery, upstreamPage: number): Promise<CategoryPage> {
		const common = {
			catId: query.catId,
			page: upstreamPage,
			supportDropshipping: query.dropshipping,
			freeShipping: query.freeShipping,
		};
		const result =
			query.api === "v1"
				? await client.categoryItems({ ...common, superFactory: query.superFactory })
				: await client.categoryItemsV2({
						...common,
						pageSize: upstreamPageSize,
						sort: query.sort,
						language: query.language,
						newArrival: query.newArrival,
						isSuperFactory: query.superFactory,
						...(query.priceMin === undefined ? {} : { priceStart: query.priceMin }),
						...(query.priceMax === undefined ? {} : { priceEnd: query.priceMax }),
					});
		// The raw upstream data stays out of the cache: it doubles the bytes and no renderer reads it.
		const { raw: _raw, ...page } = result;
		return page;
	}

	async function load(query: CategoryQuery, userKey: string): Promise<Loaded> {
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

	async function isCached(query: CategoryQuery): Promise<boolean> {
		const slices = slicesFor(query.page, query.pageSize, upstreamSize(query));
		const hits = await Promise.all(
			slices.map((s) => cache.peek(pageKey(query, s.upstreamPage), CategoryPageSchema)),
		);
		return hits.every((hit) => hit !== undefined);
	}

	/** One upstream page, from the cache or paid for by `userKey`. */
	function upstreamPage(query: CategoryQuery, page: number, userKey: string): Promise<Cached<CategoryPage>> {
		return cache.get(pageKey(query, page), CategoryPageSchema, ttlMs, () =>
			paidCall(limits, userKey, () => fetchUpstream(query, page)),
		);
	}

	return { upstreamSize, upstreamPage, load, isCached };
}

export type PageSource = ReturnType<typeof createPageSource>;
