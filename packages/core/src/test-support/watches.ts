import type { Actor } from "../access/actor.js";
import { createAccessPolicy } from "../access/allowList.js";
import { createMemoryStore } from "../cache/memoryStore.js";
import { createCatalog } from "../catalog/createCatalog.js";
import { createLimits } from "../limits/createLimits.js";
import { createMemoryWatchStore } from "../store/memoryWatches.js";
import type { Place } from "../store/place.js";
import type { WatchStore } from "../store/watches.js";
import { createTmapiClient } from "../tmapi/client.js";
import { createWatches } from "../watches/createWatches.js";
import type { WatchCreateView, WatchPost } from "../watches/types.js";
import { SECRET } from "./catalog.js";
import { TEST_TOKEN, useEmulator } from "./emulator.js";
import { captureLogs } from "./logs.js";

/** 30 Nov 2026, 09:00 UTC: the test clock's start. */
export const START = Date.UTC(2026, 10, 30, 9);
export const HOUR = 3_600_000;
export const chat: Place = { platform: "telegram", id: "-100500" };
export const ann: Actor = { platform: "telegram", userId: "1001", placeId: "-100500" };

/** What a watch test may change. */
export interface WatchSetup {
	readonly dailyBudget?: number;
	readonly maxPerPlace?: number;
	readonly minHours?: number;
	readonly store?: WatchStore;
}

/**
 * A watch test file's fixture: one emulator, and per `build()` a catalog (own cache, limits, logs) and
 * watches on an in-memory store, all on one clock the test moves; nothing ever sleeps.
 */
export function useWatches() {
	const emu = useEmulator();
	const itemCalls = () => emu.current.stats.byEndpoint.v1 + emu.current.stats.byEndpoint.v2;

	function build(setup: WatchSetup = {}) {
		let clock = START;
		const now = () => clock;
		const logs = captureLogs([TEST_TOKEN, SECRET]);
		const limits = createLimits({ actionsPerWindow: 1_000, dailyBudget: setup.dailyBudget ?? 2_000, now });
		const access = createAccessPolicy({});
		const catalog = createCatalog({
			client: createTmapiClient({
				apiToken: TEST_TOKEN,
				baseUrl: emu.current.url,
				retries: 0,
				timeoutMs: 10_000,
			}),
			cache: createMemoryStore({ maxBytes: 32 * 1024 * 1024, now }),
			limits,
			access,
			logger: logs.logger,
			tokenSecret: SECRET,
			now,
		});
		const store = setup.store ?? createMemoryWatchStore({ maxPerPlace: setup.maxPerPlace ?? 10 });
		const watches = createWatches({
			catalog,
			store,
			access,
			limits,
			logger: logs.logger,
			now,
			...(setup.maxPerPlace === undefined ? {} : { maxPerPlace: setup.maxPerPlace }),
			...(setup.minHours === undefined ? {} : { minHours: setup.minHours }),
		});
		return {
			catalog,
			store,
			watches,
			logs,
			now,
			advance: (ms: number) => {
				clock += ms;
			},
		};
	}

	return { emu, build, itemCalls };
}

/** The view of a create that must succeed. */
export async function created(
	watches: ReturnType<ReturnType<typeof useWatches>["build"]>["watches"],
	text: string,
	place: Place = chat,
): Promise<WatchCreateView> {
	const outcome = await watches.create(ann, place, { text });
	if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message}`);
	return outcome.view;
}

export function ids(post: WatchPost | null | undefined): string[] {
	return post?.cards.map((card) => card.itemId) ?? [];
}

// Kept under its old name for the watch tests.
export { newArrivalsFault as newArrivals } from "@catbot/tmapi-emulator";
