import type { CounterFactory, CounterSpec } from "@catbot/core";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

/** Options of {@link redisCounters}. */
export interface RedisCountersOptions {
	/**
	 * How many processes share the deployment's budgets. While Redis is down each process spends at most its
	 * share (`points / processes`) from memory, so N processes together stay within the daily budget.
	 */
	readonly processes?: number;
	/** Told when a budget is spent from memory because Redis is down (the runtime logs it once). */
	readonly onBudgetFallback?: () => void;
	/** Told when Redis came back without today's budget counts and they were put back. */
	readonly onBudgetRestored?: (key: string, count: number) => void;
}

/** Most budget keys (users × days) whose count this process remembers; older ones matter less. */
const HIGH_WATER_MAX = 10_000;

/**
 * A daily budget on Redis that survives Redis losing its data. The process remembers the highest count
 * Redis reported for each key today; when a spend comes back as the first of a key that had a count
 * (Redis restarted empty, or was flushed), the count is put back before the spend is decided, so a
 * restart does not hand out a second day's budget. Refunds by other processes can make the restored count
 * slightly high, which errs on the side of spending less.
 */
class RestartSafeBudget extends RateLimiterRedis {
	readonly #highWater = new LRUCache<string, number>({ max: HIGH_WATER_MAX });

	constructor(
		options: ConstructorParameters<typeof RateLimiterRedis>[0],
		private readonly redis: Redis,
		private readonly hooks: RedisCountersOptions,
	) {
		super(options);
	}

	override async consume(
		key: string | number,
		points = 1,
		options: { [key: string]: unknown } = {},
	): Promise<RateLimiterRes> {
		const viaRedis = this.redis.status === "ready";
		if (!viaRedis) this.hooks.onBudgetFallback?.();
		const id = String(key);
		let result: RateLimiterRes;
		try {
			result = await super.consume(key, points, options);
		} catch (rejection) {
			if (viaRedis && rejection instanceof RateLimiterRes) this.#note(id, rejection.consumedPoints);
			throw rejection;
		}
		if (!viaRedis || this.redis.status !== "ready") return result;
		const seen = this.#highWater.get(id) ?? 0;
		if (result.consumedPoints !== points || seen <= points) {
			this.#note(id, result.consumedPoints);
			return result;
		}
		const restored = seen + points;
		const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
		await this.set(key, restored, seconds);
		this.#note(id, restored);
		this.hooks.onBudgetRestored?.(id, restored);
		if (restored > this.points) throw new RateLimiterRes(0, result.msBeforeNext, restored, false);
		return new RateLimiterRes(this.points - restored, result.msBeforeNext, restored, false);
	}

	#note(key: string, count: number): void {
		if (count > (this.#highWater.get(key) ?? 0)) this.#highWater.set(key, count);
	}
}

/**
 * Counters shared through Redis, each insured by an in-memory twin: when Redis is unreachable, limits
 * keep working per process instead of failing every action. Budgets fall back to this process's share and
 * survive Redis losing its data; see {@link RestartSafeBudget}.
 */
export function redisCounters(redis: Redis, options: RedisCountersOptions = {}): CounterFactory {
	const processes = Math.max(1, Math.trunc(options.processes ?? 1));
	return (spec: CounterSpec) => {
		const base = { keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSec };
		if (spec.kind !== "budget") {
			return new RateLimiterRedis({
				...base,
				storeClient: redis,
				rejectIfRedisNotReady: true,
				insuranceLimiter: new RateLimiterMemory(base),
			});
		}
		const share = Math.max(1, Math.floor(spec.points / processes));
		return new RestartSafeBudget(
			{
				...base,
				storeClient: redis,
				rejectIfRedisNotReady: true,
				insuranceLimiter: new RateLimiterMemory({ ...base, points: share }),
			},
			redis,
			options,
		);
	};
}
