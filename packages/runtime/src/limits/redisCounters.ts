import type { CounterFactory } from "@catbot/core";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";

/**
 * Counters shared through Redis, each insured by an in-memory twin: when Redis is unreachable, limits
 * keep working per process instead of failing every action.
 */
export function redisCounters(redis: Redis): CounterFactory {
	return (spec) => {
		const base = { keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSec };
		return new RateLimiterRedis({
			...base,
			storeClient: redis,
			rejectIfRedisNotReady: true,
			insuranceLimiter: new RateLimiterMemory(base),
		});
	};
}
