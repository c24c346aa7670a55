import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memoryStore.js";
import type { CacheStore } from "./store.js";
import { createTieredStore } from "./tieredStore.js";

function clock() {
	let now = 1_000_000;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("createTieredStore", () => {
	it("writes both tiers and serves from the near one first", async () => {
		const time = clock();
		const near = createMemoryStore({ maxBytes: 10_000, now: time.now });
		const far = createMemoryStore({ maxBytes: 10_000, now: time.now });
		const store = createTieredStore({ near, far });
		await store.set("k", "v", 5_000);
		expect([await near.get("k"), await far.get("k")]).toEqual(["v", "v"]);
		await far.delete("k");
		expect(await store.get("k")).toBe("v");
		await store.delete("k");
		expect([await near.get("k"), await far.get("k")]).toEqual([undefined, undefined]);
	});

	it("copies a far hit into the near tier for no longer than the far entry has left", async () => {
		const time = clock();
		const near = createMemoryStore({ maxBytes: 10_000, now: time.now });
		const far = createMemoryStore({ maxBytes: 10_000, now: time.now });
		await far.set("page", "cards", 10_000);
		time.advance(7_000);
		const store = createTieredStore({ near, far });
		expect(await store.get("page")).toBe("cards");
		expect((await near.getWithTtl?.("page"))?.ttlMs).toBe(3_000);
		time.advance(3_001);
		expect(await store.get("page")).toBeUndefined();
	});

	it("keeps serving from memory when the far store cannot answer", async () => {
		const near = createMemoryStore({ maxBytes: 10_000 });
		const down: CacheStore = {
			get: async () => undefined,
			set: async () => undefined,
			delete: async () => undefined,
		};
		const store = createTieredStore({ near, far: down, refillTtlMs: 1_000 });
		await store.set("k", "v", 60_000);
		expect(await store.get("k")).toBe("v");
	});
});
