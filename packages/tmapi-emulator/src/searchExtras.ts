import type { CatalogItem } from "./items.js";
import { hashText } from "./keywords.js";
import { formatPrice } from "./price.js";
import { createRandom, mixSeed, type Random } from "./random.js";
import type { Shop } from "./shops.js";

// Search answers carry fields the category answers lack. They are drawn from the item's (or shop's) own
// stream, so the same item looks the same on every page, sort and endpoint without storing anything.
const ITEM_STREAM = 0x5ea7c4;
const SHOP_STREAM = 0x5e110;

/** One `quantity_prices` tier as search/items sends it: counts as strings, units on some of them. */
export interface QuantityTier {
	readonly begin_num: string;
	readonly end_num: string;
	readonly price: string;
}

/** The search/items-only parts of an item, distributed like the 260 real items. */
export interface NativeExtras {
	/** Formats this item's prices: "12.00" mostly, now and then Python-style "168.0" as real answers do. */
	readonly price: (fen: number) => string;
	readonly originPriceFen: number;
	/** Often empty; otherwise its first begin_num is the item's MOQ. */
	readonly quantityPrices: readonly QuantityTier[];
	readonly type: string;
	readonly repurchaseRate: string;
	readonly goodsScore: string | null;
	readonly tags: readonly string[];
}

/** The search/items `shop_info` fields the generated shop lacks. */
export interface ShopExtras {
	readonly memberId: string;
	readonly bizType: string;
	readonly serviceTags: readonly string[];
	readonly isTp: boolean;
	/** composite_new_score, consultation_score, dispute_score, logistics_score, return_score. */
	readonly scores: readonly [string | null, string | null, string | null, string | null, string | null];
	/** global/search/items' only shop facts. */
	readonly isVerified: boolean;
}

/** The global/search/items-only parts of an item. */
export interface GlobalExtras {
	/** "" on about a quarter of the real items. */
	readonly goodsScore: string;
	readonly priceMaxFen: number;
}

/** Prices the way Python prints floats ("6.3", "42.0"): global search always, search/items sometimes. */
export function pythonPrice(fen: number): string {
	const yuan = fen / 100;
	return Number.isInteger(yuan) ? yuan.toFixed(1) : String(yuan);
}

/** search/items' sales text and number: "已售8.7万+件" with 87000; both null below ten sales. */
export function soldLabel(sales: number): { readonly text: string | null; readonly int: number | null } {
	if (sales < 10) return { text: null, int: null };
	if (sales >= 100_000) return { text: "已售10万+件", int: 100_000 };
	if (sales >= 10_000) {
		const int = Math.floor(sales / 1000) * 1000;
		return { text: `已售${(int / 10_000).toFixed(1)}万+件`, int };
	}
	const step = sales >= 100 ? 100 : 10;
	const int = Math.floor(sales / step) * step;
	return { text: `已售${int}+件`, int };
}

// Weighted lists: [value, weight], roughly the shares seen in the real answers.
type Weighted<T> = readonly (readonly [T, number])[];
const TYPES: Weighted<string> = [
	["normal", 43],
	["p4p", 6],
	["bid", 1],
];
const GOODS_SCORES: Weighted<string> = [
	["5.0", 6],
	["4.0", 1],
	["3.0", 2],
	["2.0", 1],
	["0.0", 1],
];
const BIZ_TYPES: Weighted<string> = [
	["生产加工", 7],
	["", 2],
	["经销批发", 1],
];
const GLOBAL_SCORES = ["5.0", "5.0", "5.0", "5.0", "4.9", "4.8", "4.7", "4.5", "4.3", "4.0", "3.6"] as const;
const UNITS = ["件", "个", "双", "套", "副", "条", "盒", "袋", "千克"] as const;
const TAGS = [
	"先采后付",
	"退货包运费",
	"48小时发货",
	"混批",
	"7天无理由",
	"7×24H响应",
	"代发包邮",
	"7天包换",
] as const;
const SCORES = ["3.0", "3.5", "4.0", "4.5", "4.5", "5.0"] as const;
const SERVICE_TAGS: Weighted<readonly string[]> = [
	[[], 50],
	[["深度验厂"], 30],
	[["深度验商"], 18],
	[["深度验厂", "24小时发货"], 2],
];

function weighted<T>(random: Random, list: Weighted<T>): T {
	const total = list.reduce((sum, [, weight]) => sum + weight, 0);
	let roll = random.next() * total;
	for (const [value, weight] of list) {
		roll -= weight;
		if (roll < 0) return value;
	}
	const last = list.at(-1);
	if (!last) throw new RangeError("weighted() needs a non-empty list");
	return last[0];
}

function quantityPrices(random: Random, item: CatalogItem, price: (fen: number) => string): QuantityTier[] {
	const count = random.chance(0.4) ? 0 : random.int(1, 3);
	const unit = random.pick(UNITS);
	const begins = [item.moq];
	for (let i = 1; i < count; i++) begins.push((begins[i - 1] ?? 1) * random.pick([5, 10, 20, 50]));
	let fen = item.salePriceFen;
	return begins.slice(0, count).map((begin, i) => {
		const last = i === count - 1;
		const tier = {
			begin_num: last ? `${begin}${unit}` : String(begin),
			end_num: last ? "" : `${(begins[i + 1] ?? begin) - 1}${unit}`,
			price: price(fen),
		};
		fen = Math.max(1, Math.round(fen * (0.85 + random.next() * 0.12)));
		return tier;
	});
}

function tagsFor(random: Random, item: CatalogItem, repurchaseRate: string): string[] {
	// "包邮" exactly when the item ships free, so the free_shipping filter is visible in the answer.
	const tags: string[] = item.freeShipping ? ["包邮"] : [];
	const wanted = random.chance(0.95) ? 3 : 2;
	if (repurchaseRate !== "" && random.chance(0.5)) tags.push(`回头率${repurchaseRate}`);
	while (tags.length < wanted) {
		const tag = random.pick(TAGS);
		if (!tags.includes(tag)) tags.push(tag);
	}
	return tags;
}

/** The search/items-only fields of an item; the same item always gets the same ones. */
export function nativeExtras(item: CatalogItem): NativeExtras {
	const random = createRandom(mixSeed(ITEM_STREAM, item.itemId));
	const price = random.chance(0.1) ? pythonPrice : formatPrice;
	const repurchaseRate = random.chance(0.4) ? "" : `${random.int(1, 100)}%`;
	return {
		price,
		originPriceFen:
			item.originPriceFen !== undefined && random.chance(0.15) ? item.originPriceFen : item.salePriceFen,
		quantityPrices: quantityPrices(random, item, price),
		type: weighted(random, TYPES),
		repurchaseRate,
		goodsScore: random.chance(0.03) ? null : weighted(random, GOODS_SCORES),
		tags: tagsFor(random, item, repurchaseRate),
	};
}

/** The global/search/items-only fields of an item; the same item always gets the same ones. */
export function globalExtras(item: CatalogItem): GlobalExtras {
	const random = createRandom(mixSeed(ITEM_STREAM, item.itemId, 1));
	return {
		goodsScore: random.chance(0.27) ? "" : random.pick(GLOBAL_SCORES),
		priceMaxFen: random.chance(0.33)
			? Math.round(item.salePriceFen * (1.2 + random.next() * 1.8))
			: item.salePriceFen,
	};
}

/** The search-only shop fields; items of one shop share them. */
export function shopExtras(shop: Shop): ShopExtras {
	const random = createRandom(mixSeed(SHOP_STREAM, hashText(shop.shopUrl), hashText(shop.companyName)));
	// Real member ids are mostly "b2b-" + the seller number + 5 hex digits, some the shop's own name.
	const sellerId = `22${String(random.int(0, 99_999_999_999)).padStart(11, "0")}`;
	const hex = random.int(0, 0xfffff).toString(16).padStart(5, "0");
	const subdomain = new URL(shop.shopUrl).hostname.split(".")[0] ?? "shop";
	const serviceTags = weighted(random, SERVICE_TAGS);
	const scored = random.chance(0.97);
	const score = (): string | null => (scored ? random.pick(SCORES) : null);
	return {
		memberId: random.chance(0.77) ? `b2b-${sellerId}${hex}` : subdomain,
		bizType: weighted(random, BIZ_TYPES),
		serviceTags,
		isTp: random.chance(0.03),
		scores: [score(), score(), score(), score(), score()],
		isVerified: shop.isSuperFactory || random.chance(0.2),
	};
}
