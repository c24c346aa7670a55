import { type Answer, success } from "./answer.js";
import type { CatalogData } from "./catalog.js";
import { V1_PAGE_SIZE } from "./constants.js";
import type { CatalogItem } from "./items.js";
import { selectPage } from "./listing.js";
import { formatPrice } from "./price.js";
import { parseV1Query, type QueryParams } from "./query.js";

/** Encodes an item in the shape of `/1688/category/items` (v1): Chinese title, MOQ as a number. */
export function toV1Item(item: CatalogItem): Record<string, unknown> {
	const salePrice = formatPrice(item.salePriceFen);
	return {
		item_id: item.itemId,
		product_url: `https://detail.1688.com/offer/${item.itemId}.html`,
		title: item.titles.zh,
		img: item.img,
		price: item.v1PriceBlank ? "" : salePrice,
		price_info: {
			sale_price: salePrice,
			show_price: salePrice,
			origin_price: item.originPriceFen === undefined ? salePrice : formatPrice(item.originPriceFen),
		},
		quantity_begin: item.moq,
		sales_count: String(item.salesCount),
		sale_info: { sale_quantity_int: item.salesCount, buyer_count: item.buyerCount },
		shop_info: {
			login_id: item.shop.loginId,
			shop_url: item.shop.shopUrl,
			company_name: item.shop.companyName,
			is_super_factory: item.shop.isSuperFactory,
			shop_repurchase_rate: item.shop.repurchaseRate,
		},
	};
}

/** Answers a v1 request: fixed pages of 20, has_next_page but no total_count. */
export function answerV1(catalog: CatalogData, params: QueryParams): Answer {
	const query = parseV1Query(params);
	const page = selectPage(catalog.items(query.catId), {
		flags: query.flags,
		sort: "default",
		page: query.page,
		pageSize: V1_PAGE_SIZE,
	});
	return success({
		page: query.page,
		page_size: V1_PAGE_SIZE,
		has_next_page: page.hasNextPage,
		filters: {},
		items: page.items.map(toV1Item),
	});
}
