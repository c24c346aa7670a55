import type { Refusal } from "../catalog/outcome.js";
import { refuse } from "../catalog/refusals.js";
import { truncateText } from "../text/truncate.js";
import { SHORTLIST_PAGE_SIZE, SHORTLIST_PAGES_MAX } from "./limits.js";

/** Longest /shortlist text read; the longest valid one ("/shortlist@<32-char bot> export") is far shorter. */
export const SHORTLIST_COMMAND_MAX_LENGTH = 200;

/** What a /shortlist command asks for. */
export type ShortlistCommand =
	| { readonly ok: true; readonly command: "list"; readonly page: number }
	| { readonly ok: true; readonly command: "export" }
	| { readonly ok: false; readonly refusal: Refusal };

const USAGE = "Use /shortlist, /shortlist 2 for its second page, or /shortlist export for a CSV file";

function invalid(problem: string): ShortlistCommand {
	return { ok: false, refusal: refuse.invalid([problem]) };
}

/**
 * Reads `/shortlist` (page 1), `/shortlist 2` (a page; also `page:2`), `/shortlist export`, also with
 * Telegram's `@BotName` and without the command word (Discord options, the terminal). Anything else is
 * an "invalid" refusal saying what works. Never throws; text over 200 characters is refused unread.
 *
 * @example
 * parseShortlistCommand("/shortlist@catbot 2"); // { ok: true, command: "list", page: 2 }
 * parseShortlistCommand("/shortlist export");   // { ok: true, command: "export" }
 */
export function parseShortlistCommand(text: string): ShortlistCommand {
	if (typeof text !== "string" || text.length > SHORTLIST_COMMAND_MAX_LENGTH) return invalid(USAGE);
	// NFKC folds full-width digits and slashes from phone keyboards into ASCII.
	const words = text.normalize("NFKC").trim().toLowerCase().split(/\s+/).filter(Boolean);
	const first = words[0];
	if (first?.startsWith("/")) {
		if (!/^\/shortlist(@\w+)?$/.test(first)) {
			return invalid(`Unknown command ${truncateText(first.split("@")[0] ?? first, 32)}. ${USAGE}`);
		}
		words.shift();
	}
	if (words.length === 0) return { ok: true, command: "list", page: 1 };
	const [word, ...rest] = words;
	if (rest.length > 0 || word === undefined) return invalid(USAGE);
	if (word === "export" || word === "csv") return { ok: true, command: "export" };
	const page = /^(?:(?:page|p)[:=])?(\d{1,9})$/.exec(word)?.[1];
	if (page === undefined) return invalid(USAGE);
	const n = Number(page);
	if (n < 1 || n > SHORTLIST_PAGES_MAX) {
		return invalid(
			`The page must be a whole number from 1 to ${SHORTLIST_PAGES_MAX} (${SHORTLIST_PAGE_SIZE} cards a page)`,
		);
	}
	return { ok: true, command: "list", page: n };
}
