/**
 * Where cached answers live: strings in, strings out, each with its own time to live. The in-memory
 * store is the embedded default; the Redis store lets several bot processes share one cache.
 */
export interface CacheStore {
	/** The stored value, or undefined when absent, expired, or the store cannot answer. */
	get(key: string): Promise<string | undefined>;
	/** Stores a value; a store that cannot write drops it silently (the cache is an optimisation). */
	set(key: string, value: string, ttlMs: number): Promise<void>;
	delete(key: string): Promise<void>;
	/**
	 * The value with how long it has left to live, for a store in front of this one to keep it no longer;
	 * optional (without it, a tier in front keeps a copy for its own short TTL).
	 */
	getWithTtl?(key: string): Promise<{ readonly value: string; readonly ttlMs: number } | undefined>;
}
