import { LRUCache } from "lru-cache";
import type { CacheStore } from "./store.js";

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
	/** Upper bound of what the entries weigh, keys included, in bytes (UTF-16, as V8 stores strings). */
	readonly maxBytes: number;
	/** Clock in milliseconds; tests pass a fake one. */
	readonly now?: () => number;
}

/** Approximate memory of one entry: two bytes per UTF-16 code unit of key and value. */
export function entryBytes(key: string, value: string): number {
	return (key.length + value.length) * 2;
}

/**
 * The embedded cache: an LRU bounded by bytes rather than entries, since one page of a category with
 * long titles weighs many times another. An entry larger than the whole bound is not stored.
 *
 * @example
 * const store = createMemoryStore({ maxBytes: 64 * 1024 * 1024 });
 */
export function createMemoryStore(
	options: MemoryStoreOptions,
): CacheStore & { readonly bytes: number; readonly size: number } {
	const now = options.now;
	const lru = new LRUCache<string, string>({
		maxSize: options.maxBytes,
		sizeCalculation: (value, key) => entryBytes(key, value),
		ttlAutopurge: false,
		allowStale: false,
		...(now ? { perf: { now }, ttlResolution: 0 } : {}),
	});
	return {
		async get(key) {
			return lru.get(key);
		},
		async getWithTtl(key) {
			const value = lru.get(key);
			return value === undefined ? undefined : { value, ttlMs: Math.max(1, lru.getRemainingTTL(key)) };
		},
		async set(key, value, ttlMs) {
			if (entryBytes(key, value) > options.maxBytes) return;
			lru.set(key, value, { ttl: Math.max(1, Math.round(ttlMs)) });
		},
		async delete(key) {
			lru.delete(key);
		},
		get bytes() {
			return lru.calculatedSize;
		},
		get size() {
			return lru.size;
		},
	};
}
