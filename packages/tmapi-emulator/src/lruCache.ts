/** A Map that forgets its least recently used entry beyond `limit`, so generated data stays bounded. */
export interface LruCache<K, V> {
	/** The cached value, or a new one from `create` (then cached). */
	getOrCreate(key: K, create: () => V): V;
}

/** Creates an empty cache holding at most `limit` entries. */
export function createLruCache<K, V>(limit: number): LruCache<K, V> {
	const entries = new Map<K, V>();
	return {
		getOrCreate(key, create) {
			const cached = entries.get(key);
			if (cached !== undefined) {
				// Re-insert so the Map's insertion order doubles as least-recently-used order.
				entries.delete(key);
				entries.set(key, cached);
				return cached;
			}
			const value = create();
			entries.set(key, value);
			if (entries.size > limit) {
				const oldest = entries.keys().next();
				if (!oldest.done) entries.delete(oldest.value);
			}
			return value;
		},
	};
}
