import { categoryPath, findCategory } from "./categories.js";
import { DEMO_CATEGORY_IDS, KNOWN_ITEM_COUNTS } from "./constants.js";
import { createRandom, mixSeed, type Random } from "./random.js";
import { salesLabel } from "./salesLabel.js";
import { generateShop, type Shop } from "./shops.js";
import { QUIRK_COUNT, quirkyTitles } from "./titleQuirks.js";
import { ALL_PRODUCTS, composeTitles, MODIFIERS, PRODUCTS, type Titles, type Word } from "./vocabulary.js";

/**
 * One generated product, version-neutral: the v1 and v2 encoders turn it into each endpoint's wire shape.
 * Exposed so tests can compute what a response must contain.
 */
export interface CatalogItem {
	/** 12 digits, sent as a JSON number. */
	readonly itemId: number;
	readonly titles: Titles;
	/** Mostly https://cbu01.alicdn.com/..., about one in ten protocol-relative (//cbu01...). */
	readonly img: string;
	/** The price a buyer pays, in fen (1/100 CNY): every item has one, sent as price_info.sale_price. */
	readonly salePriceFen: number;
	/** The struck-through price, or undefined (v2 then sends origin_price ""). */
	readonly originPriceFen: number | undefined;
	/** v1 sends `price: ""` for this item, leaving only price_info (the documented fallback case). */
	readonly v1PriceBlank: boolean;
	/** v2 sends `price: ""` and `price_info.price: ""` for this item, leaving only sale_price. */
	readonly v2PriceBlank: boolean;
	/** Minimum order quantity. */
	readonly moq: number;
	/** All-time sales (v1 sales_count and sale_info.sale_quantity_int). */
	readonly salesCount: number;
	readonly buyerCount: number;
	/** 90-day sales: what v2's "sales" sort orders by. */
	readonly sales90: number;
	/** 90-day sales as v2 labels them ("100000+", "1.2万", "300+", "56", ...). */
	readonly sales90Label: string;
	/** "60%" style. */
	readonly repurchaseRate: string;
	readonly newArrival: boolean;
	readonly supportDropshipping: boolean;
	readonly freeShipping: boolean;
	readonly shipIn48h: boolean;
	readonly lowRefundRate: boolean;
	readonly shop: Shop;
	/** v2's category_path: the ids of the first two levels of the category's path (as strings). */
	readonly categoryPath: readonly string[];
}

// Leaf categories whose items are mostly one product, so a dresses page shows dresses.
const MAIN_PRODUCT: Readonly<Record<number, string>> = {
	1031910: "Dress",
	127424004: "T-Shirt",
	1031918: "Skirt",
	1031922: "Sunglasses",
	127380009: "Hair Clip",
	201553012: "Hair Clip",
	1031802: "Bra",
	1031806: "Pajamas",
	1038379: "Sneakers",
	1038380: "Sandals",
	1046640: "Phone Case",
	1046641: "Charging Cable",
	1046652: "Bluetooth Earbuds",
	1032910: "Storage Box",
	1041350: "Plush Toy",
	1041351: "Building Blocks",
	1031651: "Lipstick",
	1031652: "Face Mask",
};

const ALNUM = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"];
const MOQS = [1, 1, 1, 1, 2, 2, 3, 5, 10, 10, 20, 50, 100, 200] as const;

/** How many items a category has: fixed for the well-known ids, seeded 40..250 for every other id. */
export function itemCountFor(seed: number, catId: number): number {
	return KNOWN_ITEM_COUNTS[catId] ?? createRandom(mixSeed(seed, catId, 1)).int(40, 250);
}

/** The product word most items of a leaf category are about, when the leaf has one. */
export function mainProductOf(catId: number): Word | undefined {
	const node = findCategory(catId);
	const products = node ? (PRODUCTS[node.topicIndex] ?? ALL_PRODUCTS) : ALL_PRODUCTS;
	return products.find((word) => word[0] === MAIN_PRODUCT[catId]);
}

/**
 * What generating items of one category needs. Several contexts may share one `random` and `usedIds`
 * (keyword search mixes categories in one stream); `mainProduct` defaults to the category's own.
 */
export function createItemContext(
	random: Random,
	catId: number,
	usedIds: Set<number>,
	mainProduct: Word | undefined = mainProductOf(catId),
): ItemContext {
	const node = findCategory(catId);
	const path = categoryPath(catId).map((n) => String(n.id));
	return {
		random,
		products: node ? (PRODUCTS[node.topicIndex] ?? ALL_PRODUCTS) : ALL_PRODUCTS,
		mainProduct,
		shops: Array.from({ length: random.int(6, 14) }, () => generateShop(random)),
		categoryPath: path.length > 0 ? path.slice(0, 2) : [String(catId)],
		usedIds,
	};
}

/** Generates a category's items in the API's default order; same (seed, catId), same items. */
export function generateCategoryItems(seed: number, catId: number): CatalogItem[] {
	const random = createRandom(mixSeed(seed, catId));
	const count = itemCountFor(seed, catId);
	const context = createItemContext(random, catId, new Set());
	const items = Array.from({ length: count }, () => generateItem(context));

	if (catId === DEMO_CATEGORY_IDS.quirkyTitles) {
		for (const [index, item] of items.slice(0, QUIRK_COUNT).entries()) {
			items[index] = { ...item, titles: quirkyTitles(index, item.titles) };
		}
	}
	// The real API's pages overlap now and then; emulate it where tests know to expect it.
	const lastOfPage1 = items[19];
	if (catId === DEMO_CATEGORY_IDS.duplicateOnPage2 && lastOfPage1) items[20] = lastOfPage1;
	return items;
}

/** The random stream, vocabulary and shops items of one category are drawn from. */
export interface ItemContext {
	readonly random: Random;
	readonly products: readonly Word[];
	readonly mainProduct: Word | undefined;
	readonly shops: readonly Shop[];
	readonly categoryPath: readonly string[];
	readonly usedIds: Set<number>;
}

/** Draws one item from a context, with an item id no other item of the context set has. */
export function generateItem(context: ItemContext): CatalogItem {
	const { random } = context;
	let itemId: number;
	do itemId = random.int(500_000, 999_999) * 1_000_000 + random.int(0, 999_999);
	while (context.usedIds.has(itemId));
	context.usedIds.add(itemId);

	const salePriceFen = Math.round(Math.exp(Math.log(30) + random.next() * Math.log(1000)));
	const salesCount = random.chance(0.05) ? 0 : Math.floor(Math.exp(random.next() * Math.log(800_001))) - 1;
	const sales90 = Math.floor(salesCount * (0.15 + random.next() * 0.35));
	const shop = random.pick(context.shops);
	return {
		itemId,
		titles: generateTitles(context),
		img: generateImage(random),
		salePriceFen,
		originPriceFen: random.chance(0.6) ? Math.round(salePriceFen * (1.05 + random.next() * 0.55)) : undefined,
		v1PriceBlank: random.chance(0.3),
		v2PriceBlank: random.chance(0.08),
		moq: random.pick(MOQS),
		salesCount,
		buyerCount: Math.floor(salesCount * (0.2 + random.next() * 0.4)),
		sales90,
		sales90Label: salesLabel(sales90, random),
		repurchaseRate: `${random.int(0, 80)}%`,
		newArrival: random.chance(0.15),
		supportDropshipping: random.chance(0.5),
		freeShipping: random.chance(0.35),
		shipIn48h: random.chance(0.6),
		lowRefundRate: random.chance(0.3),
		shop,
		categoryPath: context.categoryPath,
	};
}

function generateTitles(context: ItemContext): Titles {
	const { random } = context;
	const product =
		context.mainProduct && random.chance(0.85) ? context.mainProduct : random.pick(context.products);
	const modifiers = new Set<Word>();
	const wanted = random.int(2, 4);
	while (modifiers.size < wanted) modifiers.add(random.pick(MODIFIERS));
	const modelNumber = random.chance(0.25) ? String(random.int(1000, 9999)) : undefined;
	return composeTitles([...modifiers, product], modelNumber);
}

function generateImage(random: Random): string {
	let key = "";
	for (let i = 0; i < 22; i++) key += random.pick(ALNUM);
	const seller = `22${String(random.int(0, 19_999_999)).padStart(8, "0")}${random.int(100, 999)}`;
	const url = `//cbu01.alicdn.com/img/ibank/O1CN01${key}_!!${seller}-0-cib.jpg`;
	return random.chance(0.1) ? url : `https:${url}`;
}
