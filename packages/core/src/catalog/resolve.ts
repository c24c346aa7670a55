import { parseExportCommand } from "../query/export.js";
import { parseCategoryCommand } from "../query/parse.js";
import { type CategoryQuery, toCategoryQuery } from "../query/schema.js";
import { decodePageToken } from "../tokens/pageToken.js";
import type { Refusal } from "./outcome.js";
import { refuse } from "./refusals.js";
import type { CatalogInput, Resolved } from "./types.js";

/**
 * Turns any input into a query or a refusal, with no limit, cache or call: typed text through the
 * grammar, Discord options through the schema, a button's token through its signature. All three end in
 * the same schema, so every number a user can send is bounded before anything else sees it.
 */
export function resolveInput(input: CatalogInput, tokenSecret: string): Resolved {
	if ("token" in input) {
		const decoded = decodePageToken(input.token, tokenSecret);
		return decoded.ok ? decoded : { ok: false, refusal: refuse.badToken() };
	}
	const parsed = "text" in input ? parseCategoryCommand(input.text) : toCategoryQuery(input.options);
	return parsed.ok ? parsed : { ok: false, refusal: refuse.invalid(parsed.problems) };
}

/** An export's input checked: the query and, for typed text, the page count it asks for. */
export type ResolvedExport =
	| { ok: true; query: CategoryQuery; pages?: number }
	| { ok: false; refusal: Refusal };

/** Like {@link resolveInput}, but typed text is an /export command, which carries its own page count. */
export function resolveExport(input: CatalogInput, tokenSecret: string): ResolvedExport {
	if (!("text" in input)) return resolveInput(input, tokenSecret);
	const parsed = parseExportCommand(input.text);
	return parsed.ok ? parsed : { ok: false, refusal: refuse.invalid(parsed.problems) };
}
