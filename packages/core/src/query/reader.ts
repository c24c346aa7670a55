import {
	API_WORDS,
	BARE_SORT_WORDS,
	BARE_SUGGESTIONS,
	BOOLEAN_WORDS,
	EXAMPLES,
	type Field,
	FLAG_FIELDS,
	INTEGER,
	KEY_SUGGESTIONS,
	LANGUAGE_BY_ALIAS,
	LANGUAGE_SUGGESTIONS,
	LOOKS_LIKE_RANGE,
	OPTION_BY_ALIAS,
	type OptionName,
	PRICE,
	RANGE,
	SEARCH_API_WORDS,
	SEARCH_CATEGORY,
	SEARCH_FLAG_SPELLINGS,
	SEARCH_LINK,
	SEPARATOR,
	SORT_BY_ALIAS,
	SORT_SUGGESTIONS,
} from "./aliases.js";
import {
	categoryIdsInUrl,
	compact,
	hostOf,
	isFlag,
	looksLikeUrl,
	quote,
	toInteger,
	toPrice,
	unknown,
} from "./words.js";

/** The state of one parse: values found so far (with the words they came from) and problems. */
export class CommandReader {
	readonly problems: string[] = [];
	readonly assigned = new Map<Field, { value: unknown; raw: string }>();
	/** Words of a search's keyword, in order: in search mode, every word that is not an option. */
	readonly keywordWords: string[] = [];
	catIdMentioned = false;

	/**
	 * In `search` mode only `key:value` words and the four flag names are options; every other word is
	 * part of the keyword, so "new balance shoes" searches for new balance rather than setting new_arrival.
	 */
	constructor(
		private readonly words: readonly string[],
		private readonly mode: "category" | "search" = "category",
	) {}

	/** Read the word at `index`; returns the index of the next unread word. */
	read(index: number): number {
		let word = this.words[index] ?? "";
		let next = index + 1;
		if (looksLikeUrl(word)) {
			if (this.mode === "search") this.problems.push(SEARCH_LINK);
			else this.readUrl(word);
			return next;
		}
		if (this.mode === "search") return this.readSearchWord(word, next);
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
		return this.readKeyValue(word, next);
	}

	/** A search word: a flag name, an option (a word of letters before ':'), or part of the keyword. */
	private readSearchWord(word: string, next: number): number {
		const separator = word.search(SEPARATOR);
		if (separator === -1) {
			const flag = OPTION_BY_ALIAS.get(compact(word));
			if (flag !== undefined && isFlag(flag) && SEARCH_FLAG_SPELLINGS.has(compact(word))) {
				return this.readOption(flag, "", word, next);
			}
			this.keywordWords.push(word);
			return next;
		}
		if (!/^[a-z_-]+$/.test(word.slice(0, separator))) {
			this.keywordWords.push(word);
			return next;
		}
		return this.readKeyValue(word, next);
	}

	private readKeyValue(word: string, next: number): number {
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
				if (this.mode === "search") {
					this.problems.push(SEARCH_CATEGORY);
					return next;
				}
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
				const api = (this.mode === "search" ? SEARCH_API_WORDS : API_WORDS).get(value);
				if (api === undefined && this.mode === "search") {
					this.problems.push(`api must be native or global for a search, not ${quote(value)}`);
					return next;
				}
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
