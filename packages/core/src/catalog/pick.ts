import { type Actor, actorKey } from "../access/actor.js";
import { type CatalogQuery, isSearchQuery } from "../query/searchSchema.js";
import type { Product } from "../tmapi/product.js";
import { type ActionMeta, type CatalogContext, refused, refuseOutsider, upstreamRefusal } from "./actions.js";
import { admitQuery, noteSubject } from "./admit.js";
import { categoryName } from "./categories.js";
import { nameWithin } from "./names.js";
import type { CatalogOutcome } from "./outcome.js";
import type { Loaded } from "./pages.js";
import { refuse } from "./refusals.js";
import { resolveInput } from "./resolve.js";
import { acknowledgeIfSlow } from "./showPage.js";
import { slicesFor } from "./slice.js";
import type { PickedCard, PickRequest, ShowHooks } from "./types.js";

/** Why a card position is not on a page, or null when it is; checked before anything is counted. */
function positionProblem(query: CatalogQuery, position: unknown): string | null {
	const first = (query.page - 1) * query.pageSize + 1;
	const last = first + query.pageSize - 1;
	if (typeof position !== "number" || !Number.isSafeInteger(position)) return "That card is not on this page";
	if (position < first || position > last) {
		return `Card ${position} is not on this page: it shows cards ${first} to ${last}`;
	}
	return null;
}

/** The products a chat page shows, in order: the slices of its upstream pages, as the page view takes them. */
function productsOnPage(ctx: CatalogContext, query: CatalogQuery, loaded: Loaded): Product[] {
	const slices = slicesFor(query.page, query.pageSize, ctx.pages.upstreamSize(query));
	return slices.flatMap((slice, i) => loaded.pages[i]?.items.slice(slice.start, slice.end) ?? []);
}

/**
 * Finds the product behind one card: access, then the token and the position (refused input counts
 * nothing), then one action against the rate limit, then the page through the page source (cached pages
 * are free; the rest paid for and coalesced like any page), with the category's name as a page shows it.
 */
export async function pickCard(
	ctx: CatalogContext,
	actor: Actor,
	request: PickRequest,
	hooks: ShowHooks,
	meta: ActionMeta,
): Promise<CatalogOutcome<PickedCard>> {
	const outsider = refuseOutsider(ctx, actor);
	if (outsider) return refused(outsider);
	const resolved = await resolveInput(ctx, { token: request.token, shown: request.shown });
	if (!resolved.ok) return resolved;
	const { query } = resolved;
	// Said in the log line even when the position is refused before admission.
	noteSubject(meta, query);
	const problem = positionProblem(query, request.position);
	if (problem) return refused(refuse.invalid([problem]));
	const blocked = await admitQuery(ctx, actor, query, meta);
	if (blocked) return refused(blocked);

	const userKey = actorKey(actor);
	await acknowledgeIfSlow(ctx, query, hooks);
	const info = isSearchQuery(query) ? Promise.resolve(null) : nameWithin(ctx, query.catId, userKey);
	try {
		const loaded = await ctx.pages.load(query, userKey);
		meta.cache = loaded.fromCache ? "hit" : "miss";
		ctx.metrics?.cache(meta.cache);
		const first = (query.page - 1) * query.pageSize + 1;
		const product = productsOnPage(ctx, query, loaded)[request.position - first];
		if (!product) {
			return refused(
				refuse.invalid([
					`Card ${request.position} is no longer on this page: send the command again for fresh results`,
				]),
			);
		}
		const category = (await info)?.category;
		return {
			ok: true,
			view: {
				query,
				product,
				categoryName: category ? categoryName(category, query.language) : null,
				fromCache: loaded.fromCache,
			},
		};
	} catch (error) {
		return refused(upstreamRefusal(ctx, error));
	}
}
