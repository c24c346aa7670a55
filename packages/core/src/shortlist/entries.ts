import { toCard } from "../catalog/cards.js";
import { labelsFor } from "../i18n/labels.js";
import type { Language } from "../query/schema.js";
import type { SavedCard } from "../store/savedCard.js";
import { truncateText } from "../text/truncate.js";
import type { Product } from "../tmapi/product.js";
import { shortlistTexts } from "./texts.js";
import type { ShortlistEntry } from "./types.js";

/** Longest name shown for who saved a card; a chat line has no room for more. */
const NAME_SHOWN_MAX = 64;

// Building an Intl.DateTimeFormat costs far more than using one.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, withYear: boolean): Intl.DateTimeFormat {
	const key = `${locale}:${withYear}`;
	let format = dateFormats.get(key);
	if (!format) {
		// UTC: a shared list has readers in many time zones, and the stored time carries none.
		format = new Intl.DateTimeFormat(locale, {
			day: "numeric",
			month: "short",
			...(withYear ? { year: "numeric" } : {}),
			timeZone: "UTC",
		});
		dateFormats.set(key, format);
	}
	return format;
}

/** "30 Nov 2026" in the language's way. */
export function fullDate(at: number, language: Language): string {
	return dateFormat(shortlistTexts(language).locale, true).format(at);
}

/** "30 Nov", with the year only when it is not the current one. */
export function shortDate(at: number, now: number, language: Language): string {
	const sameYear = new Date(at).getUTCFullYear() === new Date(now).getUTCFullYear();
	return dateFormat(shortlistTexts(language).locale, !sameYear).format(at);
}

/** A name as a line shows it: null stays null (the texts say "someone"), long ones are cut. */
export function shownName(name: string | null): string | null {
	return name === null || name.trim() === "" ? null : truncateText(name, NAME_SHOWN_MAX);
}

/** A whole number the language's way: "12", "1,000". */
export function count(n: number, language: Language): string {
	return new Intl.NumberFormat(shortlistTexts(language).locale).format(n);
}

/** The snapshot as a product, so a saved card is formatted by the same code as a live one. */
function asProduct(card: SavedCard): Product {
	return {
		itemId: card.itemId,
		url: card.productUrl,
		title: card.title,
		imageUrl: card.imageUrl,
		price: card.price,
		salePrice: null,
		originalPrice: null,
		currency: card.currency,
		moq: card.moq,
		sales: null,
		salesLabel: null,
		salesWindow: "total",
		buyerCount: null,
		shop: {
			name: card.shopName,
			loginId: null,
			url: card.shopUrl,
			isSuperFactory: null,
			isPowerfulSeller: null,
			years: null,
			score: null,
			repurchaseRate: null,
		},
		delivery: { areaFrom: [], freeShipping: null, shipIn48h: null },
		repurchaseRate: null,
		lowRefundRate: null,
		onePieceMinOrder: null,
		categoryPath: [],
	};
}

/** One saved card as a list entry at `position`, every text in `language`. */
export function toEntry(card: SavedCard, position: number, language: Language, now: number): ShortlistEntry {
	const texts = shortlistTexts(language);
	const shown = toCard(asProduct(card), position, language);
	return {
		...shown,
		price: card.price === null ? labelsFor(language).priceOnRequest : texts.priceWhenSaved(shown.price),
		savedBy: texts.savedBy(shownName(card.savedBy.name), shortDate(card.savedAt, now, language)),
		category: card.categoryName,
		command: card.command,
		card,
	};
}
