import type { Place, Watch, WatchResult, WatchStatus } from "@catbot/core";
import type { Selectable, Updateable } from "kysely";
import type { WatchTable } from "./schema.js";

/** A watch row as read. */
export type WatchRow = Selectable<WatchTable>;

/** The domain watch of a row. */
export function toWatch(row: WatchRow): Watch {
	return {
		id: row.id,
		place: { platform: row.platform as Place["platform"], id: row.place_id },
		queryKey: row.query_key,
		command: row.command,
		intervalHours: row.interval_hours,
		createdBy: row.created_by,
		createdAt: row.created_at,
		nextRunAt: row.next_run_at,
		lastRun:
			row.last_run_at === null || row.last_status === null
				? null
				: {
						at: row.last_run_at,
						status: row.last_status as WatchStatus,
						message: row.last_message,
						newItems: row.last_new_items ?? 0,
					},
		failures: row.failures,
		pausedReason: row.paused_reason,
		placePaused: row.place_paused !== 0,
	};
}

/** Shown when a watch is paused with no message of the runner's. */
const PAUSED_DEFAULT = "Paused.";

/**
 * The columns a result sets. `failures` counts failed runs in a row for back-off: a run that reached the
 * upstream resets it, a budget skip leaves it (the upstream was not asked).
 */
export function resultColumns(
	result: Required<Pick<WatchResult, "at" | "status" | "nextRunAt">> & { message: string | null },
	newItems: number,
): Updateable<WatchTable> {
	const common = {
		last_run_at: result.at,
		last_status: result.status,
		last_message: result.message,
		last_new_items: newItems,
		next_run_at: result.nextRunAt,
	};
	switch (result.status) {
		case "ok":
			return { ...common, failures: 0 };
		case "skipped-budget":
			return common;
		case "failed":
			return common;
		case "paused":
			return { ...common, paused_reason: result.message ?? PAUSED_DEFAULT };
	}
}

/** The ids in order, each once. */
export function uniqueInOrder(ids: readonly string[]): string[] {
	return [...new Set(ids)];
}
