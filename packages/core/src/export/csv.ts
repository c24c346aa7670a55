import { stringify } from "csv-stringify/sync";
import type { SavedCard } from "../store/savedCard.js";
import type { Product } from "../tmapi/product.js";

/** What a cell may hold; null and undefined are written as an empty cell. */
type Cell = string | number | boolean | null | undefined;
/** A CSV column: its header and how to read its cell from one record. */
type Column<T> = readonly [string, (record: T) => Cell];

// Spreadsheets show a number of more than 11 digits as 6.98123E+11 and keep only 15 digits of it.
const LONG_DIGITS = /^\d{12,}$/;

/**
 * A 1688 item id (12 digits) as text to a spreadsheet: a leading apostrophe, the marker spreadsheets
 * read as "this is text", as for a neutralised formula.
 */
function textId(id: string): string {
	return LONG_DIGITS.test(id) ? `'${id}` : id;
}

const COLUMNS: ReadonlyArray<Column<Product>> = [
	["item_id", (p) => textId(p.itemId)],
	["title", (p) => p.title],
	["url", (p) => p.url],
	["price", (p) => p.price],
	["sale_price", (p) => p.salePrice],
	["original_price", (p) => p.originalPrice],
	["currency", (p) => p.currency],
	["moq", (p) => p.moq],
	["sales", (p) => p.sales],
	["sales_label", (p) => p.salesLabel],
	["sales_window", (p) => p.salesWindow],
	["shop", (p) => p.shop.name],
	["shop_url", (p) => p.shop.url],
	["super_factory", (p) => p.shop.isSuperFactory],
	["powerful_seller", (p) => p.shop.isPowerfulSeller],
	["shop_years", (p) => p.shop.years],
	["ships_from", (p) => p.delivery.areaFrom.join(" ")],
	["free_shipping", (p) => p.delivery.freeShipping],
	["repurchase_rate", (p) => p.repurchaseRate ?? p.shop.repurchaseRate],
	["image_url", (p) => p.imageUrl],
];

/** The CSV header, in column order. */
export const CSV_COLUMNS = COLUMNS.map(([name]) => name);

/**
 * Records as RFC 4180 CSV (quoted where needed, CRLF rows) with a UTF-8 byte-order mark, so that
 * spreadsheet programs read the Chinese titles right. Empty cells for unknown values. Safe to open in a
 * spreadsheet: a text cell starting with =, +, -, @, tab or carriage return (or their full-width forms)
 * gets a leading apostrophe so it is never run as a formula (OWASP's CSV injection advice). Every CSV
 * catbot writes goes through here, so every file gets the same protection.
 */
function writeCsv<T>(columns: ReadonlyArray<Column<T>>, records: readonly T[]): string {
	const header = columns.map(([name]) => name);
	const rows = records.map((record) => columns.map(([, get]) => get(record) ?? ""));
	return `\uFEFF${stringify([header, ...rows], {
		record_delimiter: "windows",
		escape_formulas: true,
		cast: { boolean: (b) => (b ? "yes" : "no") },
	})}`;
}

/**
 * Products as spreadsheet-safe CSV (see {@link writeCsv}): a text cell that starts like a formula gets a
 * leading apostrophe, and item ids stay text rather than becoming 6.98E+11.
 *
 * @example
 * writeFileSync("dresses.csv", productsToCsv(view.products));
 */
export function productsToCsv(products: readonly Product[]): string {
	return writeCsv(COLUMNS, products);
}

const SHORTLIST_COLUMNS: ReadonlyArray<Column<SavedCard>> = [
	["item_id", (c) => textId(c.itemId)],
	["title", (c) => c.title],
	["url", (c) => c.productUrl],
	["price_when_saved", (c) => c.price],
	["currency", (c) => c.currency],
	["moq", (c) => c.moq],
	["shop", (c) => c.shopName],
	["shop_url", (c) => c.shopUrl],
	["category_id", (c) => c.categoryId],
	["category", (c) => c.categoryName],
	["command", (c) => c.command],
	["saved_by", (c) => c.savedBy.name],
	["saved_by_id", (c) => c.savedBy.userId],
	["saved_at", (c) => new Date(c.savedAt).toISOString()],
	["image_url", (c) => c.imageUrl],
];

/** The shortlist CSV header, in column order. */
export const SHORTLIST_CSV_COLUMNS = SHORTLIST_COLUMNS.map(([name]) => name);

/**
 * A shortlist's saved cards as CSV, with the same writer and the same spreadsheet safety as
 * {@link productsToCsv}: formula-like text neutralised, item ids kept as text. `saved_at` is an ISO 8601
 * UTC time; `price_when_saved` is the price the card showed when it was saved.
 *
 * @example
 * writeFileSync("catbot-shortlist-2026-11-30.csv", shortlistToCsv(cards));
 */
export function shortlistToCsv(cards: readonly SavedCard[]): string {
	return writeCsv(SHORTLIST_COLUMNS, cards);
}
