import { labelsFor } from "../i18n/labels.js";
import { CATEGORY_ID_MAX, type CategoryQuery } from "../query/schema.js";
import type { SearchQuery } from "../query/searchSchema.js";
import type { Product } from "../tmapi/product.js";
import type { CatalogContext } from "./actions.js";
import { categoryName } from "./categories.js";
import { nameWithin } from "./names.js";
import { catalogTexts } from "./texts.js";

/** A category a search's results point to, as a "Browse: <name>" button. */
export interface CategorySuggestion {
	readonly catId: number;
	readonly name: string;
	/** "Browse: Dresses" in the search's language. */
	readonly label: string;
	/** Page 1 of the category with the search's sort and filters. */
	readonly token: string;
}

/** Most suggestions under one result: a row of buttons, not a menu. */
const MAX_SUGGESTIONS = 3;
/** Longest name on a suggestion's button, in characters; Discord allows 80 for the whole label. */
const NAME_MAX = 40;

/**
 * The categories most products list first in their `category_path` (the most specific id: search answers
 * list leaf to root), most frequent first, ties in order of first appearance. Products without a path
 * (all of global search's, some of 1688's) count for nothing.
 */
function topCategories(products: readonly Product[], max = MAX_SUGGESTIONS): number[] {
	const counts = new Map<number, number>();
	for (const product of products) {
		const first = product.categoryPath[0];
		if (first === undefined || !/^\d{1,11}$/.test(first)) continue;
		const id = Number(first);
		if (id < 1 || id > CATEGORY_ID_MAX) continue;
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	// Map keeps insertion order and sort is stable, so equal counts stay in order of first appearance.
	return [...counts.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, max)
		.map(([id]) => id);
}

/** The category query a suggestion opens: the search's sort, prices, flags, language and page size. */
function categoryQueryFor(search: SearchQuery, catId: number): CategoryQuery {
	const { keyword: _keyword, api: _api, page: _page, ...rest } = search;
	return { ...rest, catId, page: 1, api: "v2" };
}

function shorten(name: string): string {
	const chars = Array.from(name);
	return chars.length > NAME_MAX ? `${chars.slice(0, NAME_MAX - 1).join("")}…` : name;
}

/**
 * Up to three "Browse: <name>" suggestions from a search's products. Names come through the category
 * directory (cached for a day, each looked up at most once a day across the team) and never hold the
 * results back: a name that does not arrive within the name wait shows as "Category <id>".
 */
export async function suggestCategories(
	ctx: CatalogContext,
	search: SearchQuery,
	products: readonly Product[],
	userKey: string,
): Promise<CategorySuggestion[]> {
	const ids = topCategories(products);
	const infos = await Promise.all(ids.map((id) => nameWithin(ctx, id, userKey)));
	const labels = labelsFor(search.language);
	const texts = catalogTexts(search.language);
	return ids.map((catId, i) => {
		const category = infos[i]?.category;
		const name = shorten(category ? categoryName(category, search.language) : labels.category(catId));
		return { catId, name, label: texts.browseButton(name), token: ctx.sign(categoryQueryFor(search, catId)) };
	});
}
