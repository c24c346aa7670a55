import * as v from "valibot";
import type { CacheStore } from "./store.js";

/** A value with where it came from and how old it is. */
export interface Cached<T> {
	readonly value: T;
	readonly fromCache: boolean;
	/** When the value was fetched from upstream (epoch ms). */
	readonly fetchedAt: number;
}

/** Options of {@link createCacheThrough}. */
export interface CacheThroughOptions {
	readonly store: CacheStore;
	readonly now?: () => number;
	/** Told about entries that were present but unreadable (a schema change, a foreign writer). */
	readonly onCorrupt?: (key: string) => void;
}

/** Cache-through reads over a {@link CacheStore}; see {@link createCacheThrough}. */
export interface CacheThrough {
	/**
	 * Reads `key`, or runs `load` (once for all concurrent callers of the same key), stores the result for
	 * `ttlMs` and returns it.
	 */
	get<T>(
		key: string,
		schema: v.GenericSchema<unknown, T>,
		ttlMs: number,
		load: () => Promise<T>,
	): Promise<Cached<T>>;
	/** Reads `key` without loading; undefined when absent or unreadable. */
	peek<T>(key: string, schema: v.GenericSchema<unknown, T>): Promise<Cached<T> | undefined>;
}

const EnvelopeSchema = v.object({ fetchedAt: v.number(), value: v.unknown() });

/**
 * Cache-through reads: a hit is parsed back through `schema` (so a value written by an older or foreign
 * process cannot reach a renderer unchecked); a miss runs `load` once however many callers ask for the
 * same key at the same time, stores the result for `ttlMs`, and hands it to all of them.
 * A failed load is not cached and reaches every waiting caller.
 */
export function createCacheThrough(options: CacheThroughOptions): CacheThrough {
	const now = options.now ?? Date.now;
	const loading = new Map<string, Promise<Cached<unknown>>>();

	async function read<T>(key: string, schema: v.GenericSchema<unknown, T>): Promise<Cached<T> | undefined> {
		const text = await options.store.get(key);
		if (text === undefined) return undefined;
		try {
			const envelope = v.parse(EnvelopeSchema, JSON.parse(text));
			return { value: v.parse(schema, envelope.value), fromCache: true, fetchedAt: envelope.fetchedAt };
		} catch {
			options.onCorrupt?.(key);
			await options.store.delete(key);
			return undefined;
		}
	}

	async function loadAndStore<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<Cached<T>> {
		const value = await load();
		const fetchedAt = now();
		await options.store.set(key, JSON.stringify({ fetchedAt, value }), ttlMs);
		return { value, fromCache: false, fetchedAt };
	}

	return {
		async get<T>(
			key: string,
			schema: v.GenericSchema<unknown, T>,
			ttlMs: number,
			load: () => Promise<T>,
		): Promise<Cached<T>> {
			const pending = loading.get(key) as Promise<Cached<T>> | undefined;
			if (pending !== undefined) return pending;
			// Registered before the first await: the store read and the load are one unit, so however the
			// callers interleave with a slow store, one key is loaded (and paid for) once.
			const promise = (async () =>
				(await read(key, schema)) ?? (await loadAndStore(key, ttlMs, load)))().finally(() =>
				loading.delete(key),
			);
			loading.set(key, promise);
			return promise;
		},
		peek: read,
	};
}
