import { type CacheStore, createMemoryStore } from "../src/index.js";
import { benchEngine } from "./engine.js";
import { spawnEmulator } from "./upstream.js";

const TOKEN = "bench-coalescing-token";
const CALLERS = 50;
const ROUNDS = 20;

/** A shared store that answers reads 0 to 40 ms late, each seeing the store as it was when asked. */
function slowStore(): CacheStore {
	const inner = createMemoryStore({ maxBytes: 64 * 1024 * 1024 });
	let reads = 0;
	return {
		async get(key) {
			const value = await inner.get(key);
			reads += 1;
			await new Promise((resolve) => setTimeout(resolve, (reads * 7) % 41));
			return value;
		},
		set: (key, value, ttlMs) => inner.set(key, value, ttlMs),
		delete: (key) => inner.delete(key),
	};
}

/**
 * Coalescing under the worst store: 50 users ask for one uncached page at once, in 20 rounds (a new page
 * each round), over a store whose reads are slow and uneven. Each round must cost exactly 1 upstream call.
 */
export async function benchCoalescing(): Promise<void> {
	const emu = await spawnEmulator(TOKEN, 20);
	try {
		const { catalog, calls } = benchEngine({ url: emu.url, token: TOKEN, cache: slowStore(), nameWaitMs: 0 });
		const perRound: number[] = [];
		for (let round = 0; round < ROUNDS; round += 1) {
			const before = calls.items;
			await Promise.all(
				Array.from({ length: CALLERS }, (_, user) =>
					catalog.show(
						{ platform: "telegram", userId: String(user) },
						{ options: { catId: 1031910 + round, sort: "sales" } },
					),
				),
			);
			perRound.push(calls.items - before);
		}
		console.log("coalescing (50 concurrent callers of one uncached page, store reads 0-40 ms late)");
		console.log(
			`  upstream calls per page            ${Math.min(...perRound)} to ${Math.max(...perRound)} over ${ROUNDS} pages (target 1)`,
		);
	} finally {
		await emu.stop();
	}
}
