import { labelsFor } from "../i18n/labels.js";
import { formatCommand } from "../query/format.js";
import { lastServablePage, MAX_RESULT_ITEMS, SortOrderSchema } from "../query/schema.js";
import { type CatalogQuery, isSearchQuery } from "../query/searchSchema.js";
import type { CategoryInfo } from "../tmapi/product.js";
import type { CatalogContext } from "./actions.js";
import { describeQuery, freshness, toCard } from "./cards.js";
import { categoryName } from "./categories.js";
import type { ResultView } from "./outcome.js";
import type { Loaded } from "./pages.js";
import { totalFromPage } from "./pages.js";
import { slicesFor, viewPageCount } from "./slice.js";
import type { CategorySuggestion } from "./suggestions.js";
import { catalogTexts } from "./texts.js";

const SORTS = SortOrderSchema.options;

/**
 * The last chat page the loaded upstream pages prove (v2's total, or v1's last page), or undefined when
 * they do not say. Never past what 1688 can list.
 */
export function lastPageOf(query: CatalogQuery, loaded: Loaded, upstreamSize: number): number | undefined {
	const slices = slicesFor(query.page, query.pageSize, upstreamSize);
	for (const [i, page] of loaded.pages.entries()) {
		const upstreamPage = slices[i]?.upstreamPage;
		const total = upstreamPage === undefined ? undefined : totalFromPage(page, upstreamPage, upstreamSize);
		if (total !== undefined) return viewPageCount(Math.min(total, MAX_RESULT_ITEMS), query.pageSize);
	}
	return undefined;
}

/**
 * One chat page from its upstream pages: the cards of its slices, the header, and signed tokens for every
 * button that leads somewhere (never to a page past the end or past what 1688 can list).
 */
export function buildView(
	ctx: CatalogContext,
	query: CatalogQuery,
	loaded: Loaded,
	info: CategoryInfo | null,
	suggestions: readonly CategorySuggestion[] = [],
): ResultView {
	const upstreamSize = ctx.pages.upstreamSize(query);
	const slices = slicesFor(query.page, query.pageSize, upstreamSize);
	const items = slices.flatMap((slice, i) => loaded.pages[i]?.items.slice(slice.start, slice.end) ?? []);
	const firstPosition = (query.page - 1) * query.pageSize + 1;
	const cards = items.map((product, i) => toCard(product, firstPosition + i, query.language));
	const first = loaded.pages[0];
	const lastSlice = slices.at(-1);
	const lastPage = loaded.pages.at(-1);
	const totalPages =
		first?.totalCount === undefined
			? null
			: viewPageCount(Math.min(first.totalCount, MAX_RESULT_ITEMS), query.pageSize);
	const moreUpstream =
		lastPage !== undefined &&
		lastSlice !== undefined &&
		(lastPage.items.length > lastSlice.end || lastPage.hasNextPage);
	const hasNext =
		items.length > 0 &&
		query.page < lastServablePage(query.pageSize) &&
		(totalPages === null ? moreUpstream : query.page < totalPages);
	const labels = labelsFor(query.language);
	const at = (page: number) => ctx.sign({ ...query, page });
	const ageMs = Math.max(0, ctx.now() - loaded.fetchedAt);
	const category = isSearchQuery(query)
		? null
		: {
				id: query.catId,
				name: info?.category ? categoryName(info.category, query.language) : null,
				path: info?.path.map((ref) => categoryName(ref, query.language)) ?? [],
			};
	return {
		query,
		command: formatCommand(query),
		title: isSearchQuery(query)
			? catalogTexts(query.language).searchTitle(query.keyword)
			: (category?.name ?? labels.category(query.catId)),
		category,
		search: isSearchQuery(query) ? { keyword: query.keyword, api: query.api } : null,
		suggestions,
		summary: describeQuery(query),
		page: query.page,
		totalPages,
		pageLabel: totalPages === null ? labels.page(query.page) : labels.pageOf(query.page, totalPages),
		cards,
		emptyText: cards.length === 0 ? labels.noProducts : null,
		tokens: {
			current: ctx.sign(query),
			...(query.page > 1 ? { first: at(1), previous: at(query.page - 1) } : {}),
			...(hasNext ? { next: at(query.page + 1) } : {}),
			...(hasNext && totalPages !== null ? { last: at(totalPages) } : {}),
		},
		sortTokens:
			query.api === "v1"
				? {}
				: Object.fromEntries(
						SORTS.filter((sort) => sort !== query.sort).map((sort) => [
							sort,
							ctx.sign({ ...query, sort, page: 1 }),
						]),
					),
		sortLabels: catalogTexts(query.language).sortButtons,
		fromCache: loaded.fromCache,
		fetchedAt: loaded.fetchedAt,
		freshness: freshness(ageMs, query.language),
	};
}
