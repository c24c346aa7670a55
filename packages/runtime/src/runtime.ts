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
	type ShortlistStore,
	StoreError,
	type TmapiAttemptEvent,
	type Watches,
	type WatchStore,
} from "@catbot/core";
import type { Redis } from "ioredis";
import { createRedisStore } from "./cache/redisStore.js";
import type { CoreConfig } from "./config/loadConfig.js";
import { type HealthServer, startHealthServer } from "./health/healthServer.js";
import { redisCounters } from "./limits/redisCounters.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { createMetrics, type RuntimeMetrics } from "./metrics/metrics.js";
import { connectRedis } from "./redis/connect.js";
import { toStoreError } from "./store/errors.js";
import { openStore } from "./store/openStore.js";

/** Options of {@link createRuntime}. */
export interface RuntimeOptions {
	/** Defaults to a pino logger at the configured level, with the configured secrets scrubbed. */
	readonly logger?: Logger;
	readonly fetch?: typeof globalThis.fetch;
	/** The platform this process serves: only its allow-list is worth a warning. Default: all. */
	readonly platform?: "telegram" | "discord" | "cli";
	/** Extra secrets to scrub from log lines (the apps pass their bot tokens). */
	readonly secrets?: readonly string[];
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
	// Said once per outage: while Redis is down each process spends at most its share of the budgets.
	let fallbackLogged = false;
	redis?.on("ready", () => {
		fallbackLogged = false;
	});
	const budgetCounters = (client: Redis) =>
		redisCounters(client, {
			processes: config.budgetProcesses,
			onBudgetFallback() {
				metrics.budgetFallback();
				if (fallbackLogged) return;
				fallbackLogged = true;
				logger.warn(
					{
						processes: config.budgetProcesses,
						share: Math.floor(config.dailyBudget / config.budgetProcesses),
					},
					"redis unavailable: daily budgets are counted in this process, up to its share, until it is back",
				);
			},
			onBudgetRestored(key, count) {
				logger.warn({ key, count }, "redis lost today's budget counts; restored from this process's record");
			},
		});
	const limits = createLimits({
		...(redis ? { counters: budgetCounters(redis) } : {}),
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
					near: createMemoryStore({ maxBytes: config.cacheMaxBytes }),
					far: createRedisStore({ redis, logger }),
				})
			: createMemoryStore({ maxBytes: config.cacheMaxBytes }),
		limits,
		access,
		logger,
		tokenSecret: config.pageTokenSecret,
		metrics,
		maxExportPages: config.maxExportPages,
		ttlMs: config.cacheTtlMs,
		categoryTtlMs: config.categoryTtlMs,
		upstreamPageSize: config.upstreamPageSize,
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

/** Opens the durable store on first use and keeps it; see {@link Runtime.openStore}. */
function createStoreOpener(config: CoreConfig, logger: Logger) {
	let opening: Promise<DurableStore> | undefined;
	let closed = false;
	function open(): Promise<DurableStore> {
		if (closed) return Promise.reject(new StoreError("closed"));
		opening ??= openStore({
			dataDir: config.dataDir,
			databaseUrl: config.databaseUrl,
			shortlistMax: config.shortlistMax,
			watchesPerPlace: config.watchesPerPlace,
			logger,
		}).catch((error: unknown) => {
			// Forgotten, so the next call tries again: a database that was down at start may be back.
			opening = undefined;
			throw toStoreError(error);
		});
		return opening;
	}
	return {
		open,
		async close(): Promise<void> {
			closed = true;
			const store = await opening?.catch(() => undefined);
			opening = undefined;
			await store?.close();
		},
	};
}

/** A shortlist store whose every call first waits for the durable store, so nothing opens it before use. */
function lazyShortlistStore(open: () => Promise<DurableStore>): ShortlistStore {
	return {
		save: async (place, card) => (await open()).shortlist.save(place, card),
		list: async (place, page) => (await open()).shortlist.list(place, page),
		get: async (place, itemId) => (await open()).shortlist.get(place, itemId),
		remove: async (place, itemId) => (await open()).shortlist.remove(place, itemId),
	};
}

/** A watch store whose every call first waits for the durable store, like {@link lazyShortlistStore}. */
function lazyWatchStore(open: () => Promise<DurableStore>): WatchStore {
	return {
		create: async (place, watch) => (await open()).watches.create(place, watch),
		list: async (place) => (await open()).watches.list(place),
		remove: async (place, ref) => (await open()).watches.remove(place, ref),
		claimDue: async (options) => (await open()).watches.claimDue(options),
		recordResult: async (claim, result) => (await open()).watches.recordResult(claim, result),
		filterUnseen: async (watchId, itemIds) => (await open()).watches.filterUnseen(watchId, itemIds),
		pausePlace: async (place) => (await open()).watches.pausePlace(place),
		resumePlace: async (place) => (await open()).watches.resumePlace(place),
	};
}
