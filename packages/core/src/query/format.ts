import { type CategoryQuery, CHAT_PAGE_SIZE_DEFAULT } from "./schema.js";
import { type CatalogQuery, defaultSearchApi, isSearchQuery, type SearchQuery } from "./searchSchema.js";

/**
 * Shortest decimal text for a price: 10, 10.5, 0.01. Valid prices are at most 1,000,000 with two decimals,
 * so `String` never switches to exponent notation here and parses back to the same number.
 */
function formatPrice(price: number): string {
	return String(price);
}

function formatPriceRange(query: Pick<CatalogQuery, "priceMin" | "priceMax">): string | undefined {
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
	return [...parts, ...formatOptions(query)].join(" ");
}

/** The options both commands share, defaults left out, in the canonical order. */
function formatOptions(query: Omit<CatalogQuery, "keyword" | "catId">): string[] {
	const parts: string[] = [];
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
	return parts;
}

/**
 * The canonical `/search` command for a search: `api:` only when it is not the keyword's default, so
 * `parseSearchCommand(formatSearchCommand(q))` gives back `q`.
 *
 * @example
 * formatSearchCommand({ ...search, keyword: "summer dress", sort: "sales" }); // "/search summer dress sort:sales"
 */
export function formatSearchCommand(query: SearchQuery): string {
	const parts = ["/search", query.keyword];
	if (query.api !== defaultSearchApi(query.keyword, query.language)) parts.push(`api:${query.api}`);
	return [...parts, ...formatOptions(query)].join(" ");
}

/** A search's options as its canonical command writes them, for when the keyword is not known. */
export function formatSearchOptions(query: Omit<SearchQuery, "keyword">): string {
	return formatOptions(query).join(" ");
}

/** The canonical command for either kind of query: `/category ...` or `/search ...`. */
export function formatCommand(query: CatalogQuery): string {
	return isSearchQuery(query) ? formatSearchCommand(query) : formatCategoryCommand(query);
}

/**
 * What to type after the bot's name in Telegram's inline mode for a query: the command without its
 * slash-word for a category ("1031910 sort:sales"), `search ...` for a search. Page and size are left
 * out: inline results page by scrolling.
 */
export function formatInlineQuery(query: CatalogQuery): string {
	const first = { ...query, page: 1, pageSize: CHAT_PAGE_SIZE_DEFAULT };
	return isSearchQuery(first)
		? formatSearchCommand(first).slice(1)
		: formatCategoryCommand(first).replace(/^\/category /, "");
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
export function canonicalQueryKey(query: CatalogQuery, opts: CanonicalQueryKeyOptions = {}): string {
	const fields: [string, string][] = isSearchQuery(query)
		? [
				// Percent-encoded, so the key stays ASCII without spaces whatever the keyword's script.
				["kw", encodeURIComponent(query.keyword)],
				["api", query.api],
			]
		: [
				["cat", String(query.catId)],
				["api", query.api],
			];
	fields.push(
		["lang", query.language],
		["sort", query.sort],
		["min", query.priceMin === undefined ? "" : formatPrice(query.priceMin)],
		["max", query.priceMax === undefined ? "" : formatPrice(query.priceMax)],
		["new", query.newArrival ? "1" : "0"],
		["drop", query.dropshipping ? "1" : "0"],
		["free", query.freeShipping ? "1" : "0"],
		["factory", query.superFactory ? "1" : "0"],
	);
	if (opts.includePaging === true) {
		fields.push(["page", String(query.page)], ["size", String(query.pageSize)]);
	}
	return fields.map(([name, value]) => `${name}=${value}`).join("&");
}
