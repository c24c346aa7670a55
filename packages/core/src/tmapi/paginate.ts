import type { TmapiClient } from "./client.js";
import type { CategoryItems } from "./normalize.js";
import type { CategoryItemsParams, CategoryItemsV2Params } from "./params.js";
import type { CategoryPage } from "./product.js";

/** A query for {@link paginate}: v2 parameters by default, or v1's with `api: "v1"`. */
export type PaginateQuery =
	| (CategoryItemsV2Params & { readonly api?: "v2" })
	| (CategoryItemsParams & { readonly api: "v1" });

/** Options of {@link paginate}. */
export interface PaginateOptions {
	/** Stop after this many pages even if the upstream has more (each page is a paid call). Default 10. */
	readonly maxPages?: number;
}

/**
 * Iterates pages from `query.page` (default 1) until the upstream says there is no next page, a page
 * comes back empty, or `maxPages` pages were read. Items already seen on an earlier page are left out
 * and counted in `duplicateItems`, since the upstream sometimes repeats an item across pages.
 *
 * @example
 * for await (const page of paginate(client, { catId: 1031910, sort: "sales" }, { maxPages: 3 })) {
 *   console.log(page.page, page.items.length);
 * }
 */
export async function* paginate(
	client: TmapiClient,
	query: PaginateQuery,
	options: PaginateOptions = {},
): AsyncGenerator<CategoryItems<"v1"> | CategoryItems<"v2">, void, undefined> {
	const maxPages = options.maxPages ?? 10;
	const seen = new Set<string>();
	let page = query.page ?? 1;
	for (let read = 0; read < maxPages; read += 1) {
		const result =
			query.api === "v1"
				? await client.categoryItems({ ...withoutApi(query), page })
				: await client.categoryItemsV2({ ...withoutApi(query), page });
		const fresh = result.items.filter((item) => !seen.has(item.itemId));
		for (const item of fresh) seen.add(item.itemId);
		yield {
			...result,
			items: fresh,
			duplicateItems: result.duplicateItems + (result.items.length - fresh.length),
		};
		if (!result.hasNextPage || result.items.length === 0) return;
		page = result.page + 1;
	}
}

function withoutApi<T extends { readonly api?: string }>(query: T): Omit<T, "api"> {
	const { api: _api, ...rest } = query;
	return rest;
}

/** Whether there is a page before this one. */
export function hasPreviousPage(page: Pick<CategoryPage, "page">): boolean {
	return page.page > 1;
}

/** Whether the upstream says there is a page after this one. */
export function hasNextPage(page: Pick<CategoryPage, "hasNextPage">): boolean {
	return page.hasNextPage;
}

/**
 * How many pages v2's `total_count` implies at this page size, or undefined for v1 (no total).
 * The upstream caps `total_count` (2000 seen), so this is a lower bound for big categories.
 */
export function pageCount(page: Pick<CategoryPage, "totalCount" | "pageSize">): number | undefined {
	if (page.totalCount === undefined || page.pageSize <= 0) return undefined;
	return Math.max(1, Math.ceil(page.totalCount / page.pageSize));
}
