import type { CacheStore } from "@catbot/core";
import type { Redis } from "ioredis";
import type { Logger } from "../logging/logger.js";
import { throttle } from "../logging/throttle.js";

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions {
	readonly redis: Redis;
	readonly logger: Logger;
	/** Prefix of every key, so one Redis can serve other things too. Default "catbot:cache:". */
	readonly prefix?: string;
	readonly failureLogIntervalMs?: number;
}

/**
 * The shared cache for several bot processes. Every failure degrades to a miss (reads) or a no-op
 * (writes), logged once per interval: a broken Redis makes commands slower and costlier, never broken.
 */
export function createRedisStore(options: RedisStoreOptions): CacheStore {
	const { redis } = options;
	const prefix = options.prefix ?? "catbot:cache:";
	const warn = throttle(options.failureLogIntervalMs ?? 60_000, (op: string, error: unknown) =>
		options.logger.warn(
			{ op, err: { message: error instanceof Error ? error.message : String(error) } },
			"redis cache unavailable; continuing uncached",
		),
	);
	// Not connected: skip the call (ioredis would refuse it anyway) but still say so, once per interval.
	const ready = (op: string) => {
		if (redis.status === "ready") return true;
		warn(op, new Error(`redis connection is ${redis.status}`));
		return false;
	};

	return {
		async get(key) {
			if (!ready("get")) return undefined;
			try {
				return (await redis.get(prefix + key)) ?? undefined;
			} catch (error) {
				warn("get", error);
				return undefined;
			}
		},
		async getWithTtl(key) {
			if (!ready("get")) return undefined;
			try {
				const replies = await redis
					.multi()
					.get(prefix + key)
					.pttl(prefix + key)
					.exec();
				const value = replies?.[0]?.[1];
				const ttlMs = replies?.[1]?.[1];
				if (typeof value !== "string" || typeof ttlMs !== "number" || ttlMs <= 0) return undefined;
				return { value, ttlMs };
			} catch (error) {
				warn("get", error);
				return undefined;
			}
		},
		async set(key, value, ttlMs) {
			if (!ready("set")) return;
			try {
				await redis.set(prefix + key, value, "PX", Math.max(1, Math.round(ttlMs)));
			} catch (error) {
				warn("set", error);
			}
		},
		async delete(key) {
			if (!ready("delete")) return;
			try {
				await redis.del(prefix + key);
			} catch (error) {
				warn("delete", error);
			}
		},
	};
}
