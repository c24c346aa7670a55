import { type CategoryQuery, CHAT_PAGE_SIZE_DEFAULT } from "./schema.js";

/**
 * Shortest decimal text for a price: 10, 10.5, 0.01. Valid prices are at most 1,000,000 with two decimals,
 * so `String` never switches to exponent notation here and parses back to the same number.
 */
function formatPrice(price: number): string {
	return String(price);
}

function formatPriceRange(query: CategoryQuery): string | undefined {
	if (query.priceMin === undefined && query.priceMax === undefined) return undefined;
	const min = query.priceMin === undefined ? "" : formatPrice(query.priceMin);
	const max = query.priceMax === undefined ? "" : formatPrice(query.priceMax);
	return `price:${min}-${max}`;
}

/**
 * The canonical chat command for a query, printed on cards so a teammate can copy it. Defaults are left
 * out and options come in a fixed order, so equal queries always print the same text, and
 * `parseCategoryCommand(formatCategoryCommand(q))` gives back `q`. Expects a valid query.
 *
 * @example
 * formatCategoryCommand({ ...query, catId: 1031910, sort: "sales", priceMin: 10, priceMax: 50, page: 3 });
 * // "/category 1031910 sort:sales price:10-50 page:3"
 */
export function formatCategoryCommand(query: CategoryQuery): string {
	const parts: string[] = ["/category", String(query.catId)];
	// v1 first: it limits what may follow, so a reader should see it before the options.
	if (query.api === "v1") parts.push("v1");
	if (query.sort !== "default") parts.push(`sort:${query.sort}`);
	const price = formatPriceRange(query);
	if (price !== undefined) parts.push(price);
	if (query.newArrival) parts.push("new_arrival");
	if (query.freeShipping) parts.push("free_shipping");
	if (query.dropshipping) parts.push("dropshipping");
	if (query.superFactory) parts.push("super_factory");
	if (query.language !== "en") parts.push(`lang:${query.language}`);
	if (query.pageSize !== CHAT_PAGE_SIZE_DEFAULT) parts.push(`size:${query.pageSize}`);
	if (query.page !== 1) parts.push(`page:${query.page}`);
	return parts.join(" ");
}

/** Options for {@link canonicalQueryKey}. */
export interface CanonicalQueryKeyOptions {
	/**
	 * Also include `page` and `pageSize`, for keys of one exact chat view (e.g. de-duplicating identical
	 * clicks) rather than of the upstream result set. Default false.
	 */
	includePaging?: boolean;
}

/**
 * A stable key for everything in a query that changes what the upstream API returns, i.e. all but the chat
 * `page` and `pageSize`; use it as the prefix of cache keys for upstream pages. Every field is spelled out,
 * defaults included, so the key never depends on how the query was typed. ASCII, no spaces.
 *
 * @example
 * canonicalQueryKey(query);
 * // "cat=1031910&api=v2&lang=ru&sort=sales&min=10&max=50&new=0&drop=0&free=1&factory=0"
 */
export function canonicalQueryKey(query: CategoryQuery, opts: CanonicalQueryKeyOptions = {}): string {
	const fields: [string, string][] = [
		["cat", String(query.catId)],
		["api", query.api],
		["lang", query.language],
		["sort", query.sort],
		["min", query.priceMin === undefined ? "" : formatPrice(query.priceMin)],
		["max", query.priceMax === undefined ? "" : formatPrice(query.priceMax)],
		["new", query.newArrival ? "1" : "0"],
		["drop", query.dropshipping ? "1" : "0"],
		["free", query.freeShipping ? "1" : "0"],
		["factory", query.superFactory ? "1" : "0"],
	];
	if (opts.includePaging === true) {
		fields.push(["page", String(query.page)], ["size", String(query.pageSize)]);
	}
	return fields.map(([name, value]) => `${name}=${value}`).join("&");
}
