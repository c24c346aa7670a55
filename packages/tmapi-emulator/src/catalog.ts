import { CATEGORY_TREE, type CategoryNode, TOP_LEVEL_CATEGORY_IDS } from "./categories.js";
import { DEFAULT_SEED } from "./constants.js";
import { type CatalogItem, generateCategoryItems } from "./items.js";
import { normalizeKeyword } from "./keywords.js";
import { createLruCache } from "./lruCache.js";
import { generateSearchPool, type SearchPool } from "./searchPool.js";

/** The emulator's data: a fixed category tree plus seeded items for any positive cat_id or keyword. */
export interface CatalogData {
	readonly seed: number;
	/** A category's items in the API's default order (generated on first use, then cached). */
	items(catId: number): readonly CatalogItem[];
	/**
	 * What a keyword search finds, in default order, before filters: the same for the same keyword (case,
	 * width and spacing aside) and category ids. Without a keyword, the categories' own items.
	 */
	search(keyword: string | undefined, catIds?: readonly number[]): SearchPool;
	/** The tree node for an id, or undefined for ids outside the tree. */
	category(catId: number): CategoryNode | undefined;
	/** The top-level categories, in the order the info endpoint lists them. */
	topLevel(): readonly CategoryNode[];
}

// Any integer is a valid cat_id and any text a keyword, so a long benchmark could touch thousands; keep
// memory bounded (a broad keyword holds 2000 items).
const CACHED_CATEGORIES = 64;
const CACHED_SEARCHES = 16;

/**
 * Builds the catalog the emulator serves. Use it directly in tests that need to know what a response must
 * contain, with the same seed as the emulator.
 *
 * @example
 * ```ts
 * const catalog = createCatalogData(DEFAULT_SEED);
 * catalog.items(DEMO_CATEGORY_IDS.dresses).length; // 137
 * catalog.search(DEMO_SEARCH_KEYWORDS.narrow).items.length; // 129
 * ```
 */
export function createCatalogData(seed: number = DEFAULT_SEED): CatalogData {
	const categories = createLruCache<number, readonly CatalogItem[]>(CACHED_CATEGORIES);
	const searches = createLruCache<string, SearchPool>(CACHED_SEARCHES);
	const items = (catId: number): readonly CatalogItem[] =>
		categories.getOrCreate(catId, () => Object.freeze(generateCategoryItems(seed, catId)));
	return {
		seed,
		items,
		search(keyword, catIds = []) {
			const key = `${normalizeKeyword(keyword ?? "")}\u0000${catIds.join(",")}`;
			return searches.getOrCreate(key, () =>
				generateSearchPool({ seed, keyword, catIds, categoryItems: items }),
			);
		},
		category: (catId) => CATEGORY_TREE.get(catId),
		topLevel: () => TOP_LEVEL_CATEGORY_IDS.flatMap((id) => CATEGORY_TREE.get(id) ?? []),
	};
}
