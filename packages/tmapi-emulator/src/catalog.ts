import { CATEGORY_TREE, type CategoryNode, TOP_LEVEL_CATEGORY_IDS } from "./categories.js";
import { DEFAULT_SEED } from "./constants.js";
import { type CatalogItem, generateCategoryItems } from "./items.js";

/** The emulator's data: a fixed category tree plus seeded items for any positive cat_id. */
export interface CatalogData {
	readonly seed: number;
	/** A category's items in the API's default order (generated on first use, then cached). */
	items(catId: number): readonly CatalogItem[];
	/** The tree node for an id, or undefined for ids outside the tree. */
	category(catId: number): CategoryNode | undefined;
	/** The top-level categories, in the order the info endpoint lists them. */
	topLevel(): readonly CategoryNode[];
}

// Any integer is a valid cat_id, so a long benchmark could touch thousands; keep memory bounded.
const CACHED_CATEGORIES = 64;

/**
 * Builds the catalog the emulator serves. Use it directly in tests that need to know what a response must
 * contain, with the same seed as the emulator.
 *
 * @example
 * ```ts
 * const catalog = createCatalogData(DEFAULT_SEED);
 * catalog.items(DEMO_CATEGORY_IDS.dresses).length; // 137
 * ```
 */
export function createCatalogData(seed: number = DEFAULT_SEED): CatalogData {
	const cache = new Map<number, readonly CatalogItem[]>();
	return {
		seed,
		items(catId) {
			const cached = cache.get(catId);
			if (cached) {
				// Re-insert so the Map's insertion order doubles as least-recently-used order.
				cache.delete(catId);
				cache.set(catId, cached);
				return cached;
			}
			const items = Object.freeze(generateCategoryItems(seed, catId));
			cache.set(catId, items);
			if (cache.size > CACHED_CATEGORIES) {
				const oldest = cache.keys().next();
				if (!oldest.done) cache.delete(oldest.value);
			}
			return items;
		},
		category: (catId) => CATEGORY_TREE.get(catId),
		topLevel: () => TOP_LEVEL_CATEGORY_IDS.flatMap((id) => CATEGORY_TREE.get(id) ?? []),
	};
}
