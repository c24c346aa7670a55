import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";

/** Options of {@link createCounters}. */
export interface CountersOptions {
	/** Shared store; without it (or while it is down) counting happens in this process's memory. */
	readonly redis?: Redis | undefined;
	readonly keyPrefix: string;
	readonly points: number;
	readonly durationSec: number;
}

/**
 * A rate-limiter-flexible limiter on Redis when one is configured, insured by an in-memory twin: when
 * Redis is unreachable, limits keep working per process instead of failing every action.
 */
export function createCounters(options: CountersOptions): RateLimiterAbstract {
	const base = { keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSec };
	const memory = new RateLimiterMemory(base);
	if (!options.redis) return memory;
	return new RateLimiterRedis({
		...base,
		storeClient: options.redis,
		rejectIfRedisNotReady: true,
		insuranceLimiter: memory,
	});
}

/** rate-limiter-flexible rejects with a result (limit reached) or an Error (store failed): tell them apart. */
export function msBeforeNext(rejection: unknown): number | undefined {
	if (rejection instanceof Error) return undefined;
	const ms = (rejection as { msBeforeNext?: unknown } | null)?.msBeforeNext;
	return typeof ms === "number" ? ms : undefined;
}
