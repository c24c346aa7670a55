import { stringify } from "csv-stringify/sync";
import type { Product } from "../tmapi/product.js";

// Spreadsheets show a number of more than 11 digits as 6.98123E+11 and keep only 15 digits of it.
const LONG_DIGITS = /^\d{12,}$/;

/**
 * A 1688 item id (12 digits) as text to a spreadsheet: a leading apostrophe, the marker spreadsheets
 * read as "this is text", as for a neutralised formula.
 */
function textId(id: string): string {
	return LONG_DIGITS.test(id) ? `'${id}` : id;
}

const COLUMNS: ReadonlyArray<readonly [string, (p: Product) => string | number | boolean | null]> = [
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
 * Products as RFC 4180 CSV (quoted where needed, CRLF rows) with a UTF-8 byte-order mark, so that
 * spreadsheet programs read the Chinese titles right. Empty cells for unknown values. Safe to open in a
 * spreadsheet: a text cell starting with =, +, -, @, tab or carriage return (or their full-width forms)
 * gets a leading apostrophe so it is never run as a formula (OWASP's CSV injection advice), and item ids
 * stay text rather than becoming 6.98E+11.
 *
 * @example
 * writeFileSync("dresses.csv", productsToCsv(view.products));
 */
export function productsToCsv(products: readonly Product[]): string {
	const rows = products.map((p) => COLUMNS.map(([, get]) => get(p) ?? ""));
	return `\uFEFF${stringify([CSV_COLUMNS, ...rows], {
		record_delimiter: "windows",
		escape_formulas: true,
		cast: { boolean: (b) => (b ? "yes" : "no") },
	})}`;
}
