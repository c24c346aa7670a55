import type { DurableStore, ShortlistStore, WatchStore } from "@catbot/core";
import { StoreError } from "@catbot/core";
import type { CoreConfig } from "../config/loadConfig.js";
import type { Logger } from "../logging/logger.js";
import { toStoreError } from "./errors.js";
import { openStore } from "./openStore.js";

/** Opens the durable store on first use and keeps it; see {@link Runtime.openStore}. */
export function createStoreOpener(config: CoreConfig, logger: Logger) {
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
export function lazyShortlistStore(open: () => Promise<DurableStore>): ShortlistStore {
	return {
		save: async (place, card) => (await open()).shortlist.save(place, card),
		list: async (place, page) => (await open()).shortlist.list(place, page),
		get: async (place, itemId) => (await open()).shortlist.get(place, itemId),
		remove: async (place, itemId) => (await open()).shortlist.remove(place, itemId),
	};
}

/** A watch store whose every call first waits for the durable store, like {@link lazyShortlistStore}. */
export function lazyWatchStore(open: () => Promise<DurableStore>): WatchStore {
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
