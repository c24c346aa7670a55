import type { ApiErrorBody } from "./ApiError.js";
import type { Params } from "./params.js";

/** What the fake answered to a call. */
export type ApiResponse = { readonly ok: true; readonly result: unknown } | ApiErrorBody;

/** One Bot API call the bot made. */
export interface ApiCall {
	/** The method as the bot spelled it in the URL (Telegram method names are case-insensitive). */
	readonly method: string;
	/**
	 * The parameters: query string plus body (JSON, urlencoded or multipart text fields), with JSON-valued
	 * fields such as reply_markup parsed; an uploaded file appears as `{ file_name, mime_type, file_size }`.
	 */
	readonly params: Params;
	/** When the call arrived, in epoch milliseconds. */
	readonly at: number;
	/** "http" for a request; "webhook-reply" for a call the bot made in its answer to a webhook delivery. */
	readonly via: "http" | "webhook-reply";
	/** The answer; undefined while a long poll is held, or if the client went away before an answer. */
	readonly response: ApiResponse | undefined;
}

type MutableCall = { -readonly [K in keyof ApiCall]: ApiCall[K] };

interface Waiter {
	readonly method: string;
	readonly predicate: ((call: ApiCall) => boolean) | undefined;
	readonly resolve: (call: ApiCall) => void;
	readonly reject: (error: Error) => void;
	readonly timer: NodeJS.Timeout;
}

/** The record of every call, and the waits on it. */
export interface CallLog {
	readonly all: readonly ApiCall[];
	/** Adds a call as it arrives; waiters see it once it is answered or held. */
	record(method: string, params: Params, via: ApiCall["via"]): ApiCall;
	/** Makes an unanswered call visible to waiters: a long poll being held. */
	hold(call: ApiCall): void;
	answer(call: ApiCall, response: ApiResponse): void;
	wait(
		method: string,
		predicate: ((call: ApiCall) => boolean) | undefined,
		timeoutMs: number,
	): Promise<ApiCall>;
	/** Rejects every pending wait, for close(). */
	close(): void;
}

/** How many calls a timeout message lists. */
const RECENT_IN_MESSAGES = 12;

function describe(call: ApiCall): string {
	const response = call.response;
	const outcome =
		response === undefined
			? "pending"
			: response.ok
				? "ok"
				: `${response.error_code} ${response.description}`;
	const params = JSON.stringify(call.params);
	const shown = params.length > 140 ? `${params.slice(0, 140)}…` : params;
	return `  ${call.method} ${shown} → ${outcome}`;
}

function sameMethod(a: string, b: string): boolean {
	return a.toLowerCase() === b.toLowerCase();
}

/** Creates an empty log. */
export function createCallLog(): CallLog {
	const calls: MutableCall[] = [];
	const visible = new WeakSet<ApiCall>();
	let waiters: Waiter[] = [];

	function matches(waiter: Pick<Waiter, "method" | "predicate">, call: ApiCall): boolean {
		return sameMethod(call.method, waiter.method) && (waiter.predicate?.(call) ?? true);
	}

	function reveal(call: ApiCall): void {
		if (visible.has(call)) return;
		visible.add(call);
		const woken = waiters.filter((waiter) => matches(waiter, call));
		if (woken.length === 0) return;
		waiters = waiters.filter((waiter) => !woken.includes(waiter));
		for (const waiter of woken) {
			clearTimeout(waiter.timer);
			waiter.resolve(call);
		}
	}

	function timeoutMessage(method: string, timeoutMs: number, filtered: boolean): string {
		const recent = calls.slice(-RECENT_IN_MESSAGES).map(describe);
		const what = filtered ? `${method} call matching the predicate` : `${method} call`;
		return [
			`fake-telegram: no ${what} within ${timeoutMs} ms.`,
			recent.length === 0 ? "No calls were made at all." : `Last ${recent.length} of ${calls.length} calls:`,
			...recent,
		].join("\n");
	}

	return {
		all: calls,
		record(method, params, via) {
			const call: MutableCall = { method, params, at: Date.now(), via, response: undefined };
			calls.push(call);
			return call;
		},
		hold: reveal,
		answer(call, response) {
			(call as MutableCall).response = response;
			reveal(call);
		},
		wait(method, predicate, timeoutMs) {
			const past = calls.find((call) => visible.has(call) && matches({ method, predicate }, call));
			if (past) return Promise.resolve(past);
			return new Promise<ApiCall>((resolve, reject) => {
				const timer = setTimeout(() => {
					waiters = waiters.filter((waiter) => waiter.timer !== timer);
					reject(new Error(timeoutMessage(method, timeoutMs, predicate !== undefined)));
				}, timeoutMs);
				waiters.push({ method, predicate, resolve, reject, timer });
			});
		},
		close() {
			for (const waiter of waiters) {
				clearTimeout(waiter.timer);
				waiter.reject(new Error(`fake-telegram closed while waiting for a ${waiter.method} call`));
			}
			waiters = [];
		},
	};
}
