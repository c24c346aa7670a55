import { DEMO_SEARCH_KEYWORDS, KNOWN_SEARCH_COUNTS, TOTAL_COUNT_CAP } from "./constants.js";
import { type CatalogItem, createItemContext, generateItem, mainProductOf } from "./items.js";
import {
	categoriesForKeyword,
	hashText,
	type KeywordCategory,
	matchKeyword,
	normalizeKeyword,
} from "./keywords.js";
import { createRandom, mixSeed, type Random } from "./random.js";
import { QUIRK_COUNT, quirkyTitles } from "./titleQuirks.js";
import { LANGUAGES, separatorFor, type Titles } from "./vocabulary.js";

/** A search result: a generated item plus the category search answers list it under. */
export interface SearchItem extends CatalogItem {
	/** The category of the item's `category_path`, or undefined where the real API sends `[]`. */
	readonly categoryId: number | undefined;
}

/** Everything one keyword (and optional category ids) finds, in default order, before any filter. */
export interface SearchPool {
	/** The 1..3 categories the results fall in; most results are in the first. */
	readonly categories: readonly KeywordCategory[];
	/** At most TOTAL_COUNT_CAP items, as the real API never serves more. */
	readonly items: readonly SearchItem[];
}

/** What {@link generateSearchPool} needs. */
export interface PoolRequest {
	readonly seed: number;
	readonly keyword: string | undefined;
	/** Global search's cat_id(s): the results' categories instead of the keyword's. */
	readonly catIds: readonly number[];
	/** The category listing, reused when there is no keyword. */
	readonly categoryItems: (catId: number) => readonly CatalogItem[];
}

// Most results sit in the keyword's main category; the real share is unknown, this makes it clear-cut.
const MAIN_CATEGORY_SHARE = 0.7;
// The real search/items answers had `category_path: []` on 14 of 260 items.
const NO_CATEGORY_SHARE = 0.05;
const KEYWORD_IN_TITLE_SHARE = 0.7;
const MAX_KEYWORD_IN_TITLE = 30;

function entriesFor(catIds: readonly number[]): KeywordCategory[] {
	return catIds.map((catId) => ({ catId, product: mainProductOf(catId) }));
}

// Without a keyword, global search lists the categories themselves: the same items as category/items.
function categoryPool(request: PoolRequest): SearchPool {
	const seen = new Set<number>();
	const items: SearchItem[] = [];
	for (const catId of request.catIds) {
		for (const item of request.categoryItems(catId)) {
			if (items.length >= TOTAL_COUNT_CAP || seen.has(item.itemId)) continue;
			seen.add(item.itemId);
			items.push({ ...item, categoryId: catId });
		}
	}
	return { categories: entriesFor(request.catIds), items };
}

function withKeyword(titles: Titles, keyword: string): Titles {
	const entries = LANGUAGES.map((l) => [l, `${keyword}${separatorFor(l)}${titles[l]}`] as const);
	return Object.fromEntries(entries) as Record<keyof Titles, string>;
}

function pickCategory(random: Random, count: number): number {
	if (count <= 1 || random.chance(MAIN_CATEGORY_SHARE)) return 0;
	return random.int(1, count - 1);
}

/**
 * Generates what a keyword finds: same seed, keyword (normalized) and category ids, same items. Keywords
 * the tree does not know get the keyword itself in most titles, as real results carry the searched words.
 */
export function generateSearchPool(request: PoolRequest): SearchPool {
	const text = normalizeKeyword(request.keyword ?? "");
	if (text === "") return categoryPool(request);

	const categories =
		request.catIds.length > 0 ? entriesFor(request.catIds) : categoriesForKeyword(text, request.seed);
	const random = createRandom(mixSeed(request.seed, hashText(text), ...request.catIds, 3));
	const count = Math.min(
		KNOWN_SEARCH_COUNTS[text] ?? (random.chance(0.75) ? TOTAL_COUNT_CAP : random.int(40, 250)),
		TOTAL_COUNT_CAP,
	);
	const usedIds = new Set<number>();
	const contexts = categories.map((c) => createItemContext(random, c.catId, usedIds, c.product));
	const inTitle =
		matchKeyword(text).length === 0 ? [...text].slice(0, MAX_KEYWORD_IN_TITLE).join("").trim() : undefined;

	const items: SearchItem[] = [];
	for (let i = 0; i < count; i++) {
		const index = pickCategory(random, contexts.length);
		const context = contexts[index];
		if (!context) break;
		const item = generateItem(context);
		const category = random.chance(NO_CATEGORY_SHARE) ? undefined : categories[index]?.catId;
		const titled =
			inTitle && random.chance(KEYWORD_IN_TITLE_SHARE) ? withKeyword(item.titles, inTitle) : undefined;
		items.push({ ...item, ...(titled ? { titles: titled } : {}), categoryId: category });
	}
	if (text === DEMO_SEARCH_KEYWORDS.quirkyTitles) {
		for (const [index, item] of items.slice(0, QUIRK_COUNT).entries()) {
			items[index] = { ...item, titles: quirkyTitles(index, item.titles) };
		}
	}
	return { categories, items };
}
