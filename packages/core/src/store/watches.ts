import * as v from "valibot";
import { PLATFORMS } from "../access/actor.js";
import { MAX_COMMAND_LENGTH } from "../query/parse.js";
import { StoredItemIdSchema } from "./inputs.js";
import type { Place } from "./place.js";

/** Watches per place when the host sets no WATCHES_PER_PLACE. */
export const WATCHES_PER_PLACE_DEFAULT = 10;
/** Longest schedule: a watch runs at least monthly. */
export const WATCH_INTERVAL_HOURS_MAX = 720;
/** Most item ids one result may mark as seen: a few upstream pages' worth. */
export const WATCH_ITEMS_MAX = 200;
/** Most item ids one `markSeen` call takes. */
export const SEEN_ITEMS_MAX = 1_000;
/** The item ids of one `markSeen` call. */
export const SeenItemIdsSchema = v.pipe(v.array(StoredItemIdSchema), v.maxLength(SEEN_ITEMS_MAX));
/** Item ids remembered per watch; older ones are forgotten first, and come back as new if listed again. */
export const WATCH_SEEN_KEEP = 2_000;
/** Longest stored result message. */
export const WATCH_MESSAGE_MAX = 500;
/** Most watches one claim takes. */
export const WATCH_CLAIM_MAX = 100;

/** How a run ended: posted (`ok`), skipped for the spent budget, failed upstream, or paused for good. */
export const WATCH_STATUSES = ["ok", "skipped-budget", "failed", "paused"] as const;
/** How a run ended. */
export type WatchStatus = (typeof WATCH_STATUSES)[number];

const Time = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A new watch: what to run, how often, who asked, and when it first runs (times in epoch ms). */
export const NewWatchSchema = v.object({
	/** The query's `canonicalQueryKey`: a place watches one query once, however it was typed. */
	queryKey: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
	/** The canonical `/category` command to run and to show in /watches. */
	command: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_COMMAND_LENGTH)),
	intervalHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(WATCH_INTERVAL_HOURS_MAX)),
	createdBy: v.pipe(v.string(), v.regex(/^[\w.:-]{1,64}$/, "user id must be 1 to 64 letters or digits")),
	createdAt: Time,
	nextRunAt: Time,
});
/** Input of {@link WatchStore.create}. */
export type NewWatch = v.InferOutput<typeof NewWatchSchema>;

/** The end of one run, given to {@link WatchStore.recordResult}. */
export const WatchResultSchema = v.object({
	at: Time,
	status: v.picklist(WATCH_STATUSES),
	/** Shown in /watches: why it failed, was skipped or paused; for `ok`, optional. */
	message: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(WATCH_MESSAGE_MAX)))),
	/** When to run next; the caller applies the interval, back-off and WATCH_MIN_HOURS. */
	nextRunAt: Time,
	/** For `ok`: the ids on the checked page, in order. Unseen ones are marked seen and given back. */
	itemIds: v.optional(v.pipe(v.array(StoredItemIdSchema), v.maxLength(WATCH_ITEMS_MAX))),
});
/** Input of {@link WatchStore.recordResult}; see {@link WatchResultSchema} for the bounds. */
export interface WatchResult {
	readonly at: number;
	readonly status: WatchStatus;
	readonly message?: string | null | undefined;
	readonly nextRunAt: number;
	readonly itemIds?: readonly string[] | undefined;
}

/** Which watch of a place: by id, or by its 1-based number in {@link WatchStore.list} (`/unwatch <n>`). */
export type WatchRef = { readonly id: number } | { readonly position: number };

/** A stored watch. */
export interface Watch {
	readonly id: number;
	readonly place: Place;
	readonly queryKey: string;
	readonly command: string;
	readonly intervalHours: number;
	readonly createdBy: string;
	readonly createdAt: number;
	/** When it runs next; while a run holds it, the end of that run's lease. */
	readonly nextRunAt: number;
	readonly lastRun: {
		readonly at: number;
		readonly status: WatchStatus;
		readonly message: string | null;
		/** Products the run found unseen (and so posted). */
		readonly newItems: number;
	} | null;
	/** Failed runs in a row, for back-off; 0 after a run that reached the upstream. */
	readonly failures: number;
	/** Why the watch itself is paused (say, its category no longer exists), or null. */
	readonly pausedReason: string | null;
	/** True while its place is paused (the bot was removed from the chat). */
	readonly placePaused: boolean;
}

/** What create did: a new watch, the place's existing watch of that query, or a full place. */
export type CreateWatchResult =
	| { readonly status: "created"; readonly watch: Watch; readonly total: number }
	| { readonly status: "exists"; readonly watch: Watch; readonly total: number }
	| { readonly status: "full"; readonly limit: number; readonly total: number };

/** A due watch this process now runs; `claim` proves the lease when the result is recorded. */
export interface WatchClaim {
	readonly watch: Watch;
	readonly claim: number;
}

/** Options of {@link WatchStore.claimDue}. */
export const ClaimOptionsSchema = v.object({
	now: Time,
	limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(WATCH_CLAIM_MAX)),
	/** How long a claim holds before another process may run the watch again (a crashed runner's). */
	leaseMs: v.pipe(v.number(), v.integer(), v.minValue(1_000), v.maxValue(86_400_000)),
	/**
	 * Only watches of places on this platform: a Telegram process must not claim a Discord channel's watch
	 * (it could not post it) when both bots share one database, as they do on the default SQLite file.
	 */
	platform: v.optional(v.picklist(PLATFORMS)),
});
/** Options of {@link WatchStore.claimDue}. */
export type ClaimOptions = v.InferOutput<typeof ClaimOptionsSchema>;

/** What recording did: false when the lease was lost (expired and claimed again, or the watch removed). */
export interface RecordOutcome {
	readonly recorded: boolean;
	/** For `ok`: the given ids not seen before for this watch, in the given order; now marked seen. */
	readonly newItemIds: readonly string[];
}

/**
 * Scheduled category checks per place. Claims make each due run happen once across processes sharing a
 * database: a claim moves `nextRunAt` forward by the lease, so a runner that dies is retried later.
 * Every time comes from the caller's clock. Methods throw a `StoreError` on bad input or database trouble.
 */
export interface WatchStore {
	/** Adds a watch unless the place watches that query already or has `limit` watches (one transaction). */
	create(place: Place, watch: NewWatch): Promise<CreateWatchResult>;
	/** The place's watches, oldest first; position n in this list is `/unwatch n`. */
	list(place: Place): Promise<readonly Watch[]>;
	/** Removes one of the place's watches with its seen items; gives back the removed watch, or undefined. */
	remove(place: Place, ref: WatchRef): Promise<Watch | undefined>;
	/** Atomically takes up to `limit` due watches that are not paused, soonest due first. */
	claimDue(options: ClaimOptions): Promise<readonly WatchClaim[]>;
	/**
	 * Ends a claimed run in one transaction: stores the result and the next run and, for `ok`, marks the
	 * page's unseen items seen and returns them. Does nothing when the claim is no longer held.
	 */
	recordResult(
		claim: Pick<WatchClaim, "claim"> & { readonly watch: Pick<Watch, "id"> },
		result: WatchResult,
	): Promise<RecordOutcome>;
	/** The given ids not yet seen for this watch, in order, without marking them. */
	filterUnseen(watchId: number, itemIds: readonly string[]): Promise<readonly string[]>;
	/** Pauses every watch of the place (the bot left it); gives the count. Their schedule is kept. */
	pausePlace(place: Place): Promise<number>;
	/** Undoes {@link pausePlace}; watches paused for their own reason stay paused. Gives the count. */
	resumePlace(place: Place): Promise<number>;
}
