import { parseCategoryCommand } from "./parse.js";
import { toCategoryQuery } from "./schema.js";
import { parseSearchCommand } from "./searchParse.js";
import { type CatalogQuery, toSearchQuery } from "./searchSchema.js";

/** A category or search query, or every problem in plain words. */
export type CatalogQueryResult = { ok: true; query: CatalogQuery } | { ok: false; problems: string[] };

const SEARCH_WORD = /^\s*[/／]?search(?=@\w+(?:\s|$)|\s|$)/i;

/** A `/search` command (or `search ...` as typed in inline mode or after `/export`) rather than a category one. */
function isSearchText(text: string): boolean {
	return SEARCH_WORD.test(text);
}

/**
 * Typed text through the grammar its first word names: `/search` (or a bare `search`, as inline mode and
 * `/export search ...` have it) or `/category`, the default.
 */
export function parseCommandText(text: string): CatalogQueryResult {
	if (typeof text === "string" && isSearchText(text))
		return parseSearchCommand(text.replace(SEARCH_WORD, "/search"));
	return parseCategoryCommand(text);
}

/** Structured options (Discord): a search when they carry a keyword, else a category query; not both. */
export function checkOptions(options: unknown): CatalogQueryResult {
	const given = (key: string) =>
		typeof options === "object" &&
		options !== null &&
		key in options &&
		(options as Record<string, unknown>)[key] != null;
	if (given("keyword") && given("catId")) {
		return { ok: false, problems: ["Give a category id or a keyword, not both"] };
	}
	return given("keyword") ? toSearchQuery(options) : toCategoryQuery(options);
}
