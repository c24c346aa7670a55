import type { Place } from "../store/place.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A duration as chats say it: "5 min", "23 h", "3 d". */
export function span(ms: number): string {
	if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
	if (ms < 48 * HOUR) return `${Math.round(ms / HOUR)} h`;
	return `${Math.round(ms / (24 * HOUR))} d`;
}

/** "every 24 h", "every 2 d". */
export function every(hours: number): string {
	return hours % 24 === 0 && hours >= 48 ? `every ${hours / 24} d` : `every ${hours} h`;
}

/** Everything watches say, in one place so both bots and the terminal say the same. */
export const watchTexts = {
	places: { telegram: "chat", discord: "channel", cli: "terminal" } satisfies Record<
		Place["platform"],
		string
	>,
	watching: (command: string, hours: number) =>
		`👁 Watching ${command} ${every(hours)}: I will post new ones here.`,
	firstPost: (command: string, hours: number) =>
		`👁 Watching ${command} ${every(hours)}: I will post new ones here. The top products now:`,
	newPost: (count: number, command: string) => `🆕 ${count} new in ${command}:`,
	exists: (place: string, position: number, command: string) =>
		`This ${place} already watches ${command}: it is number ${position} in /watches.`,
	full: (place: string, max: number) =>
		`This ${place} has ${max} watches, the most it may have: remove one with /unwatch first.`,
	tooOften: (min: number) => `Watches run at most every ${min} h: use every:${min}h or more`,
	heading: (place: string, total: number, max: number) => `👁 This ${place}'s watches (${total} of ${max})`,
	empty: `No watches here yet: start one with /watch 1031910 new_arrival sort:sales.`,
	removed: (command: string) => `Stopped watching ${command}.`,
	missing: (position: number) => `There is no watch ${position} here: see /watches.`,
	removeLabel: (position: number) => `✖ Remove ${position}`,
	fullList: "Full list",
	gone: "the category no longer exists",
	goneNotice: (command: string, position: number | null) =>
		`⏸ Stopped checking ${command}: the category no longer exists.${position === null ? "" : ` Remove it with /unwatch ${position}.`}`,
	unreadable: "this watch's query can no longer be read",
	budget: "daily budget spent, retrying next time",
	failed: (message: string) => `the product service failed (${message}); trying again later`,
	placePaused: "paused: the bot cannot post here; send any watch command to resume",
	lastResult: {
		never: "not run yet",
		ok: (count: number, ago: string) => `${count === 0 ? "nothing new" : `${count} new`} · ${ago} ago`,
		skipped: (ago: string) => `skipped ${ago} ago: daily budget spent, retrying next time`,
		failed: (ago: string, message: string | null) =>
			`failed ${ago} ago${message ? `: ${message}` : ""}, retrying with back-off`,
		paused: (message: string) => `paused: ${message}`,
	},
	next: { due: "due now", in: (time: string) => `in ${time}`, paused: "paused" },
};
