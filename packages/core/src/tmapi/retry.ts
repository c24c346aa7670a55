/** How failed attempts are retried: how many times, how long to wait, and until when. */
export interface RetryPolicy {
	readonly retries: number;
	readonly baseDelayMs: number;
	readonly maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter (a random wait between 0 and the capped exponential step), so a
 * burst of callers that failed together does not come back together and trip the 503 limit again.
 */
export function backoffDelay(
	policy: RetryPolicy,
	failedAttempts: number,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
	return Math.round(random() * ceiling);
}

/** Resolves after `ms`, or early when `signal` aborts (the caller then sees the abort on its next step). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (signal.aborted || ms <= 0) {
			resolve();
			return;
		}
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener("abort", done);
			resolve();
		}
		signal.addEventListener("abort", done, { once: true });
	});
}
