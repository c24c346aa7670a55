import { type Answer, success } from "./answer.js";
import type { CatalogData } from "./catalog.js";
import type { CatalogItem } from "./items.js";
import { selectPage } from "./listing.js";
import { formatPrice } from "./price.js";
import { parseV2Query, type QueryParams } from "./query.js";
import type { Language } from "./vocabulary.js";

/** Encodes an item in the shape of `/1688/category/items/v2`: translated title, MOQ as strings. */
export function toV2Item(item: CatalogItem, language: Language): Record<string, unknown> {
	const salePrice = formatPrice(item.salePriceFen);
	const price = item.v2PriceBlank ? "" : salePrice;
	const moq = String(item.moq);
	return {
		item_id: item.itemId,
		product_url: `https://detail.1688.com/offer/${item.itemId}.html`,
		title: item.titles[language],
		img: item.img,
		category_path: [...item.categoryPath],
		price,
		price_info: {
			price,
			sale_price: salePrice,
			origin_price: item.originPriceFen === undefined ? "" : formatPrice(item.originPriceFen),
		},
		currency: "CNY",
		moq,
		quantity_begin: moq,
		sale_info: { sale_quantity_90days: item.sales90Label },
		delivery_info: {
			area_from: [...item.shop.areaFrom],
			free_shipping: item.freeShipping,
			ship_in_48h: item.shipIn48h,
		},
		shop_info: {
			company_name: item.shop.companyName,
			is_powerful_seller: item.shop.isPowerfulSeller,
			is_super_factory: item.shop.isSuperFactory,
			shop_years: item.shop.shopYears,
			score_info: { composite_score: item.shop.compositeScore },
		},
		item_repurchase_rate: item.repurchaseRate,
		low_refund_rate: item.lowRefundRate,
		ship_in_48h: item.shipIn48h,
		one_piece_min_order: item.moq === 1,
	};
}

/** Answers a v2 request: page_size, sort, price and flag filters, total_count capped at 2000. */
export function answerV2(catalog: CatalogData, params: QueryParams): Answer {
	const query = parseV2Query(params);
	const page = selectPage(catalog.items(query.catId), query);
	return success({
		page: query.page,
		page_size: query.pageSize,
		total_count: page.totalCount,
		keyword: "",
		sort: query.sort,
		cat_id: query.catId,
		filters: {},
		items: page.items.map((item) => toV2Item(item, query.language)),
		has_next_page: page.hasNextPage,
	});
}
