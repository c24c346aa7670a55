import { type Labels, labelsFor } from "../i18n/labels.js";
import type { Language } from "../query/schema.js";
import type { CatalogQuery } from "../query/searchSchema.js";
import type { Product } from "../tmapi/product.js";
import { isLowerBound, parseCount } from "../tmapi/values.js";

/** One product as a chat renders it: every text already formatted in the query's language. */
export interface ProductCard {
	/** 1-based position in the whole result (not just this page). */
	readonly position: number;
	readonly itemId: string;
	readonly title: string;
	readonly url: string;
	readonly imageUrl: string | null;
	/** e.g. "¥4.59"; "Price on request" when the upstream sent none. */
	readonly price: string;
	/** The higher list price when the item is on sale, e.g. "¥5.40". */
	readonly originalPrice: string | null;
	readonly moq: string | null;
	readonly sales: string | null;
	readonly shop: string | null;
	readonly shopUrl: string | null;
	/** Short badges: super factory, powerful seller, years on 1688, score. */
	readonly badges: readonly string[];
	/** Ship-from place and delivery flags, joined. */
	readonly shipping: string | null;
	readonly repurchase: string | null;
}

const CURRENCY_SYMBOLS: Record<string, string> = { CNY: "¥", USD: "$", EUR: "€", RUB: "₽" };

const FORMAT_OPTIONS: Record<"money" | "count" | "percent", Intl.NumberFormatOptions> = {
	money: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
	count: {},
	percent: { maximumFractionDigits: 1 },
};

// Building an Intl.NumberFormat costs far more than using one, and every card needs several.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, kind: keyof typeof FORMAT_OPTIONS): Intl.NumberFormat {
	const key = `${locale}:${kind}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, FORMAT_OPTIONS[kind]);
		formats.set(key, format);
	}
	return format;
}

function money(amount: number, currency: string, labels: Labels): string {
	const number = numberFormat(labels.locale, "money").format(amount);
	const symbol = CURRENCY_SYMBOLS[currency];
	return symbol ? `${symbol}${number}` : `${number} ${currency}`;
}

function count(n: number, labels: Labels): string {
	return numberFormat(labels.locale, "count").format(n);
}

function percent(n: number, labels: Labels): string {
	return `${numberFormat(labels.locale, "percent").format(n)}%`;
}

/**
 * Sales in the reader's language: the number grouped the locale's way, "+" when the upstream label was a
 * lower bound or rounded ("100000+", "已售9000+件", "1.8万"), never the upstream's Chinese words.
 */
function salesText(product: Product, labels: Labels): string | null {
	const n = product.sales ?? parseCount(product.salesLabel);
	if (n === null) return null;
	const shown = `${count(n, labels)}${isLowerBound(product.salesLabel) ? "+" : ""}`;
	return product.salesWindow === "90d" ? labels.sold90d(shown) : labels.soldTotal(shown);
}

function badges(product: Product, labels: Labels): string[] {
	const out: string[] = [];
	if (product.shop.isSuperFactory) out.push(labels.superFactory);
	if (product.shop.isPowerfulSeller) out.push(labels.powerfulSeller);
	if (product.shop.years !== null && product.shop.years > 0) out.push(labels.years(product.shop.years));
	if (product.shop.score !== null) out.push(labels.score(product.shop.score.toFixed(1)));
	return out;
}

function shipping(product: Product, labels: Labels): string | null {
	const parts: string[] = [];
	if (product.delivery.areaFrom.length > 0) parts.push(labels.shipsFrom(product.delivery.areaFrom.join(" ")));
	if (product.delivery.freeShipping) parts.push(labels.freeShipping);
	if (product.delivery.shipIn48h) parts.push(labels.shipIn48h);
	return parts.length > 0 ? parts.join(" · ") : null;
}

/** The price, or a range where the upstream gave one (global search: "¥3.10–¥9.30"). */
function priceText(product: Product, labels: Labels): string {
	if (product.price === null) return labels.priceOnRequest;
	const low = money(product.price, product.currency, labels);
	const high = product.priceMax;
	return high !== undefined && high !== null && high > product.price
		? `${low}–${money(high, product.currency, labels)}`
		: low;
}

/** Formats one product for a chat card. */
export function toCard(product: Product, position: number, language: Language): ProductCard {
	const labels = labelsFor(language);
	const repurchaseRate = product.repurchaseRate ?? product.shop.repurchaseRate;
	const onSale =
		product.price !== null && product.originalPrice !== null && product.originalPrice > product.price;
	return {
		position,
		itemId: product.itemId,
		title: product.title,
		url: product.url,
		imageUrl: product.imageUrl,
		price: priceText(product, labels),
		originalPrice:
			onSale && product.originalPrice !== null
				? money(product.originalPrice, product.currency, labels)
				: null,
		moq: product.moq === null ? null : labels.moq(count(product.moq, labels)),
		sales: salesText(product, labels),
		shop: product.shop.name,
		shopUrl: product.shop.url,
		badges: badges(product, labels),
		shipping: shipping(product, labels),
		repurchase: repurchaseRate === null ? null : labels.repurchase(percent(repurchaseRate, labels)),
	};
}

/** "just now" / "3 min ago" in the query's language. */
export function freshness(ageMs: number, language: Language): string {
	const labels = labelsFor(language);
	const minutes = Math.floor(ageMs / 60_000);
	return minutes < 1 ? labels.justNow : labels.minutesAgo(minutes);
}

/** The sort and filters of a query as a short line, e.g. "Best selling · Free shipping · Price ¥10–¥50". */
export function describeQuery(query: CatalogQuery): string {
	const labels = labelsFor(query.language);
	const parts = [labels.sort[query.sort]];
	if (query.priceMin !== undefined || query.priceMax !== undefined) {
		const low = query.priceMin === undefined ? "" : money(query.priceMin, "CNY", labels);
		const high = query.priceMax === undefined ? "" : money(query.priceMax, "CNY", labels);
		parts.push(labels.price(`${low}–${high}`));
	}
	if (query.freeShipping) parts.push(labels.freeShipping);
	if (query.newArrival) parts.push(labels.newArrival);
	if (query.dropshipping) parts.push(labels.dropshipping);
	if (query.superFactory) parts.push(labels.superFactory);
	return parts.join(" · ");
}
