import { createMemoryWatchStore, createWatches, parseCategoryCommand } from "../src/index.js";
import { canonicalQueryKey } from "../src/query/format.js";
import { benchEngine } from "./engine.js";
import { spawnEmulator } from "./upstream.js";

const TOKEN = "bench-watches-token";
const PLACES = 5;
const QUERIES = 20;

/**
 * 100 due watches (5 places each watching the same 20 queries) in one runDue: the cache and coalescing
 * must make it cost one upstream call per distinct query, 20 or fewer.
 */
export async function benchWatches(): Promise<void> {
	const emu = await spawnEmulator(TOKEN, 20);
	try {
		const { catalog, calls, access, limits, logger } = benchEngine({ url: emu.url, token: TOKEN });
		const store = createMemoryWatchStore({ maxPerPlace: QUERIES });
		const watches = createWatches({ catalog, store, access, limits, logger, maxPerPlace: QUERIES });
		const now = Date.now();
		for (let place = 0; place < PLACES; place += 1) {
			for (let q = 0; q < QUERIES; q += 1) {
				const command = `/category ${1031910 + q} sort:sales`;
				const parsed = parseCategoryCommand(command);
				if (!parsed.ok) throw new Error(`bad bench query ${command}`);
				await store.create(
					{ platform: "telegram", id: `-100${place}` },
					{
						queryKey: canonicalQueryKey(parsed.query),
						command,
						intervalHours: 24,
						createdBy: "bench",
						createdAt: now,
						nextRunAt: now,
					},
				);
			}
		}
		const started = performance.now();
		const posts = await watches.runDue({ limit: PLACES * QUERIES });
		const ms = performance.now() - started;
		console.log(`watches (${PLACES * QUERIES} due watches on ${QUERIES} distinct queries, one runDue)`);
		console.log(`  upstream calls                     ${calls.items} (target ${QUERIES} or fewer)`);
		console.log(`  posts                              ${posts.length} in ${Math.round(ms)} ms`);
	} finally {
		await emu.stop();
	}
}
