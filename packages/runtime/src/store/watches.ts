import {
	ClaimOptionsSchema,
	type CreateWatchResult,
	NewWatchSchema,
	type Place,
	PlaceSchema,
	parseStoreInput,
	SeenItemIdsSchema,
	type WatchRef,
	WatchResultSchema,
	type WatchStore,
} from "@catbot/core";
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import * as v from "valibot";
import { lockPlace, type StoreContext } from "./context.js";
import type { StoreDatabase, StoreDb, StoreKind } from "./schema.js";
import { resultColumns, toWatch, uniqueInOrder } from "./watchRows.js";
import { markSeen, seenAmong } from "./watchSeen.js";

const WatchIdSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const WatchRefSchema = v.union([
	v.object({ id: WatchIdSchema }),
	v.object({ position: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)) }),
]);
const ClaimRefSchema = v.object({
	claim: v.pipe(v.number(), v.integer()),
	watch: v.object({ id: WatchIdSchema }),
});

function watchesOf(db: StoreDb, place: Place) {
	return db.selectFrom("watch").where((eb) => eb.and({ platform: place.platform, place_id: place.id }));
}

/** Due and not paused, at `now`. */
function isDue(now: number) {
	return (eb: ExpressionBuilder<StoreDatabase, "watch">): Expression<SqlBool> =>
		eb.and([eb("next_run_at", "<=", now), eb("paused_reason", "is", null), eb("place_paused", "=", 0)]);
}

/** Options of {@link createSqlWatchStore}. */
export interface SqlWatchOptions {
	/** Watches per place (WATCHES_PER_PLACE). */
	readonly maxPerPlace: number;
	readonly kind: StoreKind;
}

/** Watches on the store's SQL tables; the same statements run on SQLite and PostgreSQL. */
export function createSqlWatchStore(context: StoreContext, options: SqlWatchOptions): WatchStore {
	const { maxPerPlace, kind } = options;
	return {
		async create(placeInput, watchInput) {
			const place = parseStoreInput(PlaceSchema, placeInput, "place");
			const watch = parseStoreInput(NewWatchSchema, watchInput, "watch");
			return context.run((db) =>
				db.transaction().execute(async (trx): Promise<CreateWatchResult> => {
					await lockPlace(trx, place, watch.createdAt);
					const existing = await watchesOf(trx, place)
						.selectAll()
						.where("query_key", "=", watch.queryKey)
						.executeTakeFirst();
					const { total } = await watchesOf(trx, place)
						.select((eb) => eb.fn.countAll<number>().as("total"))
						.executeTakeFirstOrThrow();
					if (existing) return { status: "exists", watch: toWatch(existing), total: Number(total) };
					if (Number(total) >= maxPerPlace)
						return { status: "full", limit: maxPerPlace, total: Number(total) };
					const row = await trx
						.insertInto("watch")
						.values({
							platform: place.platform,
							place_id: place.id,
							query_key: watch.queryKey,
							command: watch.command,
							interval_hours: watch.intervalHours,
							created_by: watch.createdBy,
							created_at: watch.createdAt,
							next_run_at: watch.nextRunAt,
						})
						.returningAll()
						.executeTakeFirstOrThrow();
					return { status: "created", watch: toWatch(row), total: Number(total) + 1 };
				}),
			);
		},

		async list(placeInput) {
			const place = parseStoreInput(PlaceSchema, placeInput, "place");
			return context.run(async (db) => {
				const rows = await watchesOf(db, place).selectAll().orderBy("id").execute();
				return rows.map(toWatch);
			});
		},

		async remove(placeInput, refInput: WatchRef) {
			const place = parseStoreInput(PlaceSchema, placeInput, "place");
			const ref = parseStoreInput(WatchRefSchema, refInput, "watch reference");
			return context.run((db) =>
				db.transaction().execute(async (trx) => {
					const target =
						"id" in ref
							? ref.id
							: (
									await watchesOf(trx, place)
										.select("id")
										.orderBy("id")
										.offset(ref.position - 1)
										.limit(1)
										.executeTakeFirst()
								)?.id;
					if (target === undefined) return undefined;
					// Explicit, not only the foreign key's cascade: a SQLite connection may have foreign keys off.
					const owned = await watchesOf(trx, place).select("id").where("id", "=", target).executeTakeFirst();
					if (!owned) return undefined;
					await trx.deleteFrom("watch_seen").where("watch_id", "=", target).execute();
					const row = await trx
						.deleteFrom("watch")
						.where("id", "=", target)
						.returningAll()
						.executeTakeFirst();
					return row ? toWatch(row) : undefined;
				}),
			);
		},

		async claimDue(optionsInput) {
			const { now, limit, leaseMs, platform } = parseStoreInput(
				ClaimOptionsSchema,
				optionsInput,
				"claim options",
			);
			return context.run((db) =>
				db.transaction().execute(async (trx) => {
					// Pick, then update the picked rows by id. On PostgreSQL the pick locks its rows and skips rows
					// another process is claiming (no waiting, no deadlock); on SQLite the transaction holds the
					// write lock. The UPDATE checks "due" again, so a row claimed meanwhile is never taken twice.
					// (Not one UPDATE ... WHERE id IN (SELECT ... LIMIT n FOR UPDATE): PostgreSQL may re-run such a
					// subquery for every row, and each run locks a further row past the limit.)
					const picked = await trx
						.selectFrom("watch")
						.select("id")
						.where(isDue(now))
						.$if(platform !== undefined, (query) => query.where("platform", "=", platform ?? ""))
						.orderBy("next_run_at")
						.orderBy("id")
						.limit(limit)
						.$if(kind === "postgres", (query) => query.forUpdate().skipLocked())
						.execute();
					if (picked.length === 0) return [];
					const rows = await trx
						.updateTable("watch")
						.set((eb) => ({ next_run_at: now + leaseMs, claim: eb("claim", "+", 1) }))
						.where(isDue(now))
						.where(
							"id",
							"in",
							picked.map((row) => row.id),
						)
						.returningAll()
						.execute();
					return rows.sort((a, b) => a.id - b.id).map((row) => ({ watch: toWatch(row), claim: row.claim }));
				}),
			);
		},

		async recordResult(claimInput, resultInput) {
			const { claim, watch } = parseStoreInput(ClaimRefSchema, claimInput, "claim");
			const result = parseStoreInput(WatchResultSchema, resultInput, "watch result");
			const ids = result.status === "ok" ? uniqueInOrder(result.itemIds ?? []) : [];
			return context.run((db) =>
				db.transaction().execute(async (trx) => {
					const seen = await seenAmong(trx, watch.id, ids);
					const newItemIds = ids.filter((id) => !seen.has(id));
					const columns = resultColumns({ ...result, message: result.message ?? null }, newItemIds.length);
					const updated = await trx
						.updateTable("watch")
						.set((eb) =>
							result.status === "failed" ? { ...columns, failures: eb("failures", "+", 1) } : columns,
						)
						.where("id", "=", watch.id)
						.where("claim", "=", claim)
						.executeTakeFirst();
					if (Number(updated.numUpdatedRows) === 0) return { recorded: false, newItemIds: [] };
					await markSeen(trx, watch.id, ids, result.at);
					return { recorded: true, newItemIds };
				}),
			);
		},

		async filterUnseen(watchIdInput, itemIdsInput) {
			const watchId = parseStoreInput(WatchIdSchema, watchIdInput, "watch id");
			const ids = uniqueInOrder(parseStoreInput(SeenItemIdsSchema, itemIdsInput, "item ids"));
			return context.run(async (db) => {
				const seen = await seenAmong(db, watchId, ids);
				return ids.filter((id) => !seen.has(id));
			});
		},

		async pausePlace(placeInput) {
			return setPlacePaused(context, parseStoreInput(PlaceSchema, placeInput, "place"), 1);
		},

		async resumePlace(placeInput) {
			return setPlacePaused(context, parseStoreInput(PlaceSchema, placeInput, "place"), 0);
		},
	};
}

async function setPlacePaused(context: StoreContext, place: Place, paused: 0 | 1): Promise<number> {
	return context.run(async (db) => {
		const result = await db
			.updateTable("watch")
			.set({ place_paused: paused })
			.where((eb) => eb.and({ platform: place.platform, place_id: place.id }))
			.executeTakeFirst();
		return Number(result.numUpdatedRows);
	});
}
