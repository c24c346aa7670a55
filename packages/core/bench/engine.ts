import pino from "pino";
import {
	type CacheStore,
	createAccessPolicy,
	createCatalog,
	createLimits,
	createMemoryStore,
	createTmapiClient,
} from "../src/index.js";

/** Options of {@link benchEngine}. */
export interface BenchEngineOptions {
	readonly url: string;
	readonly token: string;
	readonly cache?: CacheStore;
	readonly nameWaitMs?: number;
}

/**
 * A catalog on the emulator for a benchmark: no retries, limits too high to refuse anything, a silent
 * log, and counts of the paid calls it makes (items pages and category names apart).
 */
export function benchEngine(options: BenchEngineOptions) {
	const calls = { items: 0, info: 0 };
	const limits = createLimits({
		actionsPerWindow: 1_000_000,
		userDailyBudget: 1_000_000,
		dailyBudget: 1_000_000,
	});
	const access = createAccessPolicy({});
	const logger = pino({ level: "silent" });
	const catalog = createCatalog({
		client: createTmapiClient({
			apiToken: options.token,
			baseUrl: options.url,
			retries: 0,
			onAttempt: (event) => {
				if (event.endpoint === "/1688/category/info") calls.info += 1;
				else calls.items += 1;
			},
		}),
		cache: options.cache ?? createMemoryStore({ maxBytes: 64 * 1024 * 1024 }),
		limits,
		access,
		logger,
		tokenSecret: "bench-secret-0123456789",
		...(options.nameWaitMs === undefined ? {} : { nameWaitMs: options.nameWaitMs }),
	});
	return { catalog, limits, access, logger, calls };
}
