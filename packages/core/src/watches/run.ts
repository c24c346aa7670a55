import { toCard } from "../catalog/cards.js";
import type { Catalog } from "../catalog/types.js";
import { BudgetExceededError } from "../catalog/upstream.js";
import type { Logger } from "../logging/logger.js";
import type { Metrics } from "../metrics/metrics.js";
import { parseCommandText } from "../query/command.js";
import { CHAT_PAGE_SIZE_DEFAULT } from "../query/schema.js";
import type { CatalogQuery } from "../query/searchSchema.js";
import type { Place } from "../store/place.js";
import {
	WATCH_ITEMS_MAX,
	WATCH_MESSAGE_MAX,
	type Watch,
	type WatchClaim,
	type WatchResult,
	type WatchStore,
} from "../store/watches.js";
import { truncateText } from "../text/truncate.js";
import { isTmapiError } from "../tmapi/errors.js";
import type { Product } from "../tmapi/product.js";
import { watchTexts } from "./texts.js";
import type { WatchPost } from "./types.js";

export const HOUR_MS = 3_600_000;
/** Cards in one post; more new products are counted and left to the full-list button. */
export const WATCH_POST_CARDS = 5;
/**
 * Upstream 417s in a row after which a watch's category is taken to be gone. One 417 is often a passing
 * upstream failure ("please try again"); a category that answers nothing else, run after run, is not.
 */
export const GONE_AFTER_417 = 3;

/** What running a watch needs; built once by createWatches. */
export interface RunContext {
	readonly catalog: Catalog;
	readonly store: WatchStore;
	readonly logger: Logger;
	readonly metrics: Metrics | undefined;
	readonly now: () => number;
	/** WATCH_MIN_HOURS: a watch stored with a shorter interval (the setting was raised) runs this often. */
	readonly minHours: number;
}

/** The budget a place's watches are paid from: each place its own "user", and the deployment's budget. */
export function budgetKey(place: Place): string {
	return `watch:${place.platform}:${place.id}`;
}

/** Hours between runs: the watch's own, never below WATCH_MIN_HOURS. */
export function intervalOf(ctx: Pick<RunContext, "minHours">, watch: Watch): number {
	return Math.max(watch.intervalHours, ctx.minHours);
}

/** After `failures` failed runs in a row: 1 h, 2 h, 4 h…, never later than the watch's interval. */
export function backoffMs(failures: number, intervalHours: number): number {
	return Math.min(HOUR_MS * 2 ** Math.min(failures, 16), intervalHours * HOUR_MS);
}

/** Why an upstream failure means the category is gone (pause), or null (back off and retry). */
function goneReason(error: unknown, failures: number): string | null {
	if (!isTmapiError(error)) return null;
	// 422 for a query that was valid when the watch was made: the id itself is refused now.
	if (error.code === 422) return watchTexts.gone;
	if (error.code === 417 && failures + 1 >= GONE_AFTER_417) return watchTexts.gone;
	return null;
}

/** The signed token of the query's first results page, for the full-list button. */
function fullListToken(ctx: RunContext, query: CatalogQuery): string {
	return ctx.catalog.tokenFor({ ...query, page: 1, pageSize: CHAT_PAGE_SIZE_DEFAULT });
}

async function positionOf(ctx: RunContext, watch: Watch): Promise<number | null> {
	const all = await ctx.store.list(watch.place).catch(() => []);
	const index = all.findIndex((other) => other.id === watch.id);
	return index === -1 ? null : index + 1;
}

/** Stores the run's end; false (and a log line) when another runner took the watch over meanwhile. */
async function record(ctx: RunContext, claim: WatchClaim, result: WatchResult) {
	const message = result.message ? truncateText(result.message, WATCH_MESSAGE_MAX) : result.message;
	const outcome = await ctx.store.recordResult(claim, { ...result, message });
	if (!outcome.recorded) {
		ctx.logger.warn({ watch: claim.watch.id }, "watch lease lost: its result was not recorded");
	}
	return outcome;
}

async function pausedPost(ctx: RunContext, claim: WatchClaim, reason: string): Promise<WatchPost | null> {
	const { watch } = claim;
	const outcome = await record(ctx, claim, {
		at: ctx.now(),
		status: "paused",
		message: reason,
		nextRunAt: ctx.now() + intervalOf(ctx, watch) * HOUR_MS,
	});
	if (!outcome.recorded) return null;
	ctx.logger.info({ watch: watch.id, reason }, "watch paused");
	return {
		place: watch.place,
		watchId: watch.id,
		kind: "paused",
		first: false,
		command: watch.command,
		text: watchTexts.goneNotice(watch.command, await positionOf(ctx, watch)),
		cards: [],
		more: 0,
		fullListToken: null,
		fullListLabel: watchTexts.fullList,
	};
}

/** The post of an `ok` run: its new products' cards, or null when nothing is new. */
function newPost(
	ctx: RunContext,
	watch: Watch,
	query: CatalogQuery,
	products: readonly Product[],
	newIds: readonly string[],
): WatchPost | null {
	if (newIds.length === 0) return null;
	const fresh = new Set(newIds);
	const cards = products
		.map((product, index) => ({ product, position: index + 1 }))
		.filter(({ product }) => fresh.has(product.itemId))
		.slice(0, WATCH_POST_CARDS)
		.map(({ product, position }) => toCard(product, position, query.language));
	const first = watch.lastRun === null;
	return {
		place: watch.place,
		watchId: watch.id,
		kind: first ? "first" : "new",
		first,
		command: watch.command,
		text: first
			? watchTexts.firstPost(watch.command, intervalOf(ctx, watch))
			: watchTexts.newPost(newIds.length, watch.command),
		cards,
		more: Math.max(0, newIds.length - cards.length),
		fullListToken: fullListToken(ctx, query),
		fullListLabel: watchTexts.fullList,
	};
}

/**
 * Runs one claimed watch: reads the query's first upstream page through the catalog (free while cached,
 * else one paid call from the place's and the deployment's budgets), records the result with the items it
 * saw, and gives the post to send, if any. A spent budget skips the run until the next scheduled time; an
 * upstream failure backs off; a category that is gone pauses the watch with a notice.
 */
export async function runClaim(ctx: RunContext, claim: WatchClaim): Promise<WatchPost | null> {
	const { watch } = claim;
	const hours = intervalOf(ctx, watch);
	const parsed = parseCommandText(watch.command);
	if (!parsed.ok) return pausedPost(ctx, claim, watchTexts.unreadable);
	const query = parsed.query;
	let products: readonly Product[];
	try {
		const page = await ctx.catalog.firstPage(budgetKey(watch.place), query);
		ctx.metrics?.cache(page.fromCache ? "hit" : "miss");
		products = page.products;
	} catch (error) {
		const at = ctx.now();
		if (error instanceof BudgetExceededError) {
			await record(ctx, claim, {
				at,
				status: "skipped-budget",
				message: watchTexts.budget,
				nextRunAt: at + hours * HOUR_MS,
			});
			ctx.logger.info({ watch: watch.id, scope: error.scope }, "watch skipped: budget spent");
			return null;
		}
		const gone = goneReason(error, watch.failures);
		if (gone) return pausedPost(ctx, claim, gone);
		const message = isTmapiError(error) ? error.message : "unexpected error";
		if (!isTmapiError(error)) ctx.logger.error({ err: error, watch: watch.id }, "watch run failed");
		else ctx.logger.warn({ watch: watch.id, code: error.code }, "watch run failed upstream");
		await record(ctx, claim, {
			at,
			status: "failed",
			message,
			nextRunAt: at + backoffMs(watch.failures, hours),
		});
		return null;
	}
	const at = ctx.now();
	const ids = products.map((product) => product.itemId).filter((id) => /^\d{1,25}$/.test(id));
	const outcome = await record(ctx, claim, {
		at,
		status: "ok",
		nextRunAt: at + hours * HOUR_MS,
		itemIds: [...new Set(ids)].slice(0, WATCH_ITEMS_MAX),
	});
	if (!outcome.recorded) return null;
	return newPost(ctx, watch, query, products, outcome.newItemIds);
}
