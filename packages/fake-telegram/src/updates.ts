import { ApiError } from "./ApiError.js";
import { CONFLICT_OTHER_GET_UPDATES } from "./descriptions.js";
import type { Update, UpdateType } from "./types.js";

/** One getUpdates request, its parameters already read. */
export interface PollRequest {
	readonly offset: number | undefined;
	readonly limit: number;
	/** Seconds to hold the request while there is nothing to return. */
	readonly timeoutSeconds: number;
}

/** The updates waiting for the bot, and the long poll waiting for them. */
export interface UpdateQueue {
	/** Queues an update built around the next update_id, unless allowed_updates excludes its type. */
	push(type: UpdateType, build: (updateId: number) => Update): Update;
	/** Sets allowed_updates; an empty list means Telegram's default (every type the fake produces). */
	setAllowed(types: readonly string[]): void;
	/** Answers a getUpdates, holding it up to its timeout; resolves [] when `signal` aborts or on close(). */
	poll(request: PollRequest, signal: AbortSignal): Promise<Update[]>;
	/** The oldest unconfirmed update, for webhook delivery. */
	first(): Update | undefined;
	/** Forgets every update with an id below `offset`, as a getUpdates offset does. */
	confirm(offset: number): void;
	/** Forgets every pending update (drop_pending_updates). */
	drop(): void;
	readonly size: number;
	/** Calls `listener` after every push; returns the unsubscribe function. */
	onPush(listener: () => void): () => void;
	/** Ends the held poll with [] and refuses to hold new ones. */
	close(): void;
}

interface HeldPoll {
	readonly limit: number;
	readonly resolve: (updates: Update[]) => void;
	readonly reject: (error: Error) => void;
	readonly timer: NodeJS.Timeout;
	readonly signal: AbortSignal;
	readonly onAbort: () => void;
}

/** Creates an empty queue whose first update_id is 1. */
export function createUpdateQueue(): UpdateQueue {
	let pending: Update[] = [];
	let nextId = 1;
	let allowed: ReadonlySet<string> | undefined;
	let held: HeldPoll | undefined;
	let closed = false;
	const listeners = new Set<() => void>();

	function release(): HeldPoll | undefined {
		const poll = held;
		if (!poll) return undefined;
		held = undefined;
		clearTimeout(poll.timer);
		poll.signal.removeEventListener("abort", poll.onAbort);
		return poll;
	}

	function confirm(offset: number): void {
		if (offset > 0) pending = pending.filter((update) => update.update_id >= offset);
		// A negative offset keeps only that many of the newest updates, as Telegram documents.
		else if (offset < 0) pending = pending.slice(offset);
	}

	return {
		push(type, build) {
			const update = build(nextId++);
			if (allowed !== undefined && !allowed.has(type)) return update;
			pending.push(update);
			// Answered in a microtask so updates pushed in the same tick arrive in one batch, as they would.
			if (held) {
				queueMicrotask(() => {
					const poll = release();
					poll?.resolve(pending.slice(0, poll.limit));
				});
			}
			for (const listener of listeners) listener();
			return update;
		},
		setAllowed(types) {
			allowed = types.length === 0 ? undefined : new Set(types);
		},
		poll(request, signal) {
			if (request.offset !== undefined) confirm(request.offset);
			// A new request ends the one being held, with the error Telegram gives a second bot instance.
			release()?.reject(new ApiError(409, CONFLICT_OTHER_GET_UPDATES));
			const ready = pending.slice(0, request.limit);
			if (ready.length > 0 || request.timeoutSeconds <= 0 || closed || signal.aborted) {
				return Promise.resolve(ready);
			}
			return new Promise<Update[]>((resolve, reject) => {
				const onAbort = (): void => {
					release();
					resolve([]);
				};
				const timer = setTimeout(() => {
					release();
					resolve([]);
				}, request.timeoutSeconds * 1000);
				held = { limit: request.limit, resolve, reject, timer, signal, onAbort };
				signal.addEventListener("abort", onAbort, { once: true });
			});
		},
		first: () => pending[0],
		confirm,
		drop() {
			pending = [];
		},
		get size() {
			return pending.length;
		},
		onPush(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close() {
			closed = true;
			release()?.resolve([]);
			listeners.clear();
		},
	};
}
