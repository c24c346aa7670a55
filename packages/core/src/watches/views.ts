import type { Place } from "../store/place.js";
import type { Watch } from "../store/watches.js";
import { every, span, watchTexts } from "./texts.js";
import type { WatchListEntry, WatchListView } from "./types.js";

/** What a list view needs besides the watches. */
export interface ListSettings {
	readonly now: number;
	readonly max: number;
	readonly minHours: number;
}

function lastResult(watch: Watch, now: number): string {
	const run = watch.lastRun;
	if (watch.pausedReason !== null) return watchTexts.lastResult.paused(watch.pausedReason);
	if (run === null) return watchTexts.lastResult.never;
	const ago = span(Math.max(0, now - run.at));
	switch (run.status) {
		case "ok":
			return watchTexts.lastResult.ok(run.newItems, ago);
		case "skipped-budget":
			return watchTexts.lastResult.skipped(ago);
		case "failed":
			return watchTexts.lastResult.failed(ago, run.message);
		case "paused":
			return watchTexts.lastResult.paused(run.message ?? "paused");
	}
}

function nextRun(watch: Watch, now: number): string {
	if (watch.pausedReason !== null) return watchTexts.next.paused;
	if (watch.placePaused) return watchTexts.placePaused;
	return watch.nextRunAt <= now ? watchTexts.next.due : watchTexts.next.in(span(watch.nextRunAt - now));
}

/** One line of /watches. */
export function toListEntry(watch: Watch, position: number, settings: ListSettings): WatchListEntry {
	const hours = Math.max(watch.intervalHours, settings.minHours);
	const entry = {
		position,
		watchId: watch.id,
		command: watch.command,
		every: every(hours),
		nextRun: nextRun(watch, settings.now),
		lastResult: lastResult(watch, settings.now),
		status: watch.lastRun?.status ?? ("new" as const),
		paused: watch.pausedReason !== null || watch.placePaused,
		watch,
	};
	const next = entry.paused ? entry.nextRun : `next ${entry.nextRun}`;
	return { ...entry, line: `${position}. ${watch.command} · ${entry.every} · ${next} · ${entry.lastResult}` };
}

/** The place's watches as /watches shows them. */
export function listView(place: Place, watches: readonly Watch[], settings: ListSettings): WatchListView {
	const entries = watches.map((watch, i) => toListEntry(watch, i + 1, settings));
	const heading = watchTexts.heading(watchTexts.places[place.platform], watches.length, settings.max);
	const emptyText = watches.length === 0 ? watchTexts.empty : null;
	return {
		place,
		heading,
		entries,
		total: watches.length,
		max: settings.max,
		emptyText,
		removeLabel: watchTexts.removeLabel,
		text: [heading, ...(emptyText ? [emptyText] : entries.map((entry) => entry.line))].join("\n"),
	};
}
