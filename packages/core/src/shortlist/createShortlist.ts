import type { AccessPolicy } from "../access/allowList.js";
import {
	type ActionContext,
	countAction,
	recordAction,
	refused,
	refuseOutsider,
} from "../catalog/actions.js";
import { noteSubject } from "../catalog/admit.js";
import { refuse } from "../catalog/refusals.js";
import type { Catalog } from "../catalog/types.js";
import { shortlistToCsv } from "../export/csv.js";
import type { Limits } from "../limits/createLimits.js";
import type { Logger } from "../logging/logger.js";
import type { Metrics } from "../metrics/metrics.js";
import type { Language } from "../query/schema.js";
import type { Place } from "../store/place.js";
import { type SavedCard, savedCardFromProduct } from "../store/savedCard.js";
import { SHORTLIST_MAX_DEFAULT, SHORTLIST_PAGE_MAX, type ShortlistStore } from "../store/shortlist.js";
import { truncateText } from "../text/truncate.js";
import { LANGUAGES } from "../tmapi/params.js";
import { cleanName, guarded, itemIdProblem, pageProblem, placeLabel, placeRefusal } from "./guards.js";
import { SHORTLIST_MAX_LIMIT, SHORTLIST_PAGE_SIZE } from "./limits.js";
import { shortlistTexts } from "./texts.js";
import type { Shortlist } from "./types.js";
import { listView, saveView, shortlistFileName, type ViewSettings } from "./views.js";

/** Options of {@link createShortlist}. */
export interface ShortlistOptions {
	/** Reads the card being saved from its page; the same catalog the bot shows results with. */
	readonly catalog: Catalog;
	readonly store: ShortlistStore;
	readonly access: AccessPolicy;
	/** The catalog's limits: a shortlist action counts against the same per-user rate limit. */
	readonly limits: Limits;
	readonly logger: Logger;
	readonly metrics?: Metrics;
	/** SHORTLIST_MAX, as the store enforces it, for "12 of 500". Default 500; 1..100000. */
	readonly max?: number;
	/** The language of every text. Default English. */
	readonly language?: Language;
	readonly now?: () => number;
}

interface ShortlistContext extends ActionContext {
	readonly catalog: Catalog;
	readonly store: ShortlistStore;
	readonly settings: () => ViewSettings;
}

/** Reads the whole list, newest first, in the store's largest pages; a card moved by a removal meanwhile is kept once. */
async function readAll(ctx: ShortlistContext, place: Place): Promise<SavedCard[]> {
	const cards: SavedCard[] = [];
	const seen = new Set<string>();
	for (let offset = 0; offset < SHORTLIST_MAX_LIMIT; offset += SHORTLIST_PAGE_MAX) {
		const page = await ctx.store.list(place, { offset, limit: SHORTLIST_PAGE_MAX });
		for (const card of page.cards) {
			if (seen.has(card.itemId)) continue;
			seen.add(card.itemId);
			cards.push(card);
		}
		if (page.cards.length < SHORTLIST_PAGE_MAX || offset + SHORTLIST_PAGE_MAX >= page.total) break;
	}
	return cards;
}

/**
 * Builds a place's shared shortlist (see {@link Shortlist}) on the catalog, which reads the card being
 * saved, and a store, which keeps the snapshots: the runtime's SQLite or PostgreSQL store, or
 * createMemoryShortlistStore for tests and the terminal demo.
 *
 * @throws TypeError for a `max` outside 1..100000 or an unknown language.
 * @example
 * const shortlist = createShortlist({ catalog, store: durable.shortlist, access, limits, logger });
 * const outcome = await shortlist.list(actor, { platform: "telegram", id: "-100123" }, 1);
 */
export function createShortlist(options: ShortlistOptions): Shortlist {
	const max = options.max ?? SHORTLIST_MAX_DEFAULT;
	if (!Number.isSafeInteger(max) || max < 1 || max > SHORTLIST_MAX_LIMIT) {
		throw new TypeError(`createShortlist: max must be a whole number from 1 to ${SHORTLIST_MAX_LIMIT}`);
	}
	const language = options.language ?? "en";
	if (!LANGUAGES.includes(language)) throw new TypeError("createShortlist: unknown language");
	const now = options.now ?? Date.now;
	const ctx: ShortlistContext = {
		now,
		logger: options.logger,
		metrics: options.metrics,
		access: options.access,
		limits: options.limits,
		catalog: options.catalog,
		store: options.store,
		settings: () => ({ language, now: now(), max }),
	};
	const texts = shortlistTexts(language);

	return {
		save: (actor, place, request, savedByName, hooks = {}) =>
			recordAction(ctx, actor, "shortlist-save", (meta) =>
				guarded(ctx, async () => {
					const outsider = refuseOutsider(ctx, actor) ?? placeRefusal(ctx, place);
					if (outsider) return refused(outsider);
					meta.place = placeLabel(place);
					// The pick checks the token and the position, and counts this action once they are valid.
					const picked = await ctx.catalog.pick(actor, request, hooks);
					if (!picked.ok) return picked;
					const { query, product, categoryName, fromCache } = picked.view;
					noteSubject(meta, query);
					meta.cache = fromCache ? "hit" : "miss";
					meta.itemId = product.itemId;
					const card = savedCardFromProduct({
						product,
						query,
						categoryName,
						savedBy: { userId: actor.userId, name: cleanName(savedByName) },
						savedAt: now(),
					});
					const result = await ctx.store.save(place, card);
					meta.result = result.status;
					return { ok: true, view: saveView(place, card.itemId, result, ctx.settings()) };
				}),
			),

		list: (actor, place, page = 1) =>
			recordAction(ctx, actor, "shortlist-list", (meta) =>
				guarded(ctx, async () => {
					const outsider = refuseOutsider(ctx, actor) ?? placeRefusal(ctx, place);
					if (outsider) return refused(outsider);
					meta.place = placeLabel(place);
					const problem = pageProblem(page);
					if (problem) return refused(refuse.invalid([problem]));
					const limited = await countAction(ctx, actor);
					if (limited) return refused(limited);
					const at = (n: number) =>
						ctx.store.list(place, { offset: (n - 1) * SHORTLIST_PAGE_SIZE, limit: SHORTLIST_PAGE_SIZE });
					let shown = page;
					let read = await at(shown);
					// A page button from before some removals: show the last page there is instead.
					if (read.cards.length === 0 && read.total > 0) {
						shown = Math.ceil(read.total / SHORTLIST_PAGE_SIZE);
						read = await at(shown);
					}
					return { ok: true, view: listView(place, shown, read, ctx.settings()) };
				}),
			),

		remove: (actor, place, itemId) =>
			recordAction(ctx, actor, "shortlist-remove", (meta) =>
				guarded(ctx, async () => {
					const outsider = refuseOutsider(ctx, actor) ?? placeRefusal(ctx, place);
					if (outsider) return refused(outsider);
					meta.place = placeLabel(place);
					const problem = itemIdProblem(itemId);
					if (problem) return refused(refuse.invalid([problem]));
					meta.itemId = itemId;
					const limited = await countAction(ctx, actor);
					if (limited) return refused(limited);
					const removed = await ctx.store.remove(place, itemId);
					meta.result = removed ? "removed" : "missing";
					return {
						ok: true,
						view: removed
							? {
									status: "removed",
									text: texts.removed(truncateText(removed.title, 100)),
									itemId,
									card: removed,
								}
							: { status: "missing", text: texts.notOnList, itemId, card: null },
					};
				}),
			),

		export: (actor, place) =>
			recordAction(ctx, actor, "shortlist-export", (meta) =>
				guarded(ctx, async () => {
					const outsider = refuseOutsider(ctx, actor) ?? placeRefusal(ctx, place);
					if (outsider) return refused(outsider);
					meta.place = placeLabel(place);
					const limited = await countAction(ctx, actor);
					if (limited) return refused(limited);
					const cards = await readAll(ctx, place);
					return {
						ok: true,
						view: {
							csv: shortlistToCsv(cards),
							fileName: shortlistFileName(now()),
							count: cards.length,
							text: cards.length === 0 ? texts.empty : texts.exported(cards.length),
						},
					};
				}),
			),
	};
}
