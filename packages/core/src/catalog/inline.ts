import { type Actor, actorKey } from "../access/actor.js";
import { labelsFor } from "../i18n/labels.js";
import { parseCommandText } from "../query/command.js";
import { formatCommand } from "../query/format.js";
import { CHAT_PAGE_SIZE_DEFAULT, MAX_RESULT_ITEMS } from "../query/schema.js";
import { type CatalogQuery, isSearchQuery } from "../query/searchSchema.js";
import { type ActionMeta, type CatalogContext, refused, refuseOutsider, upstreamRefusal } from "./actions.js";
import { admitQuery } from "./admit.js";
import { describeQuery, type ProductCard, toCard } from "./cards.js";
import { categoryName } from "./categories.js";
import { nameWithin } from "./names.js";
import type { CatalogOutcome } from "./outcome.js";
import { refuse } from "./refusals.js";
import { catalogTexts } from "./texts.js";

/** What Telegram's inline mode asks: the text typed after the bot's name, and where scrolling got to. */
export interface InlineRequest {
	/** "1031910 sales", "search summer dress": the /category or /search grammar without the slash. */
	readonly text: string;
	/** Telegram's offset: "" for the first answer, else the `nextOffset` of the previous one. */
	readonly offset: string;
}

/** One answer of inline mode: one upstream page of products as cards. */
export interface InlineView {
	/** The query typed, at page 1. */
	readonly query: CatalogQuery;
	/** Canonical command text, e.g. "/category 1031910 sort:sales". */
	readonly command: string;
	/** The category's name ("Category 1031910" while unknown) or "Search: summer dress". */
	readonly title: string;
	/** Sort and filters as one short line in the query's language. */
	readonly summary: string;
	/** The upstream page's products, positions counted from the first result. */
	readonly cards: readonly ProductCard[];
	/** The offset that loads the next upstream page; "" when there is none. */
	readonly nextOffset: string;
	/** True when the page came from the cache, with no paid call. */
	readonly fromCache: boolean;
}

/** Telegram allows 64 bytes of offset; ours is at most a 3-digit page number, so anything else is forged. */
const OFFSET = /^[1-9]\d{0,2}$/;

/** The upstream page an offset names, or undefined when it is not one this query can have. */
function upstreamPageOf(offset: string, lastUpstreamPage: number): number | undefined {
	if (offset === "") return 1;
	if (typeof offset !== "string" || !OFFSET.test(offset)) return undefined;
	const page = Number(offset);
	return page >= 2 && page <= lastUpstreamPage ? page : undefined;
}

async function titleOf(ctx: CatalogContext, query: CatalogQuery, userKey: string): Promise<string> {
	if (isSearchQuery(query)) return catalogTexts(query.language).searchTitle(query.keyword);
	const category = (await nameWithin(ctx, query.catId, userKey))?.category;
	return category ? categoryName(category, query.language) : labelsFor(query.language).category(query.catId);
}

/**
 * Answers an inline query with one upstream page (scrolling asks for the next through the offset): the
 * same access check, grammar, rate limit, cache, coalescing and budgets as a chat page, and the same
 * upstream pages, so a query asked inline and by /category costs one paid call per upstream page. Bad
 * text or a forged offset is refused before anything is counted or paid.
 */
export async function inlinePage(
	ctx: CatalogContext,
	actor: Actor,
	request: InlineRequest,
	meta: ActionMeta,
): Promise<CatalogOutcome<InlineView>> {
	const outsider = refuseOutsider(ctx, actor);
	if (outsider) return refused(outsider);
	const parsed = parseCommandText(request.text);
	if (!parsed.ok) return refused(refuse.invalid(parsed.problems));
	const query: CatalogQuery = { ...parsed.query, page: 1, pageSize: CHAT_PAGE_SIZE_DEFAULT };
	const size = ctx.pages.upstreamSize(query);
	const upstream = upstreamPageOf(request.offset, Math.ceil(MAX_RESULT_ITEMS / size));
	if (upstream === undefined) return refused(refuse.badToken());
	const blocked = await admitQuery(ctx, actor, query, meta);
	if (blocked) return refused(blocked);

	const userKey = actorKey(actor);
	const title = titleOf(ctx, query, userKey);
	const base = { query, command: formatCommand(query), summary: describeQuery(query) };
	const known = await ctx.pages.knownTotal(query);
	if (known !== undefined && (upstream - 1) * size >= known) {
		return { ok: true, view: { ...base, title: await title, cards: [], nextOffset: "", fromCache: true } };
	}
	try {
		const { value, fromCache } = await ctx.pages.upstreamPage(query, upstream, userKey);
		meta.cache = fromCache ? "hit" : "miss";
		ctx.metrics?.cache(meta.cache);
		if (isSearchQuery(query)) await ctx.searches.remember(query.keyword).catch(() => undefined);
		const first = (upstream - 1) * size + 1;
		const cards = value.items.map((product, i) => toCard(product, first + i, query.language));
		const more = value.hasNextPage && value.items.length > 0 && upstream * size < MAX_RESULT_ITEMS;
		const nextOffset = more ? String(upstream + 1) : "";
		return { ok: true, view: { ...base, title: await title, cards, nextOffset, fromCache } };
	} catch (error) {
		return refused(upstreamRefusal(ctx, error));
	}
}
