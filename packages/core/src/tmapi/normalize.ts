import * as v from "valibot";
import type { CategoryInfo, CategoryPage, CategoryRef, Product, SearchPage } from "./product.js";
import {
	type CategoryInfoData,
	type CategoryItem,
	CategoryItemSchema,
	CategoryRefWireSchema,
	type V1Data,
	type V1Item,
	type V2Data,
	type V2Item,
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

type Api = CategoryPage["api"] | SearchPage["api"];

/** Docs' fallback order: the sale price, then the listed price, then the top-level price, then a range's low end. */
function prices(item: CategoryItem): Pick<Product, "price" | "salePrice" | "originalPrice" | "priceMax"> {
	const info = item.price_info;
	const salePrice = parsePrice(info?.sale_price);
	const price = firstPrice(info?.sale_price, info?.price, item.price, info?.show_price, info?.price_min);
	const original = parsePrice(info?.origin_price);
	const max = parsePrice(info?.price_max);
	return {
		price,
		salePrice,
		originalPrice: original !== null && original !== price ? original : null,
		...(max !== null && price !== null && max > price ? { priceMax: max } : {}),
	};
}

/** The first quantity that parses: `moq`, `quantity_begin`, then the first price tier ("2", "1件", "10000千克"). */
function minimumOrder(item: CategoryItem): number | null {
	for (const candidate of [item.moq, item.quantity_begin, item.quantity_prices?.[0]?.begin_num]) {
		const moq = parseInteger(candidate);
		if (moq !== null) return moq;
	}
	return null;
}

type Sales = Pick<Product, "sales" | "salesLabel" | "salesWindow">;

/**
 * Sales from whichever field carries them. v1 and search/items answers count all sales (`sales_count`,
 * `sale_info.sale_quantity`, `sale_quantity_int`); v2 and global search count 90 days. Each version
 * prefers its own window and falls back to the other.
 */
function sales(item: CategoryItem, api: Api): Sales {
	const info = item.sale_info;
	const totalLabel = text(item.sales_count) ?? text(info?.sale_quantity) ?? text(info?.sale_quantity_int);
	const total: Sales = {
		sales: parseCount(info?.sale_quantity_int) ?? parseCount(totalLabel),
		salesLabel: totalLabel,
		salesWindow: "total",
	};
	const ninetyLabel = text(info?.sale_quantity_90days);
	const ninety: Sales = { sales: parseCount(ninetyLabel), salesLabel: ninetyLabel, salesWindow: "90d" };
	const [preferred, other] = api === "v1" || api === "search" ? [total, ninety] : [ninety, total];
	if (preferred.salesLabel !== null) return preferred;
	if (other.salesLabel !== null) return other;
	return { sales: null, salesLabel: null, salesWindow: preferred.salesWindow };
}

function shop(item: CategoryItem): Product["shop"] {
	const info = item.shop_info;
	return {
		name: text(info?.company_name) ?? text(info?.login_id),
		loginId: text(info?.login_id),
		url: normalizeUrl(info?.shop_url),
		isSuperFactory: info?.is_super_factory ?? null,
		isPowerfulSeller: info?.is_powerful_seller ?? null,
		years: parseInteger(info?.shop_years),
		score: firstPrice(
			info?.score_info?.composite_score,
			info?.sore_info?.composite_new_score,
			info?.sore_info?.composite_score,
		),
		repurchaseRate: parsePercent(info?.shop_repurchase_rate),
	};
}

function textList(list: readonly (string | number)[] | undefined): string[] {
	return (list ?? []).map(text).filter((s): s is string => s !== null);
}

function toProduct(item: CategoryItem, api: Api): Product {
	const delivery = item.delivery_info;
	return {
		itemId: item.item_id,
		url: normalizeUrl(item.product_url) ?? `https://detail.1688.com/offer/${item.item_id}.html`,
		title: item.title,
		imageUrl: normalizeUrl(item.img),
		...prices(item),
		currency: text(item.currency) ?? "CNY",
		moq: minimumOrder(item),
		...sales(item, api),
		buyerCount: parseInteger(item.sale_info?.buyer_count),
		shop: shop(item),
		delivery: {
			areaFrom: textList(delivery?.area_from),
			freeShipping: delivery?.free_shipping ?? item.is_free_shipping ?? null,
			shipIn48h: delivery?.ship_in_48h ?? item.ship_in_48h ?? null,
		},
		repurchaseRate: parsePercent(item.item_repurchase_rate),
		lowRefundRate: item.low_refund_rate ?? null,
		onePieceMinOrder: item.one_piece_min_order ?? null,
		categoryPath: textList(item.category_path),
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

/** Reads each item alone (a bad one is dropped and counted) and leaves out repeats of an id on the page. */
export function normalizeItems(rawItems: readonly unknown[], api: Api) {
	const items: Product[] = [];
	const validRaw: CategoryItem[] = [];
	const seen = new Set<string>();
	let droppedItems = 0;
	let duplicateItems = 0;
	for (const raw of rawItems) {
		const parsed = v.safeParse(CategoryItemSchema, raw);
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
		items.push(toProduct(parsed.output, api));
	}
	return { items, validRaw, droppedItems, duplicateItems };
}

/**
 * The page fields both versions share. Search and shop answers leave `has_next_page` out; the schema then
 * guarantees `total_count`, and a next page exists while this one ends before it.
 */
function pageFields(data: V1Data | V2Data, pageSize: number) {
	const hasNextPage =
		typeof data.has_next_page === "boolean"
			? data.has_next_page
			: data.total_count !== undefined && data.page * pageSize < data.total_count;
	return {
		page: data.page,
		pageSize,
		hasNextPage,
		...(data.total_count === undefined ? {} : { totalCount: data.total_count }),
	};
}

/** Normalizes a validated v1 `data` object; v1 has a fixed page size and, as documented, no total count. */
export function normalizeV1Page(data: V1Data, catId: number): CategoryItemsResult<V1Data, V1Item> {
	const { items, validRaw, droppedItems, duplicateItems } = normalizeItems(data.items, "v1");
	return {
		api: "v1",
		catId,
		...pageFields(data, data.page_size || data.items.length),
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
	const { items, validRaw, droppedItems, duplicateItems } = normalizeItems(data.items, "v2");
	return {
		api: "v2",
		catId,
		...pageFields(data, data.page_size || requestedPageSize),
		items,
		droppedItems,
		duplicateItems,
		raw: { data, items: validRaw },
	};
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
