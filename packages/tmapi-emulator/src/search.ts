import { type Answer, success } from "./answer.js";
import type { CatalogData } from "./catalog.js";
import { categoryPath } from "./categories.js";
import { DEMO_SEARCH_KEYWORDS } from "./constants.js";
import { normalizeKeyword } from "./keywords.js";
import { type Comparators, type Page, selectPage } from "./listing.js";
import type { QueryParams } from "./query.js";
import { nativeExtras, shopExtras, soldLabel } from "./searchExtras.js";
import type { SearchItem } from "./searchPool.js";
import { parseSearchQuery, type SearchQuery } from "./searchQuery.js";

/** search/items orders "sales" by the all-time sales it shows (sale_info.sale_quantity_int). */
export const SEARCH_COMPARATORS: Comparators = {
	default: undefined,
	sales: (a, b) => b.salesCount - a.salesCount,
	price_up: (a, b) => a.salePriceFen - b.salePriceFen,
	price_down: (a, b) => b.salePriceFen - a.salePriceFen,
};

/** A search item's `category_path`: ids as strings from the category up to its top level, or `[]`. */
export function searchCategoryPath(item: SearchItem): string[] {
	if (item.categoryId === undefined) return [];
	const path = categoryPath(item.categoryId).map((node) => String(node.id));
	return path.length > 0 ? path.reverse() : [String(item.categoryId)];
}

function httpsImage(url: string): string {
	return url.startsWith("//") ? `https:${url}` : url;
}

/**
 * Encodes an item in the shape of the real `/1688/search/items` answers (not the docs'): string item_id,
 * no `moq` (the minimum order is `quantity_prices[0].begin_num`, often absent), sales as display text plus
 * number, shop scores under the real API's misspelt `sore_info`.
 */
export function toSearchItem(item: SearchItem): Record<string, unknown> {
	const extras = nativeExtras(item);
	const shop = shopExtras(item.shop);
	const sold = soldLabel(item.salesCount);
	const price = extras.price(item.salePriceFen);
	const [composite, consultation, dispute, logistics, returns] = shop.scores;
	return {
		item_id: String(item.itemId),
		product_url: `https://detail.1688.com/offer/${item.itemId}.html`,
		title: item.titles.zh,
		img: httpsImage(item.img),
		category_path: searchCategoryPath(item),
		price,
		price_info: { sale_price: price, origin_price: extras.price(extras.originPriceFen) },
		quantity_prices: extras.quantityPrices.map((tier) => ({ ...tier })),
		sale_info: { sale_quantity: sold.text, sale_quantity_int: sold.int, orders_count: item.buyerCount },
		type: extras.type,
		delivery_info: { area_from: [...item.shop.areaFrom] },
		item_repurchase_rate: extras.repurchaseRate,
		goods_score: extras.goodsScore,
		tags: [...extras.tags],
		shop_info: {
			login_id: item.shop.loginId,
			member_id: shop.memberId,
			biz_type: shop.bizType,
			company_name: item.shop.companyName,
			service_tags: [...shop.serviceTags],
			is_tp: shop.isTp,
			is_super_factory: item.shop.isSuperFactory,
			factory_inspection: shop.serviceTags.includes("深度验厂"),
			sore_info: {
				composite_new_score: composite,
				consultation_score: consultation,
				dispute_score: dispute,
				logistics_score: logistics,
				return_score: returns,
			},
		},
	};
}

function selectSearchPage(items: readonly SearchItem[], query: SearchQuery): Page<SearchItem> {
	const page = selectPage(items, query, SEARCH_COMPARATORS);
	if (query.page !== 2 || normalizeKeyword(query.keyword) !== DEMO_SEARCH_KEYWORDS.repeatingPages)
		return page;
	// As the real API did for this keyword: page 2 repeats page 1, only reordered.
	const first = selectPage(items, { ...query, page: 1 }, SEARCH_COMPARATORS).items;
	return { ...page, items: [...first.slice(1), ...first.slice(0, 1)] };
}

/**
 * Answers `/1688/search/items` like the real API: no `has_next_page`, `total_count` a number capped at
 * 2000, the price bounds echoed as strings. Validation: keyword required, page_size at most 20.
 */
export function answerSearch(catalog: CatalogData, params: QueryParams): Answer {
	const query = parseSearchQuery(params);
	const page = selectSearchPage(catalog.search(query.keyword).items, query);
	return success({
		page: query.page,
		page_size: query.pageSize,
		total_count: page.totalCount,
		keyword: query.keyword,
		sort: query.sort,
		price_start: query.priceStartText,
		price_end: query.priceEndText,
		items: page.items.map(toSearchItem),
	});
}
