import { checkOptions, parseCommandText } from "../query/command.js";
import { parseExportCommand } from "../query/export.js";
import { formatSearchCommand, formatSearchOptions } from "../query/format.js";
import { parseSearchCommand } from "../query/searchParse.js";
import { type CatalogQuery, toSearchQuery } from "../query/searchSchema.js";
import { decodePageToken, type SearchTokenQuery, searchIdFor } from "../tokens/pageToken.js";
import type { Refusal } from "./outcome.js";
import { refuse } from "./refusals.js";
import type { SearchKeywords } from "./searchKeywords.js";
import type { CatalogInput, Resolved } from "./types.js";

/** What resolving needs: the token secret, and where search keywords wait for their buttons. */
export interface ResolveContext {
	readonly tokenSecret: string;
	readonly searches: SearchKeywords;
}

/** Longest message text read for an expired search's command: a Telegram message is at most 4096. */
const SHOWN_MAX = 8_192;

/**
 * The command to run an expired search again. The message the button is on shows the search's canonical
 * command; it is used when its keyword has this token's id (an HMAC under the secret, so no other text
 * can pass), with the token's own options. Else the options alone, with `<keyword>` to fill in.
 */
function commandToRerun(ctx: ResolveContext, search: SearchTokenQuery, shown: string | undefined): string {
	const { searchId: _id, ...rest } = search;
	const lines = typeof shown === "string" ? shown.slice(0, SHOWN_MAX).split("\n") : [];
	for (const line of lines) {
		const text = line.replace(/^[\s`]+|[\s`]+$/g, "");
		if (!text.startsWith("/search ")) continue;
		const parsed = parseSearchCommand(text);
		if (!parsed.ok || searchIdFor(parsed.query.keyword, ctx.tokenSecret) !== search.searchId) continue;
		const again = toSearchQuery({ ...rest, keyword: parsed.query.keyword });
		if (again.ok) return formatSearchCommand(again.query);
	}
	const options = formatSearchOptions(search);
	return `/search <keyword>${options === "" ? "" : ` ${options}`}`;
}

/** A search token's query with its keyword read back, or why it cannot be: expired, or tampered with. */
async function completeSearch(
	ctx: ResolveContext,
	search: SearchTokenQuery,
	shown: string | undefined,
): Promise<Resolved> {
	const keyword = await ctx.searches.lookup(search.searchId);
	if (keyword === undefined) {
		return { ok: false, refusal: refuse.searchExpired(search, commandToRerun(ctx, search, shown)) };
	}
	const { searchId: _id, ...rest } = search;
	const checked = toSearchQuery({ ...rest, keyword });
	return checked.ok ? checked : { ok: false, refusal: refuse.badToken() };
}

/**
 * Turns any input into a query or a refusal, with no limit or paid call: typed text through the grammar,
 * Discord options through the schema, a button's token through its signature (and, for a search, its
 * keyword from the cache store). All end in the same schemas, so every number a user can send is bounded
 * before anything else sees it.
 */
export async function resolveInput(ctx: ResolveContext, input: CatalogInput): Promise<Resolved> {
	if ("token" in input) {
		const decoded = decodePageToken(input.token, ctx.tokenSecret);
		if (!decoded.ok) return { ok: false, refusal: refuse.badToken() };
		return "search" in decoded ? completeSearch(ctx, decoded.search, input.shown) : decoded;
	}
	const parsed = "text" in input ? parseCommandText(input.text) : checkOptions(input.options);
	return parsed.ok ? parsed : { ok: false, refusal: refuse.invalid(parsed.problems) };
}

/** An export's input checked: the query and, for typed text, the page count it asks for. */
export type ResolvedExport =
	| { ok: true; query: CatalogQuery; pages?: number }
	| { ok: false; refusal: Refusal };

/** Like {@link resolveInput}, but typed text is an /export command, which carries its own page count. */
export async function resolveExport(ctx: ResolveContext, input: CatalogInput): Promise<ResolvedExport> {
	if (!("text" in input)) return resolveInput(ctx, input);
	const parsed = parseExportCommand(input.text);
	return parsed.ok ? parsed : { ok: false, refusal: refuse.invalid(parsed.problems) };
}
