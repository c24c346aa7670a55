import type { Actor } from "../access/actor.js";
import type { ProductCard } from "../catalog/cards.js";
import type { CatalogOutcome } from "../catalog/outcome.js";
import type { Place } from "../store/place.js";
import type { Watch, WatchStatus } from "../store/watches.js";

/** What a watch is created from: typed text (`/watch ...`) or Discord's structured options. */
export type WatchInput = { readonly text: string } | { readonly options: unknown };

/**
 * Something to post in a place: the first run's top cards, a later run's new products, or the notice
 * that a watch stopped. The adapter renders it as one compact message with the cards and a button that
 * opens `fullListToken` like any results page button.
 */
export interface WatchPost {
	readonly place: Place;
	readonly watchId: number;
	/** `first`: the first run's top cards; `new`: products not posted for this watch before; `paused`: a notice. */
	readonly kind: "first" | "new" | "paused";
	/** True for the first run's post. */
	readonly first: boolean;
	/** The canonical `/category` command the watch runs. */
	readonly command: string;
	/** The message's text above the cards, e.g. "🆕 3 new in /category 1031910 sort:sales (every 24 h)." */
	readonly text: string;
	/** At most 5, in the result's order; positions are their places on the first results page. */
	readonly cards: readonly ProductCard[];
	/** New products beyond the cards shown. */
	readonly more: number;
	/** A signed page token for page 1 of the query: the "full list" button. Null on a `paused` notice. */
	readonly fullListToken: string | null;
	/** The button's label, e.g. "Full list". */
	readonly fullListLabel: string;
}

/** One watch as /watches shows it. */
export interface WatchListEntry {
	/** 1-based; `/unwatch <position>` and the remove button's target. */
	readonly position: number;
	readonly watchId: number;
	readonly command: string;
	/** "every 24 h". */
	readonly every: string;
	/** "in 23 h", "due now", or "paused". */
	readonly nextRun: string;
	/** "3 new · 2 h ago", "skipped: daily budget spent, retrying next time", "paused: …", "not run yet". */
	readonly lastResult: string;
	readonly status: WatchStatus | "new";
	readonly paused: boolean;
	/** One line with all of the above: "1. /category 1031910 sort:sales · every 24 h · next in 23 h · 3 new · 2 h ago". */
	readonly line: string;
	/** The stored watch, for adapters that need the numbers. */
	readonly watch: Watch;
}

/** A place's watches; see {@link Watches.list}. */
export interface WatchListView {
	readonly place: Place;
	/** "👁 This chat's watches (2 of 10)". */
	readonly heading: string;
	readonly entries: readonly WatchListEntry[];
	readonly total: number;
	readonly max: number;
	/** Shown instead of entries when there are none. */
	readonly emptyText: string | null;
	/** Label of the remove buttons ("✖ Remove 2"); a button's target is the entry's position. */
	readonly removeLabel: (position: number) => string;
	/** All of it as plain text (heading, one line per watch, or the empty text). */
	readonly text: string;
}

/** What creating did; `post` is the first run's message to send at once (null when it did not post). */
export interface WatchCreateView {
	/** `exists`: the place watches that query already; `full`: it has WATCHES_PER_PLACE watches. */
	readonly status: "created" | "exists" | "full";
	/** "👁 Watching /category 1031910 sort:sales every 24 h: I will post new ones here." */
	readonly text: string;
	readonly watch: Watch | null;
	/** The first run's post (top cards), or its notice; null for exists/full or a skipped first run. */
	readonly post: WatchPost | null;
}

/** What removing did. Removing a watch that is gone already is not an error. */
export interface WatchRemoveView {
	readonly status: "removed" | "missing";
	/** "Stopped watching /category 1031910." or "There is no watch 3 here: see /watches." */
	readonly text: string;
	readonly watch: Watch | null;
}

/** Options of {@link Watches.runDue}. */
export interface RunDueOptions {
	/** Most watches to claim and run in this call, 1..100. Default 20. */
	readonly limit?: number;
	/** Only watches of this platform's places: the ones this process can post. Default: every platform. */
	readonly platform?: Place["platform"];
}

/**
 * Scheduled category checks per place, on a {@link WatchStore}: create (which runs the first check at
 * once), list, remove, and `runDue` for the scheduler. Commands check access and count one action against
 * the user's rate limit; runs read the query's first upstream page through the catalog's cache,
 * coalescing and daily budgets. Never throws for bad input, upstream or store trouble: commands answer
 * with a refusal, runs record the failure on the watch.
 */
export interface Watches {
	/** Adds a watch of the place and runs its first check at once; send `view.post` as it is. */
	create(actor: Actor, place: Place, input: WatchInput): Promise<CatalogOutcome<WatchCreateView>>;
	/** The place's watches with their next run and last result. Never a paid call. */
	list(actor: Actor, place: Place): Promise<CatalogOutcome<WatchListView>>;
	/** Removes the watch at `position` of /watches. */
	remove(actor: Actor, place: Place, position: number): Promise<CatalogOutcome<WatchRemoveView>>;
	/**
	 * Claims due watches (each runs once across processes sharing the store) and runs them: at most one
	 * paid call each, none while the page is cached. Gives the posts to send; a watch with nothing new
	 * gives none. Throws only when the store cannot be read at all (a StoreError).
	 */
	runDue(options?: RunDueOptions): Promise<readonly WatchPost[]>;
	/** Pauses the place's watches: the bot can no longer post there (Telegram 403, Discord 50001/10003). */
	placeGone(place: Place): Promise<number>;
	/** Resumes them; also done by any watch command from that place. */
	placeBack(place: Place): Promise<number>;
}
