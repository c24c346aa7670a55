import { type Answer, success } from "./answer.js";
import type { CatalogData } from "./catalog.js";
import type { CatalogItem } from "./items.js";
import { selectPage } from "./listing.js";
import type { QueryParams } from "./query.js";
import { globalExtras, pythonPrice, shopExtras } from "./searchExtras.js";
import { parseGlobalSearchQuery } from "./searchQuery.js";
import type { Language } from "./vocabulary.js";

// What is_hot_item marks; about a fifth of the real items have it.
const HOT_SALES_90_DAYS = 1000;

function overseasImage(url: string): string {
	return `https:${url.replace(/^https:/, "").replace("//cbu01.alicdn.com/", "//cbu01-overseas.1688.com/")}`;
}

/**
 * Encodes an item in the shape of `/1688/global/search/items`: string item_id, title in `language` plus the
 * Chinese `title_origin`, a price range, MOQ as `quantity_begin` (a string), 90-day sales as a digit string,
 * and no seller identity (shop_info has two booleans). Like the real items, no `category_path`.
 */
export function toGlobalSearchItem(item: CatalogItem, language: Language): Record<string, unknown> {
	const extras = globalExtras(item);
	const price = pythonPrice(item.salePriceFen);
	return {
		item_id: String(item.itemId),
		product_url: `https://detail.1688.com/offer/${item.itemId}.html`,
		title: item.titles[language],
		title_origin: item.titles.zh,
		img: overseasImage(item.img),
		price,
		price_info: { price, price_min: price, price_max: pythonPrice(extras.priceMaxFen) },
		currency: "CNY",
		quantity_begin: String(item.moq),
		sale_info: { sale_quantity_90days: String(item.sales90) },
		goods_score: extras.goodsScore,
		shop_info: {
			is_gold_manufacturer: item.shop.isSuperFactory,
			is_verified: shopExtras(item.shop).isVerified,
		},
		is_free_shipping: item.freeShipping,
		is_new_item: item.newArrival,
		is_hot_item: item.sales90 >= HOT_SALES_90_DAYS,
	};
}

/**
 * Answers `/1688/global/search/items`: keyword and/or cat_id (or cat_ids), `language`, sort, price and flag
 * filters, page_size at most 20. The envelope is the docs' without `has_next_page` and with a numeric
 * `total_count` (capped at 2000), the fields real clients page on; "sales" orders by 90-day sales.
 */
export function answerGlobalSearch(catalog: CatalogData, params: QueryParams): Answer {
	const query = parseGlobalSearchQuery(params);
	const page = selectPage(catalog.search(query.keyword, query.catIds).items, query);
	return success({
		page: query.page,
		page_size: query.pageSize,
		total_count: page.totalCount,
		sort: query.sort,
		filters: {},
		items: page.items.map((item) => toGlobalSearchItem(item, query.language)),
	});
}
