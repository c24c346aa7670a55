import type { Actor } from "../access/actor.js";
import { type AllowLists, createAccessPolicy } from "../access/allowList.js";
import { createMemoryStore } from "../cache/memoryStore.js";
import type { CacheStore } from "../cache/store.js";
import { createCatalog } from "../catalog/createCatalog.js";
import type { ResultView } from "../catalog/outcome.js";
import type { Catalog, CatalogInput } from "../catalog/types.js";
import { createLimits, type LimitsOptions } from "../limits/createLimits.js";
import { createTmapiClient } from "../tmapi/client.js";
import { TEST_TOKEN, useEmulator } from "./emulator.js";
import { captureLogs } from "./logs.js";

export const SECRET = "catalog-test-secret-0123456789";
export const alice: Actor = { platform: "telegram", userId: "1001", placeId: "-100500" };
export const bob: Actor = { platform: "discord", userId: "81384788765712384", placeId: "81384788765712300" };

/** An upstream timeout for tests that need answers, not timeouts, even on a loaded machine. */
export const SLOW_MACHINE_MS = 10_000;

/** What a catalog test may change about the engine it gets. */
export interface CatalogSetup {
	limits?: LimitsOptions;
	allow?: AllowLists;
	store?: CacheStore;
	retries?: number;
	nameWaitMs?: number;
	maxExportPages?: number;
	/** Per upstream call; short by default so timeout tests are quick. */
	timeoutMs?: number;
}

/**
 * A catalog test file's fixture: one emulator for the file, and a fresh engine over it (own cache, own
 * limits, captured logs) per `setup()`, with counters of the item calls the emulator answered.
 */
export function useCatalog() {
	const emu = useEmulator();

	function setup(options: CatalogSetup = {}) {
		const logs = captureLogs([TEST_TOKEN, SECRET]);
		// Returned too, so features built on the catalog (the shortlist) can share its limits and access.
		const limits = createLimits({ actionsPerWindow: 1_000, ...options.limits });
		const access = createAccessPolicy(options.allow ?? {});
		const catalog = createCatalog({
			client: createTmapiClient({
				apiToken: TEST_TOKEN,
				baseUrl: emu.current.url,
				retries: options.retries ?? 0,
				retryDelayMs: 1,
				timeoutMs: options.timeoutMs ?? 500,
			}),
			cache: options.store ?? createMemoryStore({ maxBytes: 32 * 1024 * 1024 }),
			limits,
			access,
			logger: logs.logger,
			tokenSecret: SECRET,
			...(options.nameWaitMs === undefined ? {} : { nameWaitMs: options.nameWaitMs }),
			...(options.maxExportPages === undefined ? {} : { maxExportPages: options.maxExportPages }),
		});
		return { catalog, logs, limits, access };
	}

	const itemCalls = () => emu.current.stats.byEndpoint.v1 + emu.current.stats.byEndpoint.v2;

	return { emu, setup, itemCalls };
}

/** The page a request shows; fails the test with the refusal's message if it is refused. */
export async function view(catalog: Catalog, actor: Actor, input: CatalogInput): Promise<ResultView> {
	const outcome = await catalog.show(actor, input);
	if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.kind}: ${outcome.refusal.message}`);
	return outcome.view;
}
