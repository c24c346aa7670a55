import type { CacheStore } from "./store.js";

/** Options of {@link createTieredStore}. */
export interface TieredStoreOptions {
	/** The fast, bounded store in this process (the memory store). */
	readonly near: CacheStore;
	/** The shared store behind it (Redis). */
	readonly far: CacheStore;
	/** How long a copy taken from `far` stays in `near` when `far` cannot say its remaining TTL. Default 60 s. */
	readonly refillTtlMs?: number;
}

/**
 * Two cache tiers: a repeat on this process is served from memory without a round trip, and a page another
 * process paid for is found in the shared store. Writes go to both, so when the shared store is down the
 * process keeps serving what it has in memory. Cached pages never change within their TTL, so a copy in
 * memory is as good as the shared one for as long as the shared one lives.
 */
export function createTieredStore(options: TieredStoreOptions): CacheStore {
	const { near, far } = options;
	const refillTtlMs = options.refillTtlMs ?? 60_000;

	async function fromFar(key: string): Promise<{ value: string; ttlMs: number } | undefined> {
		if (far.getWithTtl) return far.getWithTtl(key);
		const value = await far.get(key);
		return value === undefined ? undefined : { value, ttlMs: refillTtlMs };
	}

	async function getWithTtl(key: string) {
		const local = near.getWithTtl ? await near.getWithTtl(key) : undefined;
		if (local !== undefined) return local;
		if (!near.getWithTtl) {
			const value = await near.get(key);
			if (value !== undefined) return { value, ttlMs: refillTtlMs };
		}
		const shared = await fromFar(key);
		if (shared !== undefined) await near.set(key, shared.value, shared.ttlMs);
		return shared;
	}

	return {
		async get(key) {
			return (await getWithTtl(key))?.value;
		},
		getWithTtl,
		async set(key, value, ttlMs) {
			await Promise.all([near.set(key, value, ttlMs), far.set(key, value, ttlMs)]);
		},
		async delete(key) {
			await Promise.all([near.delete(key), far.delete(key)]);
		},
	};
}
