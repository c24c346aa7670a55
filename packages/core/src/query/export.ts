import { parseCommandText } from "./command.js";
import { MAX_COMMAND_LENGTH } from "./parse.js";
import type { CatalogQuery } from "./searchSchema.js";

/** Pages an export reads when the command does not say. */
export const DEFAULT_EXPORT_PAGES = 3;

/**
 * Reads `/export <category query> pages:N` or `/export search <keyword> ... pages:N` (also `/export@Bot ...`):
 * the grammar of /category or /search plus
 * how many upstream pages to export. The engine bounds N further by EXPORT_MAX_PAGES.
 *
 * @example
 * parseExportCommand("/export 1031910 sort:sales pages:5"); // { ok: true, query, pages: 5 }
 */
export function parseExportCommand(
	text: string,
): { ok: true; query: CatalogQuery; pages: number } | { ok: false; problems: string[] } {
	// Checked before any splitting, so a pasted megabyte costs nothing; the category parser checks again.
	if (typeof text !== "string" || text.length > MAX_COMMAND_LENGTH) {
		return {
			ok: false,
			problems: [`That command is too long; use at most ${MAX_COMMAND_LENGTH} characters`],
		};
	}
	const problems: string[] = [];
	let pages = DEFAULT_EXPORT_PAGES;
	const rest = text
		.replace(/^\s*[/／]export(?:@\w+)?(?=\s|$)/i, "")
		.split(/\s+/)
		.filter((word) => {
			const match = /^pages[:=](.*)$/i.exec(word);
			if (!match) return true;
			const value = match[1] ?? "";
			if (/^[1-9]\d{0,2}$/.test(value)) pages = Number(value);
			else problems.push("pages must be a whole number of at least 1, e.g. pages:5");
			return false;
		})
		.join(" ");
	// "/export search summer dress" exports a search; anything else is a category query.
	const parsed = parseCommandText(rest);
	if (!parsed.ok) return { ok: false, problems: [...parsed.problems, ...problems] };
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, query: parsed.query, pages };
}
