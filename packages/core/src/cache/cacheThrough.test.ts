import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { createCacheThrough } from "./cacheThrough.js";
import { createMemoryStore } from "./memoryStore.js";

const NumberBox = v.object({ n: v.number() });

function setup() {
	let now = 10_000;
	const store = createMemoryStore({ maxBytes: 1_000_000, now: () => now });
	const corrupt: string[] = [];
	const cache = createCacheThrough({ store, now: () => now, onCorrupt: (key) => corrupt.push(key) });
	return { cache, store, corrupt, advance: (ms: number) => (now += ms), at: () => now };
}

describe("createCacheThrough", () => {
	it("loads on a miss, serves hits from the store with their age, reloads after the TTL", async () => {
		const { cache, advance, at } = setup();
		let loads = 0;
		const load = async () => ({ n: ++loads });
		const first = await cache.get("k", NumberBox, 1_000, load);
		expect(first).toEqual({ value: { n: 1 }, fromCache: false, fetchedAt: at() });
		advance(500);
		expect(await cache.get("k", NumberBox, 1_000, load)).toEqual({
			value: { n: 1 },
			fromCache: true,
			fetchedAt: at() - 500,
		});
		advance(501);
		expect((await cache.get("k", NumberBox, 1_000, load)).value).toEqual({ n: 2 });
		expect(loads).toBe(2);
	});

	it("coalesces concurrent misses for one key into one load", async () => {
		const { cache } = setup();
		let loads = 0;
		let release: () => void = () => undefined;
		const gate = new Promise<void>((resolve) => {
			release = resolve;
		});
		const load = async () => {
			loads += 1;
			await gate;
			return { n: 7 };
		};
		const pending = Array.from({ length: 10 }, () => cache.get("k", NumberBox, 1_000, load));
		release();
		const results = await Promise.all(pending);
		expect(loads).toBe(1);
		expect(results.every((r) => r.value.n === 7)).toBe(true);
	});

	it("does not cache a failed load, and every waiting caller sees the failure", async () => {
		const { cache } = setup();
		let loads = 0;
		const failing = async () => {
			loads += 1;
			throw new Error("upstream down");
		};
		const results = await Promise.allSettled([
			cache.get("k", NumberBox, 1_000, failing),
			cache.get("k", NumberBox, 1_000, failing),
		]);
		expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
		expect(loads).toBe(1);
		expect((await cache.get("k", NumberBox, 1_000, async () => ({ n: 1 }))).fromCache).toBe(false);
	});

	it("drops entries that do not match the schema and loads afresh", async () => {
		const { cache, store, corrupt } = setup();
		await store.set("k", JSON.stringify({ fetchedAt: 1, value: { n: "not a number" } }), 1_000);
		await store.set("j", "{truncated", 1_000);
		expect((await cache.get("k", NumberBox, 1_000, async () => ({ n: 3 }))).value).toEqual({ n: 3 });
		expect((await cache.get("j", NumberBox, 1_000, async () => ({ n: 4 }))).value).toEqual({ n: 4 });
		expect(corrupt).toEqual(["k", "j"]);
	});

	it("peeks without loading", async () => {
		const { cache } = setup();
		expect(await cache.peek("k", NumberBox)).toBeUndefined();
		await cache.get("k", NumberBox, 1_000, async () => ({ n: 1 }));
		expect((await cache.peek("k", NumberBox))?.value).toEqual({ n: 1 });
	});
});
