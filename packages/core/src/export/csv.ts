import { stringify } from "csv-stringify/sync";
import type { Product } from "../tmapi/product.js";

const COLUMNS: ReadonlyArray<readonly [string, (p: Product) => string | number | boolean | null]> = [
	["item_id", (p) => p.itemId],
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
 * spreadsheet programs read the Chinese titles right. Empty cells for unknown values.
 *
 * @example
 * writeFileSync("dresses.csv", productsToCsv(view.products));
 */
export function productsToCsv(products: readonly Product[]): string {
	const rows = products.map((p) => COLUMNS.map(([, get]) => get(p) ?? ""));
	return `\uFEFF${stringify([CSV_COLUMNS, ...rows], { record_delimiter: "windows", cast: { boolean: (b) => (b ? "yes" : "no") } })}`;
}
