import type { Refusal } from "../catalog/outcome.js";
import { refuse } from "../catalog/refusals.js";
import { checkOptions, parseCommandText } from "../query/command.js";
import { MAX_COMMAND_LENGTH } from "../query/parse.js";
import { CHAT_PAGE_SIZE_DEFAULT } from "../query/schema.js";
import type { CatalogQuery } from "../query/searchSchema.js";
import { WATCH_INTERVAL_HOURS_MAX } from "../store/watches.js";
import { truncateText } from "../text/truncate.js";

/** How often a watch runs when `every:` is not given. */
export const WATCH_INTERVAL_DEFAULT_HOURS = 24;
/** The highest `/unwatch <n>`: WATCHES_PER_PLACE is at most 1000. */
export const WATCH_POSITION_MAX = 1_000;

/** What a /watch, /watches or /unwatch command asks for. */
export type WatchCommand =
	| {
			readonly ok: true;
			readonly command: "watch";
			/** The query to check, page 1 at the default size: a watch reads the first upstream page. */
			readonly query: CatalogQuery;
			/** From `every:`, else 24; WATCH_MIN_HOURS is checked when the watch is created. */
			readonly intervalHours: number;
	  }
	| { readonly ok: true; readonly command: "watches" }
	| { readonly ok: true; readonly command: "unwatch"; readonly position: number }
	| { readonly ok: false; readonly refusal: Refusal };

/** The `/watch` form only: what {@link Watches.create} takes. */
export type WatchRequest = Extract<WatchCommand, { command: "watch" }>;

const WATCH_EXAMPLE = "/watch 1031910 new_arrival sort:sales every:12h";
const UNWATCH_USAGE = "Say which watch to remove, e.g. /unwatch 2 (the numbers are in /watches)";
const COMMANDS = /^\/(watch|watches|unwatch)(?:@\w+)?$/;

function invalid(problems: readonly string[]): WatchCommand {
	return { ok: false, refusal: refuse.invalid(problems) };
}

/** Hours of an `every:` value ("6h", "12", "1d", "2 days"), or a problem. */
export function parseInterval(value: unknown): { hours: number } | { problem: string } {
	const usage = `every must be a number of hours or days from 1 h to ${WATCH_INTERVAL_HOURS_MAX} h, e.g. every:6h or every:1d`;
	if (typeof value === "number") {
		return Number.isSafeInteger(value) && value >= 1 && value <= WATCH_INTERVAL_HOURS_MAX
			? { hours: value }
			: { problem: usage };
	}
	if (typeof value !== "string" || value.length > 20) return { problem: usage };
	const match = /^(\d{1,4})\s*(h|hr|hrs|hours?|d|days?)?$/.exec(value.normalize("NFKC").trim().toLowerCase());
	if (!match) return { problem: usage };
	const hours = Number(match[1]) * (match[2]?.startsWith("d") ? 24 : 1);
	return hours >= 1 && hours <= WATCH_INTERVAL_HOURS_MAX ? { hours } : { problem: usage };
}

/** Refuses paging: a watch always reads the first upstream page, so `page:`/`size:` would mislead. */
function pagingProblem(query: CatalogQuery): string | null {
	return query.page !== 1 || query.pageSize !== CHAT_PAGE_SIZE_DEFAULT
		? "A watch checks the first page of results: leave out page: and size:"
		: null;
}

/** Takes the `every` option out of the words: its hours (or a problem), and the words left for the query. */
function takeEvery(words: string[]): { hours: number; problems: string[]; rest: string[] } {
	const rest: string[] = [];
	const problems: string[] = [];
	let hours: number | undefined;
	for (let i = 0; i < words.length; i++) {
		const match = /^every(?:[:=](.*))?$/.exec(words[i] ?? "");
		if (!match) {
			rest.push(words[i] ?? "");
			continue;
		}
		// "every:6h", "every=6h", and "every 6h" (two words).
		const value = match[1] || words[++i] || "";
		const parsed = parseInterval(value);
		if ("problem" in parsed) problems.push(parsed.problem);
		else if (hours !== undefined && hours !== parsed.hours) problems.push("Give every only once");
		else hours = parsed.hours;
	}
	return { hours: hours ?? WATCH_INTERVAL_DEFAULT_HOURS, problems, rest };
}

function readWatch(words: string[]): WatchCommand {
	const { hours, problems, rest } = takeEvery(words);
	if (rest.length === 0) return invalid([...problems, `Tell me what to watch, e.g. ${WATCH_EXAMPLE}`]);
	const parsed = parseCommandText(rest.join(" "));
	if (!parsed.ok) return invalid([...problems, ...parsed.problems]);
	const paging = pagingProblem(parsed.query);
	if (paging) problems.push(paging);
	if (problems.length > 0) return invalid(problems);
	return { ok: true, command: "watch", query: parsed.query, intervalHours: hours };
}

function readUnwatch(words: string[]): WatchCommand {
	const [word, ...more] = words;
	const n = word === undefined || more.length > 0 ? undefined : /^#?(\d{1,9})$/.exec(word)?.[1];
	if (n === undefined) return invalid([UNWATCH_USAGE]);
	const position = Number(n);
	if (position < 1 || position > WATCH_POSITION_MAX) {
		return invalid([`The watch number must be from 1 to ${WATCH_POSITION_MAX}`]);
	}
	return { ok: true, command: "unwatch", position };
}

/**
 * Reads `/watch <category query> [every:6h]`, `/watches` and `/unwatch <n>`, also with Telegram's
 * `@BotName`. The query is the `/category` grammar (ids, links, sort, price, flags, lang, v1); `every:` is
 * the watch's own option (hours or days, 1 h to 720 h; default 24 h) and is taken out before the query is
 * read; `page:` and `size:` are refused, since a watch reads the first page. Text without a command word
 * is a `/watch` query (the terminal). Never throws; text over 1000 characters is refused unread.
 *
 * @example
 * parseWatchCommand("/watch 1031910 new_arrival sort:sales every:12h");
 * // { ok: true, command: "watch", query: { catId: 1031910, sort: "sales", newArrival: true, ... }, intervalHours: 12 }
 * parseWatchCommand("/unwatch 2"); // { ok: true, command: "unwatch", position: 2 }
 */
export function parseWatchCommand(text: string): WatchCommand {
	if (typeof text !== "string") return invalid([`Tell me what to watch, e.g. ${WATCH_EXAMPLE}`]);
	if (text.length > MAX_COMMAND_LENGTH) {
		return invalid([`That command is too long; use at most ${MAX_COMMAND_LENGTH} characters`]);
	}
	// The query keeps its own normalisation; this only finds the command and `every`, so spaces around
	// ":" are folded here the same way ("every : 6h").
	const words = text
		.normalize("NFKC")
		.replace(/(?<=every) ?([:=]) ?/gi, "$1")
		.trim()
		.split(/\s+/)
		.filter(Boolean);
	let command = "watch";
	const first = words[0]?.toLowerCase();
	if (first?.startsWith("/")) {
		const match = COMMANDS.exec(first);
		if (!match?.[1]) {
			const name = truncateText(first.split("@")[0] ?? first, 32);
			return invalid([`Unknown command ${name}. Use /watch, /watches or /unwatch`]);
		}
		command = match[1];
		words.shift();
	}
	const lowered = words.map((word) => word.toLowerCase());
	if (command === "watches") {
		return lowered.length === 0 ? { ok: true, command: "watches" } : invalid(["/watches takes no options"]);
	}
	if (command === "unwatch") return readUnwatch(lowered);
	// Case is kept for the query reader (it folds case itself) but `every` is matched without it.
	return readWatch(words.map((word) => (/^every\b/i.test(word) ? word.toLowerCase() : word)));
}

/**
 * The Discord form of /watch: structured options as a category or search query takes them, plus `every`
 * (hours as a number, or text like "6h"). `page` and `pageSize` are refused. Never throws.
 *
 * @example
 * watchCommandFromOptions({ catId: 1031910, sort: "sales", newArrival: true, every: "12h" });
 */
export function watchCommandFromOptions(options: unknown): WatchCommand {
	if (typeof options !== "object" || options === null) {
		return invalid([`Tell me what to watch, e.g. ${WATCH_EXAMPLE}`]);
	}
	const record = options as Record<string, unknown>;
	const problems: string[] = [];
	let hours = WATCH_INTERVAL_DEFAULT_HOURS;
	if (Object.hasOwn(record, "every") && record.every !== undefined && record.every !== null) {
		const parsed = parseInterval(record.every);
		if ("problem" in parsed) problems.push(parsed.problem);
		else hours = parsed.hours;
	}
	const checked = checkOptions(options);
	if (!checked.ok) return invalid([...problems, ...checked.problems]);
	const paging = pagingProblem(checked.query);
	if (paging) problems.push(paging);
	if (problems.length > 0) return invalid(problems);
	return { ok: true, command: "watch", query: checked.query, intervalHours: hours };
}
