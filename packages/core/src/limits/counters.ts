import { type RateLimiterAbstract, RateLimiterMemory } from "rate-limiter-flexible";

/** What one set of counters is for: its key prefix, its limit and how long a count lives. */
export interface CounterSpec {
	readonly keyPrefix: string;
	readonly points: number;
	readonly durationSec: number;
	/** What the counters hold: user actions, refusal notices, or a daily budget of paid calls. */
	readonly kind: "actions" | "notices" | "budget";
}

/**
 * Makes the rate-limiter-flexible counters the limits run on. Core's default keeps them in this process's
 * memory; the host passes one that shares them through Redis.
 */
export type CounterFactory = (spec: CounterSpec) => RateLimiterAbstract;

/** Counters in this process's memory. */
export const memoryCounters: CounterFactory = (spec) =>
	new RateLimiterMemory({ keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSec });

/** rate-limiter-flexible rejects with a result (limit reached) or an Error (store failed): tell them apart. */
export function msBeforeNext(rejection: unknown): number | undefined {
	if (rejection instanceof Error) return undefined;
	const ms = (rejection as { msBeforeNext?: unknown } | null)?.msBeforeNext;
	return typeof ms === "number" ? ms : undefined;
}
