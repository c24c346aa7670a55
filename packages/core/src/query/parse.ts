import {
	API_WORDS,
	BARE_1688_URL,
	BARE_SORT_WORDS,
	BARE_SUGGESTIONS,
	BOOLEAN_WORDS,
	EXAMPLES,
	type Field,
	FLAG_FIELDS,
	type FlagOption,
	INTEGER,
	KEY_SUGGESTIONS,
	LANGUAGE_BY_ALIAS,
	LANGUAGE_SUGGESTIONS,
	LOOKS_LIKE_RANGE,
	MISSING_CAT_ID,
	OPTION_BY_ALIAS,
	type OptionName,
	PRICE,
	RANGE,
	SEPARATOR,
	SORT_BY_ALIAS,
	SORT_SUGGESTIONS,
	URL_CATEGORY_PARAMS,
	URL_START,
} from "./aliases.js";
import { type CategoryQueryResult, toCategoryQuery } from "./schema.js";
import { didYouMean } from "./suggest.js";

/** Longest command text accepted, in UTF-16 units; room for a pasted 1688 link full of tracking params. */
export const MAX_COMMAND_LENGTH = 1000;
/** Most words accepted after the command; real commands use under ten, so this only stops spam. */
export const MAX_COMMAND_WORDS = 24;

function isFlag(option: OptionName): option is FlagOption {
	return option in FLAG_FIELDS;
}

/** "Free-Shipping", "free_shipping" and "freeshipping" are one key to a person, so compare them as one. */
function compact(word: string): string {
	return word.replace(/[-_.]/g, "");
}

/** Quote user text in a problem, cut short so a pasted essay does not come back whole. */
function quote(text: string): string {
	const chars = Array.from(text);
	return `'${chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : text}'`;
}

/** Best did-you-mean among `candidates`, comparing compacted forms and answering with the spelling shown. */
function suggest(word: string, candidates: readonly string[]): string | undefined {
	const byCompact = new Map<string, string>();
	for (const candidate of candidates) {
		const key = compact(candidate);
		if (!byCompact.has(key)) byCompact.set(key, candidate);
	}
	const match = didYouMean(compact(word), byCompact.keys());
	return match === undefined ? undefined : byCompact.get(match);
}

function unknown(kind: string, word: string, candidates: readonly string[], fallback = ""): string {
	const match = suggest(word, candidates);
	if (match !== undefined) return `Unknown ${kind} ${quote(word)}. Did you mean '${match}'?`;
	return `Unknown ${kind} ${quote(word)}${fallback}`;
}

/**
 * Fold what phones and IMEs produce into plain ASCII-ish text: NFKC turns full-width digits, colons and
 * letters into ASCII, dash look-alikes become "-", invisible characters go, and spaces around ":" or "="
 * are dropped so "sort : sales" reads as "sort:sales".
 */
function normalize(text: string): string {
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
function splitWords(text: string): string[] {
	return text
		.split(" ")
		.map((word) => word.replace(/^[<(]+/, "").replace(/[>),;.]+$/, ""))
		.filter((word) => word.length > 0);
}

function looksLikeUrl(word: string): boolean {
	return URL_START.test(word) || BARE_1688_URL.test(word);
}

function toInteger(text: string): number | string {
	// Anything else goes to the schema as text, which answers with the field's own message.
	return INTEGER.test(text) ? Number(text) : text;
}

function toPrice(text: string): number | string {
	const digits = PRICE.exec(text)?.[1];
	return digits === undefined ? text : Number(digits);
}

/** Category ids found in a link's query string or fragment ("#/...?categoryId=1"). */
function categoryIdsInUrl(url: string): Set<string> {
	const ids = new Set<string>();
	const start = url.search(/[?#]/);
	if (start === -1) return ids;
	for (const pair of url.slice(start + 1).split(/[?&#;]/)) {
		const equals = pair.indexOf("=");
		if (equals === -1) continue;
		const value = pair.slice(equals + 1);
		if (URL_CATEGORY_PARAMS.has(compact(pair.slice(0, equals))) && INTEGER.test(value)) ids.add(value);
	}
	return ids;
}

function hostOf(url: string): string {
	const authority = url.replace(/^https?:\/\//, "").split(/[/?#]/)[0] ?? "";
	return (authority.split("@").pop() ?? "").split(":")[0] ?? "";
}

/** The state of one parse: values found so far (with the words they came from) and problems. */
class CommandReader {
	readonly problems: string[] = [];
	readonly assigned = new Map<Field, { value: unknown; raw: string }>();
	catIdMentioned = false;

	constructor(private readonly words: readonly string[]) {}

	/** Read the word at `index`; returns the index of the next unread word. */
	read(index: number): number {
		let word = this.words[index] ?? "";
		let next = index + 1;
		if (looksLikeUrl(word)) {
			this.readUrl(word);
			return next;
		}
		// Two-word spellings of one option: "free shipping", "new arrivals", "per page:10".
		const following = this.words[next];
		if (following !== undefined && !SEPARATOR.test(word) && !looksLikeUrl(following)) {
			const joined = `${word}_${following}`;
			const joinedKey = joined.split(SEPARATOR)[0] ?? "";
			if (OPTION_BY_ALIAS.has(compact(joinedKey))) {
				word = joined;
				next++;
			}
		}
		const separator = word.search(SEPARATOR);
		if (separator === -1) return this.readBare(word, next);
		const key = word.slice(0, separator);
		const value = word.slice(separator + 1);
		const option = OPTION_BY_ALIAS.get(compact(key));
		if (key === "") {
			this.problems.push(`I don't understand ${quote(word)}`);
		} else if (option === undefined) {
			this.problems.push(unknown("option", key, KEY_SUGGESTIONS));
		} else if (value === "" && !isFlag(option)) {
			this.problems.push(`${option} needs a value, e.g. ${EXAMPLES[option]}`);
		} else {
			return this.readOption(option, value, word, next);
		}
		return next;
	}

	private readBare(word: string, next: number): number {
		const key = compact(word);
		if (INTEGER.test(word)) {
			this.readBareNumber(word);
			return next;
		}
		const option = OPTION_BY_ALIAS.get(key);
		if (option !== undefined) {
			if (isFlag(option)) return this.readOption(option, "", word, next);
			// "sort sales": a space where the colon should be. Take the next word unless it is an option.
			const value = this.words[next];
			if (
				value !== undefined &&
				!SEPARATOR.test(value) &&
				!looksLikeUrl(value) &&
				!OPTION_BY_ALIAS.has(compact(value))
			) {
				return this.readOption(option, value, `${word}:${value}`, next + 1);
			}
			this.problems.push(`${option} needs a value, e.g. ${EXAMPLES[option]}`);
			return next;
		}
		const language = LANGUAGE_BY_ALIAS.get(key);
		const sort = BARE_SORT_WORDS.has(key) ? SORT_BY_ALIAS.get(key) : undefined;
		const api = key === "v1" || key === "v2" ? key : undefined;
		if (language !== undefined) this.assign("language", language, word);
		else if (sort !== undefined) this.assign("sort", sort, word);
		else if (api !== undefined) this.assign("api", api, word);
		else if (LOOKS_LIKE_RANGE.test(word)) {
			this.problems.push(`Unknown option ${quote(word)}. Did you mean 'price:${word}'?`);
		} else this.problems.push(unknown("option", word, BARE_SUGGESTIONS));
		return next;
	}

	private readBareNumber(word: string): void {
		this.catIdMentioned = true;
		const previous = this.assigned.get("catId");
		if (previous !== undefined && previous.value !== Number(word)) {
			this.problems.push(
				`Two category ids, ${quote(previous.raw)} and ${quote(word)}; keep one (for a page, write page:${word})`,
			);
			return;
		}
		this.assign("catId", Number(word), word);
	}

	private readOption(option: OptionName, value: string, raw: string, next: number): number {
		switch (option) {
			case "cat":
				this.catIdMentioned = true;
				this.assign("catId", toInteger(value), raw);
				return next;
			case "page":
				this.assign("page", toInteger(value), raw);
				return next;
			case "size":
				this.assign("pageSize", toInteger(value), raw);
				return next;
			case "min":
				this.assign("priceMin", toPrice(value), raw);
				return next;
			case "max":
				this.assign("priceMax", toPrice(value), raw);
				return next;
			case "price":
				return this.readPrice(value, raw, next);
			case "sort": {
				const sort = SORT_BY_ALIAS.get(compact(value));
				if (sort === undefined) {
					this.problems.push(
						unknown("sort", value, SORT_SUGGESTIONS, ". Use sales, price_up, price_down or default"),
					);
				} else this.assign("sort", sort, raw);
				return next;
			}
			case "lang": {
				const language = LANGUAGE_BY_ALIAS.get(compact(value));
				if (language === undefined) {
					this.problems.push(
						unknown("language", value, LANGUAGE_SUGGESTIONS, ". Use en, zh, ru, vi, ja or ko"),
					);
				} else this.assign("language", language, raw);
				return next;
			}
			case "api": {
				const api = API_WORDS.get(value);
				if (api === undefined) this.problems.push(`api must be v1 or v2, not ${quote(value)}`);
				else this.assign("api", api, raw);
				return next;
			}
			default: {
				const flag = value === "" ? true : BOOLEAN_WORDS.get(value);
				if (flag === undefined) this.problems.push(`${option} must be yes or no, not ${quote(value)}`);
				else this.assign(FLAG_FIELDS[option], flag, raw);
				return next;
			}
		}
	}

	/** "price:10-50", and the same typed with spaces: "price:10 - 50", "price 10 -50". */
	private readPrice(value: string, raw: string, next: number): number {
		let range = value;
		let index = next;
		let text = raw;
		for (let taken = 0; taken < 2; taken++) {
			const word = this.words[index];
			if (word === undefined) break;
			const open = /[-~]$/.test(range) && PRICE.test(word);
			const continues = !/[-~]/.test(range) && /^[-~]/.test(word) && LOOKS_LIKE_RANGE.test(word);
			if (!open && !continues) break;
			range += word;
			text += ` ${word}`;
			index++;
		}
		const match = RANGE.exec(range);
		const min = match?.[1] ?? "";
		const max = match?.[2] ?? "";
		if (min === "" && max === "") {
			this.problems.push(
				`price needs a range, e.g. price:10-50, price:10- or price:-50 (not ${quote(range)})`,
			);
			return index;
		}
		if (min !== "") this.assign("priceMin", toPrice(min), text);
		if (max !== "") this.assign("priceMax", toPrice(max), text);
		return index;
	}

	private readUrl(url: string): void {
		this.catIdMentioned = true;
		const host = hostOf(url);
		if (host !== "1688.com" && !host.endsWith(".1688.com")) {
			this.problems.push(`Only 1688.com links work here, not ${quote(host)}`);
			return;
		}
		const ids = [...categoryIdsInUrl(url)];
		const [id] = ids;
		if (id === undefined) {
			this.problems.push(
				"That link has no category id in it; send the number instead, e.g. /category 1031910",
			);
		} else if (ids.length > 1) {
			this.problems.push("That link has more than one category id; send just the one you want");
		} else this.assign("catId", Number(id), url);
	}

	/** Same option twice is fine when it agrees; disagreeing repeats are a problem, not last-one-wins. */
	private assign(field: Field, value: unknown, raw: string): void {
		const previous = this.assigned.get(field);
		if (previous === undefined) this.assigned.set(field, { value, raw });
		else if (!Object.is(previous.value, value)) {
			this.problems.push(`Conflicting options ${quote(previous.raw)} and ${quote(raw)}; keep one`);
		}
	}
}

function fail(problem: string): CategoryQueryResult {
	return { ok: false, problems: [problem] };
}

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
		return fail(`That command is too long; use at most ${MAX_COMMAND_LENGTH} characters`);
	}
	const normalized = normalize(text);
	// NFKC can lengthen text (one ligature becomes up to 18 letters), so check again.
	if (normalized.length > MAX_COMMAND_LENGTH) {
		return fail(`That command is too long; use at most ${MAX_COMMAND_LENGTH} characters`);
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
		return fail(`That is too many words for one command; use at most ${MAX_COMMAND_WORDS}`);
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
