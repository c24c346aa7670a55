import * as v from "valibot";
import { SEARCH_FLAG_SPELLINGS, SEARCH_LINK } from "./aliases.js";
import {
	type CategoryQuery,
	isPageWithinReach,
	LanguageSchema,
	PageSchema,
	PageSizeSchema,
	pageReachMessage,
	priceSchema,
	SortOrderSchema,
} from "./schema.js";
import { compact, looksLikeUrl } from "./words.js";

/**
 * Which keyword endpoint serves a search: `native` is `search/items` (1688's own index, Chinese keywords,
 * Chinese titles), `global` is `global/search/items` (any language in, titles in the reader's language).
 */
export const SEARCH_APIS = ["native", "global"] as const;
/** A keyword endpoint; see {@link SEARCH_APIS}. */
export type SearchApi = (typeof SEARCH_APIS)[number];

/**
 * Longest keyword, in characters. Real sourcing searches are a few words ("金骏眉茶 500克", "summer dress");
 * 60 leaves room for a long product name while keeping a keyword, its cache keys and its log lines small.
 */
export const KEYWORD_MAX_LENGTH = 60;

/**
 * What a keyword may hold: letters and digits of any script, marks, spaces and the punctuation product
 * names use. No ':' or '=' (they start options), no quotes or brackets, no control characters, so the
 * canonical command always reads back as the same keyword.
 */
const KEYWORD_CHARACTERS = /^[\p{L}\p{M}\p{N} '&+.#%/-]+$/u;
/** Words that are options of /search when typed alone; a keyword made of them could not be typed back. */
const SEARCH_FLAG_WORDS = ["new_arrival", "free_shipping", "dropshipping", "super_factory"] as const;
/** Chinese characters: a keyword with any goes to 1688's own (Chinese) index by default. */
const HAN = /\p{Script=Han}/u;

const KEYWORD_EMPTY = "Tell me what to search for, e.g. /search summer dress";
const KEYWORD_LONG = `the keyword must be at most ${KEYWORD_MAX_LENGTH} characters`;
const KEYWORD_CHARS = "the keyword may hold letters, digits, spaces and - ' & + . # % / only";

/**
 * The keyword as searched and printed: NFKC (full-width letters and digits become ASCII), lower case,
 * single spaces, no dot ending a word (the grammar drops those as sentence ends, so a keyword given as an
 * option must lose them too for its printed command to read back). Two spellings of one search share one
 * cache entry and one search id.
 */
function canonicalKeyword(text: string): string {
	return text
		.normalize("NFKC")
		.toLowerCase()
		.split(/\s+/)
		.map((word) => word.replace(/\.+$/, ""))
		.filter((word) => word !== "")
		.join(" ");
}

/** The endpoint a keyword goes to when the user does not say: Chinese text in English to 1688's own index. */
export function defaultSearchApi(keyword: string, language: string): SearchApi {
	return HAN.test(keyword) && language === "en" ? "native" : "global";
}

/** Any spelling the grammar reads as a flag ("free-shipping", "freeshipping"), not only the canonical one. */
function hasFlagWord(keyword: string): boolean {
	return keyword.split(" ").some((word) => SEARCH_FLAG_SPELLINGS.has(compact(word)));
}

const KeywordSchema = v.pipe(
	v.string(KEYWORD_EMPTY),
	v.transform(canonicalKeyword),
	v.minLength(1, KEYWORD_EMPTY),
	// Code points, not UTF-16 units: a CJK keyword of 60 characters is 60 here.
	v.check((keyword) => Array.from(keyword).length <= KEYWORD_MAX_LENGTH, KEYWORD_LONG),
	v.check((keyword) => keyword.length === 0 || KEYWORD_CHARACTERS.test(keyword), KEYWORD_CHARS),
	v.check(
		(keyword) => !hasFlagWord(keyword),
		`the keyword may not contain the option words ${SEARCH_FLAG_WORDS.join(", ")}`,
	),
	// The grammar refuses a link's words, so a keyword holding one could not be typed back.
	v.check((keyword) => !keyword.split(" ").some(looksLikeUrl), SEARCH_LINK),
);

const SearchQueryObjectSchema = v.object(
	{
		keyword: KeywordSchema,
		page: PageSchema,
		pageSize: PageSizeSchema,
		sort: v.optional(SortOrderSchema, "default"),
		priceMin: v.exactOptional(priceSchema("min price")),
		priceMax: v.exactOptional(priceSchema("max price")),
		newArrival: v.optional(v.boolean("new_arrival must be yes or no"), false),
		dropshipping: v.optional(v.boolean("dropshipping must be yes or no"), false),
		freeShipping: v.optional(v.boolean("free_shipping must be yes or no"), false),
		superFactory: v.optional(v.boolean("super_factory must be yes or no"), false),
		language: v.optional(LanguageSchema, "en"),
		api: v.optional(v.picklist(SEARCH_APIS, "api must be native or global for a search")),
	},
	(issue) => (issue.path === undefined ? "a search must be an object" : KEYWORD_EMPTY),
);

/**
 * The one definition of a keyword search: typed `/search` text, Discord options and decoded page tokens
 * all pass through it. The same paging, sort, price and flag rules as a category query; `api` defaults to
 * the endpoint the keyword suits ({@link defaultSearchApi}) and is always filled in.
 */
export const SearchQuerySchema = v.pipe(
	SearchQueryObjectSchema,
	v.forward(v.partialCheck([["page"], ["pageSize"]], isPageWithinReach, pageReachMessage), ["page"]),
	v.forward(
		v.partialCheck(
			[["priceMin"], ["priceMax"]],
			(q) => q.priceMin === undefined || q.priceMax === undefined || q.priceMin <= q.priceMax,
			(issue) =>
				`min price (${String(issue.input.priceMin)}) must not be above max price (${String(issue.input.priceMax)})`,
		),
		["priceMin"],
	),
	v.transform((q) => ({ ...q, api: q.api ?? defaultSearchApi(q.keyword, q.language) })),
	v.check(
		(q) => q.api !== "native" || q.language === "en",
		"lang needs api:global (1688's own search answers in Chinese)",
	),
);

/** A validated keyword search with every default filled in; only the price bounds may be absent. */
export type SearchQuery = v.InferOutput<typeof SearchQuerySchema>;

/** Anything the catalog can show: a category or a keyword search. */
export type CatalogQuery = CategoryQuery | SearchQuery;

/** True for a keyword search, false for a category query. */
export function isSearchQuery(query: CatalogQuery): query is SearchQuery {
	return "keyword" in query;
}

/** What {@link toSearchQuery} returns: a search, or every problem in plain words. */
export type SearchQueryResult = { ok: true; query: SearchQuery } | { ok: false; problems: string[] };

const SEARCH_FIELDS = Object.keys(SearchQueryObjectSchema.entries);

/**
 * Validate anything into a {@link SearchQuery}, as {@link toCategoryQuery} does for categories: explicit
 * `undefined` options count as not given, unknown keys are never read, and each problem is listed once.
 */
export function toSearchQuery(input: unknown): SearchQueryResult {
	let picked: unknown = input;
	if (typeof input === "object" && input !== null && !Array.isArray(input)) {
		const source = input as Record<string, unknown>;
		const fields: Record<string, unknown> = {};
		for (const key of SEARCH_FIELDS) {
			if (Object.hasOwn(source, key) && source[key] !== undefined) fields[key] = source[key];
		}
		picked = fields;
	}
	const result = v.safeParse(SearchQuerySchema, picked);
	if (result.success) return { ok: true, query: result.output };
	return { ok: false, problems: [...new Set(result.issues.map((issue) => issue.message))] };
}
