import type { AccessPolicy } from "../access/allowList.js";
import {
	type ActionContext,
	countAction,
	recordAction,
	refused,
	refuseOutsider,
} from "../catalog/actions.js";
import { noteSubject } from "../catalog/admit.js";
import type { CatalogOutcome } from "../catalog/outcome.js";
import { refuse } from "../catalog/refusals.js";
import type { Catalog } from "../catalog/types.js";
import type { Limits } from "../limits/createLimits.js";
import type { Logger } from "../logging/logger.js";
import type { Metrics } from "../metrics/metrics.js";
import { canonicalQueryKey, formatCommand } from "../query/format.js";
import { placeLabel, placeRefusal } from "../shortlist/guards.js";
import { isStoreError, StoreError } from "../store/errors.js";
import type { Place } from "../store/place.js";
import { WATCH_CLAIM_MAX, WATCHES_PER_PLACE_DEFAULT, type WatchStore } from "../store/watches.js";
import { parseWatchCommand, type WatchCommand, watchCommandFromOptions } from "./command.js";
import { pool } from "./pool.js";
import { type RunContext, runClaim } from "./run.js";
import { watchTexts } from "./texts.js";
import type { WatchCreateView, Watches, WatchInput, WatchPost } from "./types.js";
import { listView } from "./views.js";

/** Options of {@link createWatches}. */
export interface WatchesOptions {
	/** Reads each watch's first page through its cache, coalescing and budgets; signs the full-list tokens. */
	readonly catalog: Catalog;
	readonly store: WatchStore;
	readonly access: AccessPolicy;
	/** The catalog's limits: a watch command counts against the same per-user rate limit. */
	readonly limits: Limits;
	readonly logger: Logger;
	readonly metrics?: Metrics;
	/** WATCHES_PER_PLACE as the store enforces it, for "2 of 10". Default 10. */
	readonly maxPerPlace?: number;
	/** WATCH_MIN_HOURS: the shortest interval a watch may have, 1..720. Default 6. */
	readonly minHours?: number;
	/** How long a claimed run holds its watch before another process may take it over. Default 10 min. */
	readonly leaseMs?: number;
	/** Watches run at the same time within one runDue. Default 4. */
	readonly concurrency?: number;
	readonly now?: () => number;
}

/** WATCH_MIN_HOURS when the host sets none. */
export const WATCH_MIN_HOURS_DEFAULT = 6;
const RUN_DUE_DEFAULT = 20;

function wholeIn(value: number, min: number, max: number, what: string): number {
	if (!Number.isSafeInteger(value) || value < min || value > max) {
		throw new TypeError(`createWatches: ${what} must be a whole number from ${min} to ${max}`);
	}
	return value;
}

/** Store trouble as a refusal with the StoreError's safe message; anything else is a bug, kept vague. */
async function guarded<T>(
	ctx: Pick<ActionContext, "logger">,
	job: () => Promise<CatalogOutcome<T>>,
): Promise<CatalogOutcome<T>> {
	try {
		return await job();
	} catch (error) {
		if (isStoreError(error)) {
			ctx.logger.warn({ err: error, code: error.code, detail: error.detail }, "watch store call failed");
			return refused(refuse.upstream(`store-${error.code}`, error.code !== "invalid", error.message));
		}
		ctx.logger.error({ err: error }, "unexpected watch failure");
		return refused(refuse.upstream("internal", true, "Something went wrong on our side. Please try again."));
	}
}

function readInput(input: WatchInput): WatchCommand {
	if ("options" in input) return watchCommandFromOptions(input.options);
	const command = parseWatchCommand(input.text);
	if (!command.ok || command.command === "watch") return command;
	return { ok: false, refusal: refuse.invalid(["Use /watch with a category query, e.g. /watch 1031910"]) };
}

/**
 * Builds category watches (see {@link Watches}) on the catalog and a {@link WatchStore}: the runtime's
 * SQLite or PostgreSQL store, or createMemoryWatchStore for tests. A new watch is stored already leased
 * to its creator (claim 0), so its first run happens at once here and no other process runs it meanwhile.
 *
 * @throws TypeError for options out of range.
 * @example
 * const watches = createWatches({ catalog, store: durable.watches, access, limits, logger, minHours: 6 });
 * const outcome = await watches.create(actor, place, { text: "/watch 1031910 sort:sales every:12h" });
 */
export function createWatches(options: WatchesOptions): Watches {
	const now = options.now ?? Date.now;
	const max = wholeIn(options.maxPerPlace ?? WATCHES_PER_PLACE_DEFAULT, 1, 1_000, "maxPerPlace");
	const minHours = wholeIn(options.minHours ?? WATCH_MIN_HOURS_DEFAULT, 1, 720, "minHours");
	const leaseMs = wholeIn(options.leaseMs ?? 600_000, 1_000, 86_400_000, "leaseMs");
	const concurrency = wholeIn(options.concurrency ?? 4, 1, 32, "concurrency");
	const { store, logger } = options;
	const ctx: ActionContext & RunContext = {
		now,
		logger,
		metrics: options.metrics,
		access: options.access,
		limits: options.limits,
		catalog: options.catalog,
		store,
		minHours,
	};
	const placeName = (place: Place) => watchTexts.places[place.platform];
	const settings = () => ({ now: now(), max, minHours });
	/** Gate of every command: access, a valid place, then (valid input only) one action. */
	const admit = (actor: Parameters<Watches["list"]>[0], place: Place) =>
		refuseOutsider(ctx, actor) ?? placeRefusal(ctx, place);

	async function firstRun(watch: Parameters<typeof runClaim>[1]["watch"]): Promise<WatchPost | null> {
		try {
			return await runClaim(ctx, { watch, claim: 0 });
		} catch (error) {
			// Stored all the same: the lease lapses and the scheduler runs it.
			logger.warn({ err: error, watch: watch.id }, "first watch run failed");
			return null;
		}
	}

	return {
		create: (actor, place, input) =>
			recordAction(ctx, actor, "watch-create", (meta) =>
				guarded(ctx, async (): Promise<CatalogOutcome<WatchCreateView>> => {
					const outsider = admit(actor, place);
					if (outsider) return refused(outsider);
					meta.place = placeLabel(place);
					const command = readInput(input);
					if (!command.ok) return command;
					if (command.command !== "watch") return refused(refuse.invalid(["Use /watch"]));
					const { query, intervalHours } = command;
					noteSubject(meta, query);
					if (intervalHours < minHours) return refused(refuse.invalid([watchTexts.tooOften(minHours)]));
					const limited = await countAction(ctx, actor);
					if (limited) return refused(limited);
					await store.resumePlace(place);
					const at = now();
					const text = formatCommand(query);
					const result = await store.create(place, {
						queryKey: canonicalQueryKey(query),
						command: text,
						intervalHours,
						createdBy: actor.userId,
						createdAt: at,
						nextRunAt: at + leaseMs,
					});
					meta.result = result.status;
					if (result.status === "full") {
						const full = watchTexts.full(placeName(place), result.limit);
						return { ok: true, view: { status: "full", text: full, watch: null, post: null } };
					}
					if (result.status === "exists") {
						const all = await store.list(place);
						const position = all.findIndex((watch) => watch.id === result.watch.id) + 1;
						const exists = watchTexts.exists(placeName(place), position, result.watch.command);
						return { ok: true, view: { status: "exists", text: exists, watch: result.watch, post: null } };
					}
					const post = await firstRun(result.watch);
					const watching = watchTexts.watching(text, intervalHours);
					return { ok: true, view: { status: "created", text: watching, watch: result.watch, post } };
				}),
			),

		list: (actor, place) =>
			recordAction(ctx, actor, "watch-list", (meta) =>
				guarded(ctx, async () => {
					const outsider = admit(actor, place);
					if (outsider) return refused(outsider);
					meta.place = placeLabel(place);
					const limited = await countAction(ctx, actor);
					if (limited) return refused(limited);
					let watches = await store.list(place);
					// A command from the place proves the bot can post there again.
					if (watches.some((watch) => watch.placePaused)) {
						await store.resumePlace(place);
						watches = await store.list(place);
					}
					return { ok: true, view: listView(place, watches, settings()) };
				}),
			),

		remove: (actor, place, position) =>
			recordAction(ctx, actor, "watch-remove", (meta) =>
				guarded(ctx, async () => {
					const outsider = admit(actor, place);
					if (outsider) return refused(outsider);
					meta.place = placeLabel(place);
					if (!Number.isSafeInteger(position) || position < 1 || position > 1_000) {
						return refused(refuse.invalid(["The watch number must be from 1 to 1000"]));
					}
					const limited = await countAction(ctx, actor);
					if (limited) return refused(limited);
					await store.resumePlace(place);
					const removed = await store.remove(place, { position });
					meta.result = removed ? "removed" : "missing";
					return {
						ok: true,
						view: removed
							? { status: "removed", text: watchTexts.removed(removed.command), watch: removed }
							: { status: "missing", text: watchTexts.missing(position), watch: null },
					};
				}),
			),

		async runDue(runOptions = {}) {
			const limit = Math.max(
				1,
				Math.min(Math.trunc(runOptions.limit ?? RUN_DUE_DEFAULT) || 1, WATCH_CLAIM_MAX),
			);
			const claims = await store.claimDue({
				now: now(),
				limit,
				leaseMs,
				...(runOptions.platform ? { platform: runOptions.platform } : {}),
			});
			if (claims.length === 0) return [];
			const posts = await pool(claims, concurrency, async (claim) => {
				try {
					return await runClaim(ctx, claim);
				} catch (error) {
					// One watch's store trouble must not lose the others' posts; its lease lapses and it runs again.
					logger.warn({ err: error, watch: claim.watch.id }, "watch run could not be recorded");
					return null;
				}
			});
			const ready = posts.filter((post): post is WatchPost => post !== null);
			logger.info({ claimed: claims.length, posts: ready.length }, "watches run");
			return ready;
		},

		async placeGone(place) {
			if (placeRefusal(ctx, place)) throw new StoreError("invalid", { detail: "place" });
			const paused = await store.pausePlace(place);
			logger.info({ place: placeLabel(place), paused }, "watches paused: the bot cannot post in this place");
			return paused;
		},

		placeBack: (place) => store.resumePlace(place),
	};
}
