import { TOTAL_COUNT_CAP } from "./constants.js";
import type { CatalogItem } from "./items.js";
import type { FlagFilters, Sort } from "./query.js";

/** One page of a filtered, sorted listing. */
export interface Page<T extends CatalogItem = CatalogItem> {
	readonly items: readonly T[];
	/** How many items the query matches, capped like the real API's total_count. */
	readonly totalCount: number;
	readonly hasNextPage: boolean;
}

/** What a listing request selects; the price bounds are in fen and inclusive. */
export interface Selection {
	readonly flags: FlagFilters;
	readonly sort: Sort;
	readonly priceStartFen?: number | undefined;
	readonly priceEndFen?: number | undefined;
	/** Keyword search's `moq` filter: only items whose minimum order is at most this. */
	readonly moqMax?: number | undefined;
	readonly page: number;
	readonly pageSize: number;
}

/** How each `sort` orders items; undefined keeps the generated (default) order. */
export type Comparators = Readonly<Record<Sort, ((a: CatalogItem, b: CatalogItem) => number) | undefined>>;

function matches(item: CatalogItem, selection: Selection): boolean {
	const { flags, priceStartFen, priceEndFen, moqMax } = selection;
	return (
		(!flags.superFactory || item.shop.isSuperFactory) &&
		(!flags.supportDropshipping || item.supportDropshipping) &&
		(!flags.freeShipping || item.freeShipping) &&
		(!flags.newArrival || item.newArrival) &&
		(priceStartFen === undefined || item.salePriceFen >= priceStartFen) &&
		(priceEndFen === undefined || item.salePriceFen <= priceEndFen) &&
		(moqMax === undefined || item.moq <= moqMax)
	);
}

/** The category endpoints' orders: "sales" means 90-day sales, the figure v2 shows. */
export const CATEGORY_COMPARATORS: Comparators = {
	default: undefined,
	sales: (a, b) => b.sales90 - a.sales90,
	price_up: (a, b) => a.salePriceFen - b.salePriceFen,
	price_down: (a, b) => b.salePriceFen - a.salePriceFen,
};

/** Filters, sorts and cuts one page, serving at most TOTAL_COUNT_CAP items like the real API. */
export function selectPage<T extends CatalogItem>(
	items: readonly T[],
	selection: Selection,
	comparators: Comparators = CATEGORY_COMPARATORS,
): Page<T> {
	const matching = items.filter((item) => matches(item, selection));
	const comparator = comparators[selection.sort];
	// Array#sort is stable, so ties keep the default order and pages never shuffle between calls.
	const ordered = comparator ? matching.sort(comparator) : matching;
	const totalCount = Math.min(ordered.length, TOTAL_COUNT_CAP);
	const start = (selection.page - 1) * selection.pageSize;
	const end = Math.min(start + selection.pageSize, totalCount);
	return {
		items: start < end ? ordered.slice(start, end) : [],
		totalCount,
		hasNextPage: end < totalCount,
	};
}
