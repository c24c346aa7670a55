import * as v from "valibot";
import { parseStoreInput } from "./inputs.js";
import { type Place, PlaceSchema } from "./place.js";
import {
	ClaimOptionsSchema,
	NewWatchSchema,
	SeenItemIdsSchema,
	WATCH_SEEN_KEEP,
	WATCHES_PER_PLACE_DEFAULT,
	type Watch,
	WatchResultSchema,
	type WatchStore,
} from "./watches.js";

/** Options of {@link createMemoryWatchStore}. */
export interface MemoryWatchOptions {
	/** Watches per place (WATCHES_PER_PLACE), 1..1000. Default 10. */
	readonly maxPerPlace?: number;
}

const MaxSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000));
const IdSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const RefSchema = v.union([
	v.object({ id: IdSchema }),
	v.object({ position: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)) }),
]);
const ClaimRefSchema = v.object({
	claim: v.pipe(v.number(), v.integer()),
	watch: v.object({ id: IdSchema }),
});

interface Row {
	watch: Watch;
	claim: number;
	/** Item id → when last seen; Map order is insertion order, refreshed on every sighting. */
	readonly seen: Map<string, number>;
}

/**
 * A {@link WatchStore} in this process's memory, for tests and library users without a database. It keeps
 * the SQL store's rules: one watch per query per place, at most `maxPerPlace` per place, claims that move
 * `nextRunAt` by the lease and bump a claim number (a new watch holds claim 0), results recorded only under
 * the claim they ran with, seen items kept up to WATCH_SEEN_KEEP per watch. Gone when the process ends.
 *
 * @example
 * const store = createMemoryWatchStore({ maxPerPlace: 10 });
 */
export function createMemoryWatchStore(options: MemoryWatchOptions = {}): WatchStore {
	const max = parseStoreInput(MaxSchema, options.maxPerPlace ?? WATCHES_PER_PLACE_DEFAULT, "maxPerPlace");
	const rows = new Map<number, Row>();
	let nextId = 1;

	const samePlace = (a: Place, b: Place) => a.platform === b.platform && a.id === b.id;
	const ofPlace = (place: Place) =>
		[...rows.values()]
			.filter((row) => samePlace(row.watch.place, place))
			.sort((a, b) => a.watch.id - b.watch.id);
	const copy = (watch: Watch): Watch => ({
		...watch,
		place: { ...watch.place },
		lastRun: watch.lastRun ? { ...watch.lastRun } : null,
	});
	const unseen = (row: Row | undefined, ids: readonly string[]) =>
		[...new Set(ids)].filter((id) => !row?.seen.has(id));
	const setPlacePaused = (input: unknown, paused: boolean) => {
		const place = parseStoreInput(PlaceSchema, input, "place");
		const mine = ofPlace(place);
		for (const row of mine) row.watch = { ...row.watch, placePaused: paused };
		return mine.length;
	};

	return {
		async create(placeInput, watchInput) {
			const place = parseStoreInput(PlaceSchema, placeInput, "place");
			const input = parseStoreInput(NewWatchSchema, watchInput, "watch");
			const mine = ofPlace(place);
			const existing = mine.find((row) => row.watch.queryKey === input.queryKey);
			if (existing) return { status: "exists", watch: copy(existing.watch), total: mine.length };
			if (mine.length >= max) return { status: "full", limit: max, total: mine.length };
			const watch: Watch = {
				id: nextId++,
				place,
				...input,
				lastRun: null,
				failures: 0,
				pausedReason: null,
				placePaused: false,
			};
			rows.set(watch.id, { watch, claim: 0, seen: new Map() });
			return { status: "created", watch: copy(watch), total: mine.length + 1 };
		},

		async list(placeInput) {
			return ofPlace(parseStoreInput(PlaceSchema, placeInput, "place")).map((row) => copy(row.watch));
		},

		async remove(placeInput, refInput) {
			const place = parseStoreInput(PlaceSchema, placeInput, "place");
			const ref = parseStoreInput(RefSchema, refInput, "watch reference");
			const mine = ofPlace(place);
			const row = "id" in ref ? mine.find((r) => r.watch.id === ref.id) : mine[ref.position - 1];
			if (!row) return undefined;
			rows.delete(row.watch.id);
			return copy(row.watch);
		},

		async claimDue(optionsInput) {
			const { now, limit, leaseMs, platform } = parseStoreInput(
				ClaimOptionsSchema,
				optionsInput,
				"claim options",
			);
			const due = [...rows.values()]
				.filter((r) => r.watch.nextRunAt <= now && r.watch.pausedReason === null && !r.watch.placePaused)
				.filter((r) => platform === undefined || r.watch.place.platform === platform)
				.sort((a, b) => a.watch.nextRunAt - b.watch.nextRunAt || a.watch.id - b.watch.id)
				.slice(0, limit);
			for (const row of due) {
				row.claim += 1;
				row.watch = { ...row.watch, nextRunAt: now + leaseMs };
			}
			return due
				.sort((a, b) => a.watch.id - b.watch.id)
				.map((row) => ({ watch: copy(row.watch), claim: row.claim }));
		},

		async recordResult(claimInput, resultInput) {
			const { claim, watch } = parseStoreInput(ClaimRefSchema, claimInput, "claim");
			const result = parseStoreInput(WatchResultSchema, resultInput, "watch result");
			const row = rows.get(watch.id);
			if (!row || row.claim !== claim) return { recorded: false, newItemIds: [] };
			const ids = result.status === "ok" ? [...new Set(result.itemIds ?? [])] : [];
			const newItemIds = unseen(row, ids);
			const message = result.message ?? null;
			const failures =
				result.status === "ok" ? 0 : result.status === "failed" ? row.watch.failures + 1 : row.watch.failures;
			row.watch = {
				...row.watch,
				nextRunAt: result.nextRunAt,
				lastRun: { at: result.at, status: result.status, message, newItems: newItemIds.length },
				failures,
				pausedReason: result.status === "paused" ? (message ?? "Paused.") : row.watch.pausedReason,
			};
			for (const id of ids) {
				row.seen.delete(id);
				row.seen.set(id, result.at);
			}
			// Oldest sightings first in insertion order, so the front is what the SQL store forgets first.
			for (const id of row.seen.keys()) {
				if (row.seen.size <= WATCH_SEEN_KEEP) break;
				row.seen.delete(id);
			}
			return { recorded: true, newItemIds };
		},

		async filterUnseen(watchIdInput, itemIdsInput) {
			const watchId = parseStoreInput(IdSchema, watchIdInput, "watch id");
			return unseen(rows.get(watchId), parseStoreInput(SeenItemIdsSchema, itemIdsInput, "item ids"));
		},

		async pausePlace(placeInput) {
			return setPlacePaused(placeInput, true);
		},

		async resumePlace(placeInput) {
			return setPlacePaused(placeInput, false);
		},
	};
}
