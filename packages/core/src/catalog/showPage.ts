import { type Actor, actorKey } from "../access/actor.js";
import { type CatalogQuery, isSearchQuery } from "../query/searchSchema.js";
import { type ActionMeta, type CatalogContext, refused, refuseOutsider, upstreamRefusal } from "./actions.js";
import { admitQuery, pastTheEnd } from "./admit.js";
import { nameWithin } from "./names.js";
import type { CatalogOutcome, ResultView } from "./outcome.js";
import { resolveInput } from "./resolve.js";
import { buildView, lastPageOf } from "./resultView.js";
import { suggestCategories } from "./suggestions.js";
import type { CatalogInput, ShowHooks } from "./types.js";

/** Runs the caller's onSlow hook when the query needs a paid call; a failing hook is logged, not thrown. */
export async function acknowledgeIfSlow(
	ctx: CatalogContext,
	query: CatalogQuery,
	hooks: ShowHooks,
): Promise<void> {
	if (!hooks.onSlow || (await ctx.pages.isCached(query))) return;
	try {
		await hooks.onSlow();
	} catch (error) {
		ctx.logger.warn({ err: error }, "acknowledging a slow request failed");
	}
}

/**
 * Shows one chat page: access, then the input (refused input counts nothing), then the rate limit, then
 * what the cache knows of the end, and only then the upstream pages, paid for where not cached.
 */
export async function showPage(
	ctx: CatalogContext,
	actor: Actor,
	input: CatalogInput,
	hooks: ShowHooks,
	meta: ActionMeta,
): Promise<CatalogOutcome<ResultView>> {
	const outsider = refuseOutsider(ctx, actor);
	if (outsider) return refused(outsider);
	const resolved = await resolveInput(ctx, input);
	if (!resolved.ok) return resolved;
	const { query } = resolved;
	const blocked = await admitQuery(ctx, actor, query, meta);
	if (blocked) return refused(blocked);

	const userKey = actorKey(actor);
	await acknowledgeIfSlow(ctx, query, hooks);
	// Started alongside the items; a slow or failing name lookup never holds the items back.
	const name = isSearchQuery(query) ? Promise.resolve(null) : nameWithin(ctx, query.catId, userKey);
	// Every search shown refreshes its keyword, so the buttons of a search in use never expire.
	const remembered = isSearchQuery(query)
		? ctx.searches
				.remember(query.keyword)
				.catch((error: unknown) => ctx.logger.warn({ err: error }, "storing a search keyword failed"))
		: Promise.resolve();
	try {
		const loaded = await ctx.pages.load(query, userKey);
		meta.cache = loaded.fromCache ? "hit" : "miss";
		ctx.metrics?.cache(meta.cache);
		// The pages just loaded may be the first to tell where the end is.
		const last = lastPageOf(query, loaded, ctx.pages.upstreamSize(query));
		const beyond = last === undefined ? null : pastTheEnd(ctx, query, last);
		if (beyond) return refused(beyond);
		const suggestions = isSearchQuery(query)
			? await suggestCategories(
					ctx,
					query,
					loaded.pages.flatMap((page) => page.items),
					userKey,
				)
			: [];
		await remembered;
		return { ok: true, view: buildView(ctx, query, loaded, await name, suggestions) };
	} catch (error) {
		return refused(upstreamRefusal(ctx, error));
	}
}
