import { WATCH_SEEN_KEEP } from "@catbot/core";
import type { StoreDb } from "./schema.js";

/** Which of `ids` the watch has already posted. */
export async function seenAmong(db: StoreDb, watchId: number, ids: readonly string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await db
		.selectFrom("watch_seen")
		.select("item_id")
		.where("watch_id", "=", watchId)
		.where("item_id", "in", ids)
		.execute();
	return new Set(rows.map((row) => row.item_id));
}

/** Marks ids seen at `at` (refreshing ones still listed), then forgets the oldest past WATCH_SEEN_KEEP. */
export async function markSeen(
	db: StoreDb,
	watchId: number,
	ids: readonly string[],
	at: number,
): Promise<void> {
	if (ids.length === 0) return;
	await db
		.insertInto("watch_seen")
		.values(ids.map((item_id) => ({ watch_id: watchId, item_id, seen_at: at })))
		.onConflict((conflict) =>
			conflict
				.columns(["watch_id", "item_id"])
				.doUpdateSet((eb) => ({ seen_at: eb.ref("excluded.seen_at") })),
		)
		.execute();
	const keep = db
		.selectFrom("watch_seen")
		.select("item_id")
		.where("watch_id", "=", watchId)
		.orderBy("seen_at", "desc")
		.orderBy("item_id", "desc")
		.limit(WATCH_SEEN_KEEP);
	await db
		.deleteFrom("watch_seen")
		.where("watch_id", "=", watchId)
		.where("item_id", "not in", keep)
		.execute();
}
