import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { msBeforeNext } from "./counters.js";

/** Answer of {@link DailyBudget.spend}. */
export type BudgetDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

const DAY_MS = 86_400_000;

/** Milliseconds from `at` to the next midnight UTC, when daily budgets start again. */
export function msUntilUtcMidnight(at: number): number {
	return DAY_MS - (at % DAY_MS);
}

/** Paid calls per key per UTC day; see {@link createDailyBudget}. */
export interface DailyBudget {
	/** Reserves one call for `key` today, or says when the budget starts again. */
	spend(key: string): Promise<BudgetDecision>;
	/** Gives back a reserved call whose upstream request failed. */
	refund(key: string): Promise<void>;
}

/**
 * A number of paid upstream calls per key per UTC day, on rate-limiter-flexible (`points` = the budget).
 * A call that fails upstream is refunded, so an outage does not eat anyone's budget.
 */
export function createDailyBudget(limiter: RateLimiterAbstract, now: () => number = Date.now): DailyBudget {
	const dayKey = (key: string, at: number) => `${key}:${new Date(at).toISOString().slice(0, 10)}`;
	return {
		async spend(key: string): Promise<BudgetDecision> {
			const at = now();
			try {
				await limiter.consume(dayKey(key, at), 1, {
					customDuration: Math.ceil(msUntilUtcMidnight(at) / 1000) + 60,
				});
				return { ok: true };
			} catch (rejection) {
				// A store error (not a refusal) must not stop the team: let the call through.
				if (msBeforeNext(rejection) === undefined) return { ok: true };
				// rate-limiter-flexible counts refused points too: take this one back, or every refused try
				// would use up a refund given later.
				await limiter.reward(dayKey(key, at), 1).catch(() => undefined);
				return { ok: false, retryAfterMs: msUntilUtcMidnight(at) };
			}
		},
		async refund(key: string): Promise<void> {
			await limiter.reward(dayKey(key, now()), 1).catch(() => undefined);
		},
	};
}
