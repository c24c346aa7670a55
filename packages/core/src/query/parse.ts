import { MISSING_CAT_ID } from "./aliases.js";
import { CommandReader } from "./reader.js";
import { type CategoryQueryResult, toCategoryQuery } from "./schema.js";
import { unknown } from "./words.js";

/** Longest command text accepted, in UTF-16 units; room for a pasted 1688 link full of tracking params. */
export const MAX_COMMAND_LENGTH = 1000;
/** Most words accepted after the command; real commands use under ten, so this only stops spam. */
export const MAX_COMMAND_WORDS = 24;

/**
 * Fold what phones and IMEs produce into plain ASCII-ish text: NFKC turns full-width digits, colons and
 * letters into ASCII, dash look-alikes become "-", invisible characters go, and spaces around ":" or "="
 * are dropped so "sort : sales" reads as "sort:sales".
 */
export function normalize(text: string): string {
	return (
		text
			.normalize("NFKC")
			.replace(/\s+/g, " ")
			.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, "")
			.replace(/[\u2010-\u2015\u2212\u2E3A\u2E3B]/g, "-")
			.replace(/[\u301C\u3030]/g, "~")
			.toLowerCase()
			// Only after a letter: option names are words, and "1031910 :x" must not glue the id to it.
			.replace(/(?<=[a-z_-]) ?([:=]) ?/g, "$1")
			.trim()
	);
}

/** Words of the command, without the wrapping people add: Discord's `<link>` and trailing punctuation. */
export function splitWords(text: string): string[] {
	return text
		.split(" ")
		.map((word) => word.replace(/^[<(]+/, "").replace(/[>),;.]+$/, ""))
		.filter((word) => word.length > 0);
}
function fail(problem: string): CategoryQueryResult {
	return { ok: false, problems: [problem] };
}

/** The problem for text over {@link MAX_COMMAND_LENGTH}. */
export const TOO_LONG = `That command is too long; use at most ${MAX_COMMAND_LENGTH} characters`;
/** The problem for more than {@link MAX_COMMAND_WORDS} words. */
export const TOO_MANY_WORDS = `That is too many words for one command; use at most ${MAX_COMMAND_WORDS}`;

/**
 * Parse what a person typed into a `CategoryQuery`: `/category 1031910 sort:sales price:10-50`,
 * `/category@MyBot ...`, the same without the command (for Discord and the CLI), or a pasted 1688 link.
 * Tolerates case, `key=value`, full-width characters, aliases (`p:3`, `freeship`, `cheapest`) and typos,
 * answering with every problem at once in short user-facing sentences. Never throws.
 *
 * @example
 * parseCategoryCommand("/category 1031910 sort:sales free_shipping");
 * // { ok: true, query: { catId: 1031910, sort: "sales", freeShipping: true, page: 1, ... } }
 * parseCategoryCommand("/category sotr:sales");
 * // { ok: false, problems: ["Tell me a category id, e.g. /category 1031910",
 * //   "Unknown option 'sotr'. Did you mean 'sort'?"] }
 */
export function parseCategoryCommand(text: string): CategoryQueryResult {
	if (typeof text !== "string") return fail(MISSING_CAT_ID);
	if (text.length > MAX_COMMAND_LENGTH) {
		return fail(TOO_LONG);
	}
	const normalized = normalize(text);
	// NFKC can lengthen text (one ligature becomes up to 18 letters), so check again.
	if (normalized.length > MAX_COMMAND_LENGTH) {
		return fail(TOO_LONG);
	}
	const words = splitWords(normalized);
	const problems: string[] = [];
	let start = 0;
	let commandUnknown = false;
	const first = words[0];
	if (first?.startsWith("/")) {
		start = 1;
		// Telegram adds "@BotName" to commands in groups; any bot name is fine here.
		if (!/^\/category(?:@[a-z0-9_]+)?$/.test(first)) {
			commandUnknown = true;
			const command = first.split("@")[0] ?? first;
			problems.push(unknown("command", command, ["/category"], ". Use /category, e.g. /category 1031910"));
		}
	}
	if (words.length - start > MAX_COMMAND_WORDS) {
		return fail(TOO_MANY_WORDS);
	}

	const reader = new CommandReader(words);
	for (let index = start; index < words.length; ) index = reader.read(index);
	if (!reader.catIdMentioned && !commandUnknown) problems.push(MISSING_CAT_ID);
	problems.push(...reader.problems);

	const input: Record<string, unknown> = {};
	for (const [field, { value }] of reader.assigned) input[field] = value;
	if (!reader.assigned.has("catId")) {
		// A stand-in id lets the schema still check every other option; the missing or unusable id is
		// already a problem, and the guard keeps it that way.
		input.catId = 1;
		if (problems.length === 0) problems.push(MISSING_CAT_ID);
	}
	const checked = toCategoryQuery(input);
	if (problems.length === 0) return checked;
	const schemaProblems = checked.ok ? [] : checked.problems;
	return { ok: false, problems: [...new Set([...problems, ...schemaProblems])] };
}
