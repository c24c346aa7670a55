import { ApiError } from "./ApiError.js";

/**
 * An error to answer instead of running a method. A 429 gets `parameters.retry_after` (default 1 s) and,
 * without a description, Telegram's "Too Many Requests: retry after N".
 */
export type InjectedError =
	| { readonly error_code: 429; readonly description?: string; readonly retry_after?: number }
	| { readonly error_code: 400 | 401 | 403 | 404 | 409 | 500 | 502; readonly description: string };

/** How many calls an injected error answers. */
export interface FailNextOptions {
	/** Default 1. */
	readonly times?: number;
}

/** Queued errors per method. */
export interface FailureQueue {
	add(method: string, error: InjectedError, options?: FailNextOptions): void;
	/** The error for this call of a method, using up one answer; undefined to run the method normally. */
	take(method: string): ApiError | undefined;
}

function toApiError(error: InjectedError): ApiError {
	if (error.error_code === 429) {
		const retryAfter = error.retry_after ?? 1;
		return new ApiError(429, error.description ?? `Too Many Requests: retry after ${retryAfter}`, retryAfter);
	}
	return new ApiError(error.error_code, error.description);
}

/** Creates an empty queue. */
export function createFailureQueue(): FailureQueue {
	const queues = new Map<string, { error: ApiError; remaining: number }[]>();
	return {
		add(method, error, options = {}) {
			const times = options.times ?? 1;
			if (!(Number.isInteger(times) && times > 0)) {
				throw new RangeError(`failNext "times" must be a positive integer, got ${times}`);
			}
			if (error.error_code === 429 && error.retry_after !== undefined && !(error.retry_after >= 0)) {
				throw new RangeError(`retry_after must be a non-negative number, got ${error.retry_after}`);
			}
			const key = method.toLowerCase();
			const queue = queues.get(key) ?? [];
			queue.push({ error: toApiError(error), remaining: times });
			queues.set(key, queue);
		},
		take(method) {
			const queue = queues.get(method.toLowerCase());
			const head = queue?.[0];
			if (!queue || !head) return undefined;
			head.remaining -= 1;
			if (head.remaining === 0) queue.shift();
			return head.error;
		},
	};
}
