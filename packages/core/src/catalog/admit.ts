import type { Actor } from "../access/actor.js";
import { MAX_RESULT_ITEMS } from "../query/schema.js";
import { type CatalogQuery, isSearchQuery } from "../query/searchSchema.js";
import { type ActionMeta, type CatalogContext, countAction } from "./actions.js";
import type { Refusal } from "./outcome.js";
import { refuse } from "./refusals.js";
import { viewPageCount } from "./slice.js";

/** The refusal for a page past `lastPage`, with a token for the last page; null when the page exists. */
export function pastTheEnd(ctx: CatalogContext, query: CatalogQuery, lastPage: number): Refusal | null {
	if (query.page <= lastPage) return null;
	return refuse.noSuchPage(query, lastPage, ctx.sign({ ...query, page: lastPage }));
}

/**
 * The last chat page as far as the cache knows (an upstream page of this query told its item count),
 * capped by the 2000 products 1688 lists at most; undefined when nothing is known. Never a paid call.
 */
export async function knownLastPage(ctx: CatalogContext, query: CatalogQuery): Promise<number | undefined> {
	const total = await ctx.pages.knownTotal(query);
	return total === undefined ? undefined : viewPageCount(Math.min(total, MAX_RESULT_ITEMS), query.pageSize);
}

/** Says in the log line what an action is about: the category, or the search's keyword. */
export function noteSubject(meta: ActionMeta, query: CatalogQuery): void {
	if (isSearchQuery(query)) meta.keyword = query.keyword;
	else meta.catId = query.catId;
}

/**
 * The steps every page-reading action takes once its input is valid, in this order: note the category for
 * the log line, count one action against the user's rate limit (only now, so refused input counts
 * nothing), and refuse a page past the end the cache already knows (no paid call). Null when admitted.
 */
export async function admitQuery(
	ctx: CatalogContext,
	actor: Actor,
	query: CatalogQuery,
	meta: ActionMeta,
): Promise<Refusal | null> {
	noteSubject(meta, query);
	const limited = await countAction(ctx, actor);
	if (limited) return limited;
	const known = await knownLastPage(ctx, query);
	return known === undefined ? null : pastTheEnd(ctx, query, known);
}
