import { describe, expect, it } from "vitest";
import { createMemoryStore, entryBytes } from "./memoryStore.js";

describe("createMemoryStore", () => {
	it("stores and expires entries by their own TTL", async () => {
		let now = 1_000;
		const store = createMemoryStore({ maxBytes: 10_000, now: () => now });
		await store.set("a", "alpha", 1_000);
		await store.set("b", "beta", 5_000);
		expect(await store.get("a")).toBe("alpha");
		now += 1_001;
		expect(await store.get("a")).toBeUndefined();
		expect(await store.get("b")).toBe("beta");
		await store.delete("b");
		expect(await store.get("b")).toBeUndefined();
	});

	it("is bounded by bytes, evicting the least recently used", async () => {
		const value = "x".repeat(1_000);
		const perEntry = entryBytes("k0", value);
		const store = createMemoryStore({ maxBytes: perEntry * 3 });
		await store.set("k0", value, 60_000);
		await store.set("k1", value, 60_000);
		await store.set("k2", value, 60_000);
		await store.get("k0"); // k1 is now the least recently used
		await store.set("k3", value, 60_000);
		expect(await store.get("k1")).toBeUndefined();
		expect(await store.get("k0")).toBe(value);
		expect(store.bytes).toBeLessThanOrEqual(perEntry * 3);
		expect(store.size).toBe(3);
	});

	it("counts bytes, not entries: one big entry displaces several small ones", async () => {
		const store = createMemoryStore({ maxBytes: 4_000 });
		for (let i = 0; i < 10; i += 1) await store.set(`s${i}`, "small", 60_000);
		await store.set("big", "y".repeat(1_900), 60_000);
		expect(store.bytes).toBeLessThanOrEqual(4_000);
		expect(await store.get("big")).toHaveLength(1_900);
	});

	it("does not store an entry larger than the whole bound", async () => {
		const store = createMemoryStore({ maxBytes: 100 });
		await store.set("huge", "z".repeat(200), 60_000);
		expect(await store.get("huge")).toBeUndefined();
	});
});
