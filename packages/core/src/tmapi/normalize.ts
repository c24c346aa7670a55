import * as v from "valibot";
import type { CategoryInfo, CategoryPage, CategoryRef, Product } from "./product.js";
import {
	type CategoryInfoData,
	CategoryRefWireSchema,
	type V1Data,
	type V1Item,
	V1ItemSchema,
	type V2Data,
	type V2Item,
	V2ItemSchema,
} from "./schemas.js";
import {
	firstPrice,
	normalizeUrl,
	parseCount,
	parseInteger,
	parsePercent,
	parsePrice,
	text,
} from "./values.js";

function productUrl(item: V1Item | V2Item): string {
	return normalizeUrl(item.product_url) ?? `https://detail.1688.com/offer/${item.item_id}.html`;
}

/** Docs' fallback order: the sale price, then the listed price, then the top-level price. */
function prices(item: V1Item | V2Item): Pick<Product, "price" | "salePrice" | "originalPrice"> {
	const info = item.price_info;
	const salePrice = parsePrice(info?.sale_price);
	const price = firstPrice(info?.sale_price, info?.price, item.price, info?.show_price);
	const original = parsePrice(info?.origin_price);
	return { price, salePrice, originalPrice: original !== null && original !== price ? original : null };
}

function fromV1(item: V1Item): Product {
	const shop = item.shop_info;
	const salesLabel = text(item.sales_count);
	return {
		itemId: item.item_id,
		url: productUrl(item),
		title: item.title,
		imageUrl: normalizeUrl(item.img),
		...prices(item),
		currency: "CNY",
		moq: parseInteger(item.quantity_begin),
		sales: item.sale_info?.sale_quantity_int ?? parseCount(item.sales_count),
		salesLabel,
		salesWindow: "total",
		buyerCount: item.sale_info?.buyer_count ?? null,
		shop: {
			name: text(shop?.company_name) ?? text(shop?.login_id),
			loginId: text(shop?.login_id),
			url: normalizeUrl(shop?.shop_url),
			isSuperFactory: shop?.is_super_factory ?? null,
			isPowerfulSeller: null,
			years: null,
			score: null,
			repurchaseRate: parsePercent(shop?.shop_repurchase_rate),
		},
		delivery: { areaFrom: [], freeShipping: null, shipIn48h: null },
		repurchaseRate: null,
		lowRefundRate: null,
		onePieceMinOrder: null,
		categoryPath: [],
	};
}

function fromV2(item: V2Item): Product {
	const shop = item.shop_info;
	const salesLabel = text(item.sale_info?.sale_quantity_90days);
	return {
		itemId: item.item_id,
		url: productUrl(item),
		title: item.title,
		imageUrl: normalizeUrl(item.img),
		...prices(item),
		currency: text(item.currency) ?? "CNY",
		moq: parseInteger(item.moq) ?? parseInteger(item.quantity_begin),
		sales: parseCount(salesLabel),
		salesLabel,
		salesWindow: "90d",
		buyerCount: null,
		shop: {
			name: text(shop?.company_name) ?? text(shop?.login_id),
			loginId: text(shop?.login_id),
			url: normalizeUrl(shop?.shop_url),
			isSuperFactory: shop?.is_super_factory ?? null,
			isPowerfulSeller: shop?.is_powerful_seller ?? null,
			years: parseInteger(shop?.shop_years),
			score: parsePrice(shop?.score_info?.composite_score),
			repurchaseRate: null,
		},
		delivery: {
			areaFrom: (item.delivery_info?.area_from ?? []).map((s) => s.trim()).filter(Boolean),
			freeShipping: item.delivery_info?.free_shipping ?? null,
			shipIn48h: item.delivery_info?.ship_in_48h ?? item.ship_in_48h ?? null,
		},
		repurchaseRate: parsePercent(item.item_repurchase_rate),
		lowRefundRate: item.low_refund_rate ?? null,
		onePieceMinOrder: item.one_piece_min_order ?? null,
		categoryPath: (item.category_path ?? []).map(String),
	};
}

/** Items that passed validation (with unknown fields kept), for callers who need an unmapped field. */
export interface RawPage<TData, TItem> {
	readonly data: TData;
	readonly items: readonly TItem[];
}

/** A page of either version with its own raw types. */
export type CategoryItems<TApi extends "v1" | "v2"> = TApi extends "v1"
	? CategoryItemsResult<V1Data, V1Item>
	: CategoryItemsResult<V2Data, V2Item>;

/** A normalized page plus the validated upstream data it came from. */
export type CategoryItemsResult<TData = V1Data | V2Data, TItem = V1Item | V2Item> = CategoryPage & {
	readonly raw: RawPage<TData, TItem>;
};

function normalizeItems<TItem extends V1Item | V2Item>(
	rawItems: readonly unknown[],
	schema: v.GenericSchema<unknown, TItem>,
	map: (item: TItem) => Product,
) {
	const items: Product[] = [];
	const validRaw: TItem[] = [];
	const seen = new Set<string>();
	let droppedItems = 0;
	let duplicateItems = 0;
	for (const raw of rawItems) {
		const parsed = v.safeParse(schema, raw);
		if (!parsed.success) {
			droppedItems += 1;
			continue;
		}
		if (seen.has(parsed.output.item_id)) {
			duplicateItems += 1;
			continue;
		}
		seen.add(parsed.output.item_id);
		validRaw.push(parsed.output);
		items.push(map(parsed.output));
	}
	return { items, validRaw, droppedItems, duplicateItems };
}

/** Normalizes a validated v1 `data` object; v1 has a fixed page size and no total count. */
export function normalizeV1Page(data: V1Data, catId: number): CategoryItemsResult<V1Data, V1Item> {
	const { items, validRaw, droppedItems, duplicateItems } = normalizeItems(data.items, V1ItemSchema, fromV1);
	return {
		api: "v1",
		catId,
		page: data.page,
		pageSize: data.page_size ?? data.items.length,
		hasNextPage: data.has_next_page,
		items,
		droppedItems,
		duplicateItems,
		raw: { data, items: validRaw },
	};
}

/** Normalizes a validated v2 `data` object. */
export function normalizeV2Page(
	data: V2Data,
	catId: number,
	requestedPageSize: number,
): CategoryItemsResult<V2Data, V2Item> {
	const { items, validRaw, droppedItems, duplicateItems } = normalizeItems(data.items, V2ItemSchema, fromV2);
	const page: CategoryItemsResult<V2Data, V2Item> = {
		api: "v2",
		catId,
		page: data.page,
		pageSize: data.page_size || requestedPageSize,
		hasNextPage: data.has_next_page,
		items,
		droppedItems,
		duplicateItems,
		raw: { data, items: validRaw },
	};
	return data.total_count === null || data.total_count === undefined
		? page
		: { ...page, totalCount: data.total_count };
}

function toRef(raw: unknown): CategoryRef | null {
	const parsed = v.safeParse(CategoryRefWireSchema, raw);
	if (!parsed.success) return null;
	const ref = parsed.output;
	return { id: ref.id, name: ref.name, nameEn: text(ref.name_en), hasChildren: ref.has_children ?? null };
}

function toRefs(list: readonly unknown[] | null | undefined): CategoryRef[] {
	return (list ?? []).map(toRef).filter((ref): ref is CategoryRef => ref !== null);
}

/** Normalizes the info endpoint's `data`: a category with path and children, or the top-level list. */
export function normalizeCategoryInfo(data: CategoryInfoData, requestedId: number | undefined): CategoryInfo {
	const category = requestedId === undefined ? null : toRef(data);
	const children = toRefs(data.children ?? data.items ?? data.list);
	const path = toRefs(data.path);
	return { category, children, path: path.length > 0 || category === null ? path : [category] };
}
