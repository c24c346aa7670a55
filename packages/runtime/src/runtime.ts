import {
	type Catalog,
	createAccessPolicy,
	createCatalog,
	createLimits,
	createMemoryStore,
	createShortlist,
	createTieredStore,
	createTmapiClient,
	createWatches,
	type DurableStore,
	type Shortlist,
	type TmapiAttemptEvent,
	type Watches,
} from "@catbot/core";
import type { Redis } from "ioredis";
import { createRedisStore } from "./cache/redisStore.js";
import type { CoreConfig } from "./config/loadConfig.js";
import { type HealthServer, startHealthServer } from "./health/healthServer.js";
import { budgetCounters } from "./limits/budgetCounters.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { createMetrics, type RuntimeMetrics } from "./metrics/metrics.js";
import { connectRedis } from "./redis/connect.js";
import { createStoreOpener, lazyShortlistStore, lazyWatchStore } from "./store/lazyStore.js";

/** Options of {@link createRuntime}. */
export interface RuntimeOptions {
	/** Defaults to a pino logger at the configured level, with the configured secrets scrubbed. */
	readonly logger?: Logger;
	readonly fetch?: typeof globalThis.fetch;
	/** The platform this process serves: only its allow-list is worth a warning. Default: all. */
	readonly platform?: "telegram" | "discord" | "cli";
	/** Extra secrets to scrub from log lines (the apps pass their bot tokens). */
	readonly secrets?: readonly string[];
	/** The clock of the engine, its in-memory cache, its limits and its watches; tests move it instead of waiting. */
	readonly now?: () => number;
}

/** Everything an adapter needs, built from configuration. */
export interface Runtime {
	readonly catalog: Catalog;
	/**
	 * The places' shared shortlists, on the durable store. The store is opened by the first call that
	 * needs it (or by {@link openStore}); while it cannot be opened, every call answers with the
	 * StoreError's message instead.
	 */
	readonly shortlist: Shortlist;
	/**
	 * The places' category watches (/watch, /watches, /unwatch, and `runDue` for a scheduler), on the
	 * durable store, opened on first use like the shortlist's. WATCHES_PER_PLACE and WATCH_MIN_HOURS apply.
	 */
	readonly watches: Watches;
	/**
	 * Opens the durable store once (SQLite under DATA_DIR, or PostgreSQL at DATABASE_URL) and migrates it;
	 * later calls give the same store. Bots await it while starting, so a broken database stops the start
	 * with one clear line. A failed open is tried again by the next call.
	 *
	 * @throws StoreError whose message is safe to print: it never quotes DATABASE_URL.
	 */
	openStore(): Promise<DurableStore>;
	readonly metrics: RuntimeMetrics;
	/**
	 * Serves /healthz and /metrics on HEALTH_PORT when it is set (nothing otherwise); `isReady` says
	 * whether the bot is connected. Closed by close().
	 */
	startHealth(isReady: () => boolean): Promise<number | undefined>;
	readonly logger: Logger;
	readonly config: CoreConfig;
	/** Closes the health server and the durable store and disconnects from Redis; call on shutdown. */
	close(): Promise<void>;
}

/**
 * Builds the engine from configuration: the TMAPI client, the cache (Redis when `REDIS_URL` is set,
 * else in memory), the limits on the same store, the allow-lists and the logger. Warns at start about
 * platforms open to everyone and about a page-token secret derived from the TMAPI token.
 *
 * @example
 * const runtime = createRuntime(loadConfig(process.env), { secrets: [botToken] });
 * const outcome = await runtime.catalog.show(actor, { text });
 */
export function createRuntime(config: CoreConfig, options: RuntimeOptions = {}): Runtime {
	const logger =
		options.logger ??
		createLogger({
			level: config.logLevel,
			secrets: [
				config.tmapiToken,
				config.pageTokenSecret,
				...(config.databaseUrl ? [config.databaseUrl] : []),
				...(options.secrets ?? []),
			],
		});
	const metrics = createMetrics();
	const redis: Redis | undefined = config.redisUrl ? connectRedis(config.redisUrl, { logger }) : undefined;
	const client = createTmapiClient({
		apiToken: config.tmapiToken,
		baseUrl: config.tmapiBaseUrl,
		auth: config.tmapiAuth,
		timeoutMs: config.tmapiTimeoutMs,
		retries: config.tmapiRetries,
		maxConcurrent: config.tmapiMaxConcurrent,
		...(options.fetch ? { fetch: options.fetch } : {}),
		onAttempt: (event: TmapiAttemptEvent) => {
			metrics.upstream(event.endpoint, event.outcome === "ok" ? "ok" : String(event.error?.code ?? "error"));
			logger.debug(
				{
					endpoint: event.endpoint,
					attempt: event.attempt,
					outcome: event.outcome,
					code: event.error?.code,
					ms: Math.round(event.durationMs),
				},
				"tmapi attempt",
			);
		},
	});
	const access = createAccessPolicy(config.allow);
	for (const platform of access.openPlatforms.filter(
		(p) => options.platform === undefined || p === options.platform,
	)) {
		logger.warn({ platform }, `no allow-list set for ${platform}: the bot serves everyone there`);
	}
	if (config.pageTokenSecretDerived) {
		logger.info("PAGE_TOKEN_SECRET not set: button tokens are signed with a key derived from TMAPI_TOKEN");
	}
	const clock = options.now ? { now: options.now } : {};
	const limits = createLimits({
		...clock,
		...(redis ? { counters: budgetCounters(redis, config, logger, metrics) } : {}),
		actionsPerWindow: config.actionsPerWindow,
		windowMs: config.actionWindowMs,
		userDailyBudget: config.userDailyBudget,
		dailyBudget: config.dailyBudget,
	});
	const catalog = createCatalog({
		client,
		// With Redis, memory stays in front: repeats on this process cost no round trip, and an outage
		// leaves the process serving what it holds.
		cache: redis
			? createTieredStore({
					near: createMemoryStore({ maxBytes: config.cacheMaxBytes, ...clock }),
					far: createRedisStore({ redis, logger }),
				})
			: createMemoryStore({ maxBytes: config.cacheMaxBytes, ...clock }),
		limits,
		access,
		logger,
		tokenSecret: config.pageTokenSecret,
		metrics,
		maxExportPages: config.maxExportPages,
		ttlMs: config.cacheTtlMs,
		categoryTtlMs: config.categoryTtlMs,
		upstreamPageSize: config.upstreamPageSize,
		...clock,
	});
	const durable = createStoreOpener(config, logger);
	const shortlist = createShortlist({
		catalog,
		store: lazyShortlistStore(durable.open),
		access,
		limits,
		logger,
		metrics,
		max: config.shortlistMax,
		...clock,
	});
	const watches = createWatches({
		catalog,
		store: lazyWatchStore(durable.open),
		access,
		limits,
		logger,
		metrics,
		maxPerPlace: config.watchesPerPlace,
		minHours: config.watchMinHours,
		...clock,
	});
	let health: HealthServer | undefined;
	return {
		catalog,
		shortlist,
		watches,
		openStore: durable.open,
		metrics,
		logger,
		config,
		async startHealth(isReady) {
			if (!config.health || health) return health?.port;
			health = await startHealthServer({ ...config.health, metrics, isReady });
			logger.info({ port: health.port }, "health and metrics served");
			return health.port;
		},
		async close() {
			await health?.close();
			await durable.close();
			if (redis) await redis.quit().catch(() => redis.disconnect());
		},
	};
}
