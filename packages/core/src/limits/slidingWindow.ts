import type { RateLimiterAbstract } from "rate-limiter-flexible";

/** The answer for one action. */
export type LimitDecision =
	| { readonly allowed: true }
	| {
			readonly allowed: false;
			/** When the same action would be allowed, if nothing else happens meanwhile. */
			readonly retryAfterMs: number;
			/** True for the first refusal in a window: tell the user once, not on every press. */
			readonly notify: boolean;
	  };

/** Options of {@link createSlidingWindowLimiter}. */
export interface SlidingWindowOptions {
	readonly points: number;
	readonly windowMs: number;
	/** Counts per key and window; must keep keys for at least two windows. */
	readonly counters: RateLimiterAbstract;
	/** One point per key and window, spent on the first refusal. */
	readonly notices: RateLimiterAbstract;
	readonly now?: () => number;
}

/** A per-key action limit over a sliding window; see {@link createSlidingWindowLimiter}. */
export interface SlidingWindowLimiter {
	/** Counts one action for `key` and says whether it is allowed. */
	hit(key: string): Promise<LimitDecision>;
}

/**
 * A sliding-window limit on top of rate-limiter-flexible's fixed-window counters: the previous window's
 * count is weighted by how much of it still overlaps the sliding window. A plain fixed window lets a
 * user spend the whole allowance at the end of one window and again at the start of the next (a double
 * burst); this does not, while still allowing a burst of `points` from rest.
 *
 * Refused actions are not counted, so pressing while refused does not push the wait further out.
 */
export function createSlidingWindowLimiter(options: SlidingWindowOptions): SlidingWindowLimiter {
	const { points, windowMs, counters, notices } = options;
	const now = options.now ?? Date.now;

	async function countOf(key: string): Promise<number> {
		try {
			return (await counters.get(key))?.consumedPoints ?? 0;
		} catch {
			return 0;
		}
	}

	/**
	 * Milliseconds until one more action fits: until previous * (1 - f) + current + 1 <= points, where f is
	 * how far into a window we are.
	 */
	function waitFor(previous: number, current: number, elapsed: number): number {
		// Still inside this window: the previous window's weight fades linearly.
		if (current + 1 <= points && previous > 0) {
			const at = (1 - (points - current - 1) / previous) * windowMs;
			if (at < windowMs) return Math.max(1, Math.ceil(at - elapsed));
		}
		// Next window: this window's count becomes the fading one.
		const fraction = current > 0 ? Math.max(0, 1 - (points - 1) / current) : 0;
		return Math.max(1, Math.ceil(windowMs - elapsed + fraction * windowMs));
	}

	return {
		/** Counts one action for `key` if the limit allows it. */
		async hit(key: string): Promise<LimitDecision> {
			const at = now();
			const window = Math.floor(at / windowMs);
			const elapsed = at - window * windowMs;
			const currentKey = `${key}:${window}`;
			let current: number;
			try {
				current = (await counters.penalty(currentKey, 1)).consumedPoints;
			} catch {
				// No store at all answered: serving is better than refusing everyone.
				return { allowed: true };
			}
			const previous = await countOf(`${key}:${window - 1}`);
			const weighted = previous * (1 - elapsed / windowMs) + current;
			if (weighted <= points) return { allowed: true };

			await counters.reward(currentKey, 1).catch(() => undefined);
			const notify = await notices
				.consume(`${key}:${window}`, 1)
				.then(() => true)
				.catch(() => false);
			return { allowed: false, retryAfterMs: waitFor(previous, current - 1, elapsed), notify };
		},
	};
}
