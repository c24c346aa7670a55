import { tooManyRequests } from "./ApiError.js";
import type { Chat } from "./types.js";

/** Flood limits to enforce; absent ones are off. */
export interface RateLimit {
	/** Messages (sends and edits) per chat in any one-second window; Telegram advises 1. */
	readonly perChatPerSecond?: number;
	/** Messages per group or supergroup in any one-minute window; Telegram's limit is 20. */
	readonly perGroupPerMinute?: number;
}

/** Sliding-window flood control over the bot's sends and edits. */
export interface FloodControl {
	set(limit: RateLimit): void;
	/** Throws Telegram's 429 when one more message to the chat would break a limit; otherwise counts it. */
	consume(chat: Chat, now?: number): void;
}

function checkLimit(name: string, value: number | undefined): number | undefined {
	if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
		throw new RangeError(`${name} must be a positive integer, got ${value}`);
	}
	return value;
}

/** Creates flood control with no limits set. */
export function createFloodControl(): FloodControl {
	let perSecond: number | undefined;
	let perMinute: number | undefined;
	const sent = new Map<number, number[]>();

	// Seconds until a window holding `limit` messages has room again, or 0 when it has room now.
	function wait(times: number[], limit: number | undefined, windowMs: number, now: number): number {
		if (limit === undefined) return 0;
		const inWindow = times.filter((t) => t > now - windowMs);
		if (inWindow.length < limit) return 0;
		const oldest = inWindow[inWindow.length - limit] ?? now;
		return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
	}

	return {
		set(limit) {
			perSecond = checkLimit("perChatPerSecond", limit.perChatPerSecond);
			perMinute = checkLimit("perGroupPerMinute", limit.perGroupPerMinute);
			sent.clear();
		},
		consume(chat, now = Date.now()) {
			if (perSecond === undefined && perMinute === undefined) return;
			const times = (sent.get(chat.id) ?? []).filter((t) => t > now - 60_000);
			const isGroup = chat.type !== "private";
			const retryAfter = Math.max(
				wait(times, perSecond, 1000, now),
				isGroup ? wait(times, perMinute, 60_000, now) : 0,
			);
			if (retryAfter > 0) throw tooManyRequests(retryAfter);
			times.push(now);
			sent.set(chat.id, times);
		},
	};
}
