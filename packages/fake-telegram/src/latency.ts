import { setTimeout as sleep } from "node:timers/promises";
import type { Params } from "./params.js";

/** Delays a test has set, per method and optionally per chat, to play a slow link to Telegram. */
export interface LatencyTable {
	/** Holds calls of `method` (only those for `chatId`, when given) `ms` before running them; 0 ends it. */
	set(method: string, ms: number, chatId?: number | string): void;
	/** Waits as long as set for this call; a chat's own delay wins over the method's. */
	wait(method: string, params: Params, signal: AbortSignal): Promise<void>;
	/** Whether this call will be delayed. */
	delays(method: string, params: Params): boolean;
}

const ALL_CHATS = "*";

/** Creates an empty table: no call is delayed. */
export function createLatencyTable(): LatencyTable {
	const table = new Map<string, number>();
	const key = (method: string, chat: string) => `${method.toLowerCase()} ${chat}`;
	const delayOf = (method: string, params: Params): number => {
		const chat = params.chat_id;
		const own =
			typeof chat === "number" || typeof chat === "string" ? table.get(key(method, String(chat))) : undefined;
		return own ?? table.get(key(method, ALL_CHATS)) ?? 0;
	};
	return {
		set(method, ms, chatId) {
			if (!(Number.isFinite(ms) && ms >= 0)) {
				throw new RangeError(`setLatency needs a non-negative number of ms, got ${ms}`);
			}
			const k = key(method, chatId === undefined ? ALL_CHATS : String(chatId));
			if (ms === 0) table.delete(k);
			else table.set(k, ms);
		},
		async wait(method, params, signal) {
			const ms = delayOf(method, params);
			if (ms > 0) await sleep(ms, undefined, { signal }).catch(() => undefined);
		},
		delays: (method, params) => delayOf(method, params) > 0,
	};
}
