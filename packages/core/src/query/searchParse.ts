import { MAX_COMMAND_LENGTH, MAX_COMMAND_WORDS, normalize, splitWords, TOO_LONG } from "./parse.js";
import { CommandReader } from "./reader.js";
import { KEYWORD_MAX_LENGTH, type SearchQueryResult, toSearchQuery } from "./searchSchema.js";
import { unknown } from "./words.js";

/**
 * Most words of a search after the command: a keyword of {@link KEYWORD_MAX_LENGTH} characters can be
 * 30 one-letter words, and the options must still fit beside it as they do in /category.
 */
export const SEARCH_MAX_WORDS = MAX_COMMAND_WORDS + KEYWORD_MAX_LENGTH / 2;
const TOO_MANY_WORDS = `That is too many words for one search; use at most ${SEARCH_MAX_WORDS}`;

function fail(problem: string): SearchQueryResult {
	return { ok: false, problems: [problem] };
}

/**
 * Parse a keyword search: `/search summer dress sort:sales price:10-50 free_shipping lang:ru`, also
 * `/search@MyBot ...` and the same without the command (Discord's keyword, the terminal, inline mode).
 * Words that are not options make up the keyword, in order; options take the `key:value` form (plus the
 * four flag names), so a keyword never loses a word to an alias. Bounded like {@link parseCategoryCommand}
 * and never throws.
 *
 * @example
 * parseSearchCommand("/search summer dress sort:sales");
 * // { ok: true, query: { keyword: "summer dress", sort: "sales", api: "global", page: 1, ... } }
 */
export function parseSearchCommand(text: string): SearchQueryResult {
	if (typeof text !== "string") return toSearchQuery({ keyword: "" });
	if (text.length > MAX_COMMAND_LENGTH) return fail(TOO_LONG);
	const normalized = normalize(text);
	if (normalized.length > MAX_COMMAND_LENGTH) return fail(TOO_LONG);
	// Quotes around a keyword are how people mark one; they are not part of it.
	const words = splitWords(normalized.replace(/["“”«»„]/g, " "));
	const problems: string[] = [];
	let start = 0;
	const first = words[0];
	if (first?.startsWith("/")) {
		start = 1;
		if (!/^\/search(?:@[a-z0-9_]+)?$/.test(first)) {
			const command = first.split("@")[0] ?? first;
			problems.push(unknown("command", command, ["/search"], ". Use /search, e.g. /search summer dress"));
		}
	}
	if (words.length - start > SEARCH_MAX_WORDS) return fail(TOO_MANY_WORDS);

	const reader = new CommandReader(words, "search");
	for (let index = start; index < words.length; ) index = reader.read(index);
	problems.push(...reader.problems);
	const input: Record<string, unknown> = { keyword: reader.keywordWords.join(" ") };
	for (const [field, { value }] of reader.assigned) input[field] = value;
	const checked = toSearchQuery(input);
	if (problems.length === 0) return checked;
	const schemaProblems = checked.ok ? [] : checked.problems;
	return { ok: false, problems: [...new Set([...problems, ...schemaProblems])] };
}
