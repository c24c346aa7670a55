import { Redis } from "ioredis";
import type { Logger } from "../logging/logger.js";
import { throttle } from "../logging/throttle.js";

/** Options of {@link connectRedis}. */
export interface RedisConnectionOptions {
	readonly logger: Logger;
	/** At most one "Redis unavailable" line per this many milliseconds. Default 60 s. */
	readonly failureLogIntervalMs?: number;
	/** Per-command timeout, so a stalled Redis slows an action by this much at most. Default 500 ms. */
	readonly commandTimeoutMs?: number;
}

/**
 * Connects to the shared Redis so that, when it is down, commands fail fast instead of queueing: the
 * cache and the limiters then fall back to working without it. It keeps reconnecting in the background,
 * and says so in the log once per interval. The URL (it may hold a password) is never logged.
 */
export function connectRedis(url: string, options: RedisConnectionOptions): Redis {
	const log = throttle(options.failureLogIntervalMs ?? 60_000, (error: Error) =>
		options.logger.warn(
			{ err: { message: error.message, name: error.name } },
			"redis unavailable; serving without the shared store",
		),
	);
	const redis = new Redis(url, {
		enableOfflineQueue: false,
		maxRetriesPerRequest: 0,
		commandTimeout: options.commandTimeoutMs ?? 500,
		connectTimeout: 2_000,
		retryStrategy: (attempt) => Math.min(250 * attempt, 5_000),
		lazyConnect: false,
	});
	redis.on("error", log);
	redis.on("ready", () => options.logger.info("redis ready"));
	return redis;
}
