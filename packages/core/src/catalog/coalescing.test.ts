import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../cache/memoryStore.js";
import type { CacheStore } from "../cache/store.js";
import { alice, SLOW_MACHINE_MS, useCatalog } from "../test-support/catalog.js";

/**
 * A shared store whose reads are uneven, as Redis is under load: each read sees the store as it was when
 * the read began; the first read of a page answers at once, every later one 200 ms later. So the first
 * caller loads and stores the page while the others' reads, begun before it was stored, are still out.
 */
function slowStore(): CacheStore {
	const inner = createMemoryStore({ maxBytes: 8 * 1024 * 1024 });
	let pageReads = 0;
	return {
		async get(key) {
			const value = await inner.get(key);
			if (key.startsWith("page:") && pageReads++ > 0)
				await new Promise((resolve) => setTimeout(resolve, 200));
			return value;
		},
		set: (key, value, ttlMs) => inner.set(key, value, ttlMs),
		delete: (key) => inner.delete(key),
	};
}

describe("coalescing with a slow store", () => {
	const { setup, itemCalls } = useCatalog();

	it("pays one upstream call for 50 concurrent callers of one uncached page", async () => {
		const store = slowStore();
		const { catalog } = setup({ store, timeoutMs: SLOW_MACHINE_MS });
		const users = Array.from({ length: 50 }, (_, i) => ({ ...alice, userId: String(5000 + i) }));
		const outcomes = await Promise.all(
			users.map((user) => catalog.show(user, { text: "/category 1031910" })),
		);
		expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
		expect(itemCalls()).toBe(1);
	});
});
