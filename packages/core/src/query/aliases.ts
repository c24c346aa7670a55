import type { CategoryQuery, Language, SortOrder } from "./schema.js";

// The words people type for each option and value, in one place so the parser stays about parsing.

export const MISSING_CAT_ID = "Tell me a category id, e.g. /category 1031910";

export type Field = keyof CategoryQuery | "keyword";

export type FlagOption = "new_arrival" | "dropshipping" | "free_shipping" | "super_factory";
export type ValueOption = "cat" | "sort" | "price" | "min" | "max" | "page" | "size" | "lang" | "api";
export type OptionName = ValueOption | FlagOption;

export const FLAG_FIELDS: Record<FlagOption, Field> = {
	new_arrival: "newArrival",
	dropshipping: "dropshipping",
	free_shipping: "freeShipping",
	super_factory: "superFactory",
};

// Aliases are stored compacted (see `compact`), so "free-shipping", "free_shipping" and "freeShipping"
// are one spelling.
export const OPTION_ALIASES: Record<OptionName, readonly string[]> = {
	cat: ["cat", "catid", "id", "category", "categoryid"],
	sort: ["sort", "sortby", "order", "orderby"],
	price: ["price", "prices", "pricerange"],
	min: ["min", "minprice", "pricemin", "pricefrom"],
	max: ["max", "maxprice", "pricemax", "priceto"],
	page: ["page", "p"],
	size: ["size", "pagesize", "perpage", "limit"],
	lang: ["lang", "language"],
	api: ["api"],
	new_arrival: ["new", "newarrival", "newarrivals"],
	dropshipping: ["dropshipping", "dropship"],
	free_shipping: ["freeshipping", "freeship", "freedelivery"],
	super_factory: ["superfactory", "factory"],
};

export const EXAMPLES: Record<ValueOption, string> = {
	cat: "cat:1031910",
	sort: "sort:sales",
	price: "price:10-50",
	min: "min:10",
	max: "max:50",
	page: "page:2",
	size: "size:10",
	lang: "lang:ru",
	api: "api:v1",
};

export const SORT_ALIASES: Record<SortOrder, readonly string[]> = {
	default: ["default", "relevance"],
	sales: ["sales", "sold", "popular", "bestselling"],
	price_up: ["priceup", "price", "priceasc", "cheap", "cheapest"],
	price_down: ["pricedown", "pricedesc", "expensive"],
};
/** Sort words that also work alone ("1031910 cheapest"); "price" and "default" are too vague for that. */
export const BARE_SORT_WORDS = new Set(
	"relevance sales sold popular bestselling cheap cheapest expensive".split(" "),
);

export const LANGUAGE_ALIASES: Record<Language, readonly string[]> = {
	en: ["en", "english", "eng"],
	zh: ["zh", "cn", "chinese", "中文"],
	ru: ["ru", "russian", "rus", "русский"],
	vi: ["vi", "vn", "vietnamese"],
	ja: ["ja", "jp", "japanese", "日本語"],
	ko: ["ko", "kr", "korean", "한국어"],
};

export const BOOLEAN_WORDS = new Map<string, boolean>([
	...["yes", "y", "true", "1", "on"].map((word): [string, boolean] => [word, true]),
	...["no", "n", "false", "0", "off"].map((word): [string, boolean] => [word, false]),
]);

export const API_WORDS = new Map<string, "v1" | "v2">([
	["v1", "v1"],
	["1", "v1"],
	["v2", "v2"],
	["2", "v2"],
]);

export const SEARCH_API_WORDS = new Map<string, "native" | "global">([
	["native", "native"],
	["cn", "native"],
	["global", "global"],
	["intl", "global"],
]);
/** Flag spellings /search reads as options (compacted); other flag aliases stay keyword words there. */
export const SEARCH_FLAG_SPELLINGS = new Set(["newarrival", "freeshipping", "dropshipping", "superfactory"]);
export const SEARCH_LINK = "Links work with /category; /search takes words, e.g. /search summer dress";
export const SEARCH_CATEGORY =
	"cat is not an option of /search; to browse a category use /category, e.g. /category 1031910";

/** Query parameters that carry a category id in 1688 links (compacted, lower case). */
export const URL_CATEGORY_PARAMS = new Set(["categoryid", "catid", "cateid"]);

function invert<K extends string>(table: Record<K, readonly string[]>): Map<string, K> {
	const map = new Map<string, K>();
	for (const [key, aliases] of Object.entries(table) as [K, readonly string[]][]) {
		for (const alias of aliases) map.set(alias, key);
	}
	return map;
}

export const OPTION_BY_ALIAS = invert(OPTION_ALIASES);
export const SORT_BY_ALIAS = invert(SORT_ALIASES);
export const LANGUAGE_BY_ALIAS = invert(LANGUAGE_ALIASES);

/** Spellings offered by did-you-mean for option names, most common first. */
export const KEY_SUGGESTIONS = [
	...["sort", "price", "page", "size", "lang", "cat", "min", "max", "api"],
	...["free_shipping", "dropshipping", "super_factory", "new_arrival"],
	...["cat_id", "min_price", "max_price", "per_page", "language"],
];
/** Spellings offered for a lone word: flags and bare values first, then option names. */
export const BARE_SUGGESTIONS = [
	...["free_shipping", "dropshipping", "super_factory", "new_arrival", "new", "v1", "v2"],
	...Object.keys(LANGUAGE_ALIASES),
	...BARE_SORT_WORDS,
	...KEY_SUGGESTIONS,
];
export const SORT_SUGGESTIONS = ["sales", "price_up", "price_down", "default", ...SORT_ALIASES.sales];
export const LANGUAGE_SUGGESTIONS = [...Object.values(LANGUAGE_ALIASES).flat()];

export const SEPARATOR = /[:=]/;
export const INTEGER = /^\d+$/;
export const PRICE = /^¥?(\d+(?:\.\d+)?|\.\d+)元?$/;
export const RANGE = /^([^-~]*)[-~]([^-~]*)$/;
export const LOOKS_LIKE_RANGE = /^[\d.¥元]*[-~][\d.¥元]*$/;
export const URL_START = /^(?:https?:\/\/|www\.)/;
export const BARE_1688_URL = /^[a-z0-9.-]*1688\.com(?:[/?#]|$)/;
