import { type Actor, actorKey } from "../access/actor.js";
import { type CategoryQuery, toCategoryQuery } from "../query/schema.js";
import {
	type ActionMeta,
	type CatalogContext,
	countAction,
	refused,
	refuseOutsider,
	upstreamRefusal,
} from "./actions.js";
import type { BrowseView, CatalogOutcome } from "./outcome.js";
import { refuse } from "./refusals.js";

/**
 * One level of the category tree: access, the id (checked by the same schema as every query, so a bad
 * one counts nothing), one action against the rate limit, then the level from the cache or paid for.
 */
export async function browseCategories(
	ctx: CatalogContext,
	actor: Actor,
	catId: number | undefined,
	meta: ActionMeta,
): Promise<CatalogOutcome<BrowseView>> {
	meta.catId = catId;
	const outsider = refuseOutsider(ctx, actor);
	if (outsider) return refused(outsider);
	let itemsQuery: CategoryQuery | null = null;
	if (catId !== undefined) {
		const checked = toCategoryQuery({ catId });
		if (!checked.ok) return refused(refuse.invalid(checked.problems));
		itemsQuery = checked.query;
	}
	const limited = await countAction(ctx, actor);
	if (limited) return refused(limited);
	try {
		const info = await ctx.directory.info(catId, actorKey(actor));
		const itemsToken = itemsQuery === null ? null : ctx.sign(itemsQuery);
		return {
			ok: true,
			view: { category: info.category, path: info.path, children: info.children, itemsToken },
		};
	} catch (error) {
		return refused(upstreamRefusal(ctx, error));
	}
}
