import pino from "pino";
import {
	type Actor,
	type Catalog,
	type CatalogInput,
	type CategoryQuery,
	createAccessPolicy,
	createCatalog,
	createLimits,
	createMemoryStore,
	createTmapiClient,
	toCategoryQuery,
} from "../src/index.js";
import { ms, quantile, zipfSampler } from "./stats.js";
import { spawnEmulator } from "./upstream.js";

const TOKEN = "bench-token";
const USERS = 200;
const ACTIONS = 5_000;
const KEYS = 300;
const LATENCY_MS = 200;
const CONCURRENCY = 50;
const CARDS = 5;
const UPSTREAM_PAGE = 20;

function keyQueries(): CategoryQuery[] {
	// 30 queries (10 categories x 3 sorts) x 10 chat pages = 300 (query, page) keys.
	const sorts = ["default", "sales", "price_up"] as const;
	const out: CategoryQuery[] = [];
	for (let c = 0; c < 10; c += 1) {
		for (const sort of sorts) {
			for (let page = 1; page <= 10; page += 1) {
				const parsed = toCategoryQuery({ catId: 1031910 + c, sort, page, pageSize: CARDS });
				if (parsed.ok) out.push(parsed.query);
			}
		}
	}
	return out.slice(0, KEYS);
}

const REFUSALS = 20_000;

/**
 * What refusing costs: a page no upstream can serve (the input that once froze the process), and a page
 * past an end the cache already knows. Both must be answered in well under 1 ms with no upstream call.
 */
async function benchRefusals(catalog: Catalog, calls: { items: number; info: number }): Promise<void> {
	const cases: [string, CatalogInput][] = [
		["refusing page:9007199254740984     ", { text: "/category 1031910 page:9007199254740984" }],
		["refusing option page 2^53 - 8      ", { options: { catId: 1031910, page: 9_007_199_254_740_984 } }],
		["refusing a page past a known end   ", { options: { catId: 1031910, page: 399 } }],
	];
	for (const [label, input] of cases) {
		const before = calls.items + calls.info;
		const latencies: number[] = [];
		let kind = "";
		for (let i = 0; i < REFUSALS; i += 1) {
			const t0 = performance.now();
			const outcome = await catalog.show({ platform: "telegram", userId: String(i % USERS) }, input);
			latencies.push(performance.now() - t0);
			kind = outcome.ok ? "shown" : outcome.refusal.kind;
		}
		latencies.sort((a, b) => a - b);
		const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
		console.log(
			`  ${label}mean ${ms(mean)}, p99 ${ms(quantile(latencies, 0.99))} (target < 1 ms; ${kind}, ${calls.items + calls.info - before} upstream calls in ${REFUSALS})`,
		);
	}
}

/**
 * The engine under a team's load: 200 users, 5,000 actions over a Zipf mix of 300 (query, page) keys,
 * upstream at 200 ms. Every distinct upstream page should cost exactly one call, and a cached action
 * should cost the engine well under 5 ms.
 */
export async function benchCatalog(): Promise<void> {
	const emu = await spawnEmulator(TOKEN, LATENCY_MS);
	const calls = { items: 0, info: 0 };
	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	}, 20);
	try {
		const catalog = createCatalog({
			client: createTmapiClient({
				apiToken: TOKEN,
				baseUrl: emu.url,
				onAttempt: (event) => {
					if (event.endpoint === "/1688/category/info") calls.info += 1;
					else calls.items += 1;
				},
			}),
			cache: createMemoryStore({ maxBytes: 64 * 1024 * 1024 }),
			limits: createLimits({
				actionsPerWindow: 1_000_000,
				userDailyBudget: 1_000_000,
				dailyBudget: 1_000_000,
			}),
			access: createAccessPolicy({}),
			// The runtime hands core a pino logger; the bench writes its lines nowhere.
			logger: pino({ level: "info", base: null }, pino.destination({ dest: "/dev/null", sync: false })),
			tokenSecret: "bench-secret-0123456789",
			upstreamPageSize: UPSTREAM_PAGE,
			nameWaitMs: 0,
		});
		const queries = keyQueries();
		const nextKey = zipfSampler(queries.length, 1, 7);
		const nextUser = zipfSampler(USERS, 0.5, 11);
		const usedKeys = new Set<number>();
		const upstreamPages = new Set<string>();
		const hitLatencies: number[] = [];
		let issued = 0;
		const refused = new Map<string, number>();

		const started = performance.now();
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (issued < ACTIONS) {
					issued += 1;
					const k = nextKey();
					const query = queries[k];
					if (!query) continue;
					usedKeys.add(k);
					upstreamPages.add(
						`${query.catId}:${query.sort}:${Math.floor(((query.page - 1) * CARDS) / UPSTREAM_PAGE)}`,
					);
					const actor: Actor = { platform: "telegram", userId: String(nextUser()) };
					const t0 = performance.now();
					const outcome = await catalog.show(actor, { options: query });
					const took = performance.now() - t0;
					if (!outcome.ok) refused.set(outcome.refusal.kind, (refused.get(outcome.refusal.kind) ?? 0) + 1);
					else if (outcome.view.fromCache) hitLatencies.push(took);
				}
			}),
		);
		const mixedWall = performance.now() - started;
		const itemCalls = calls.items;

		// Warm phase, one action at a time: the engine's own cost of a cached action, and its throughput
		// on this one thread, without the queueing that 50 concurrent callers add.
		const warmLatencies: number[] = [];
		const warmStart = performance.now();
		for (let i = 0; i < ACTIONS; i += 1) {
			const query = queries[nextKey()];
			if (!query) continue;
			const t0 = performance.now();
			await catalog.show({ platform: "discord", userId: String(i % USERS) }, { options: query });
			warmLatencies.push(performance.now() - t0);
		}
		const warmSeconds = (performance.now() - warmStart) / 1000;
		warmLatencies.sort((a, b) => a - b);
		hitLatencies.sort((a, b) => a - b);

		console.log(
			`catalog: ${USERS} users, ${ACTIONS} actions, Zipf over ${KEYS} (query, page) keys, upstream ${LATENCY_MS} ms, ${CONCURRENCY} in flight`,
		);
		console.log(`  distinct (query, page) keys used   ${usedKeys.size}`);
		console.log(
			`  distinct upstream pages they need  ${upstreamPages.size} (${UPSTREAM_PAGE} items each, ${CARDS} cards a chat page)`,
		);
		console.log(
			`  upstream item calls made          ${itemCalls} (target: at most the line above; a page past a known end costs none)`,
		);
		console.log(
			`  category name calls made          ${calls.info} (unknown ids answer 417, retried, then not asked again)`,
		);
		const refusedText = [...refused].map(([kind, n]) => `${n} ${kind}`).join(", ") || "none";
		console.log(`  refused actions                    ${refusedText}`);
		console.log(
			`  cached-action latency             p50 ${ms(quantile(warmLatencies, 0.5))}, p99 ${ms(quantile(warmLatencies, 0.99))} (target p99 < 5 ms; one action at a time)`,
		);
		console.log(
			`  cached-action latency, 50 at once p50 ${ms(quantile(hitLatencies, 0.5))}, p99 ${ms(quantile(hitLatencies, 0.99))} (${hitLatencies.length} hits queueing behind each other and behind misses)`,
		);
		console.log(`  mixed run wall time               ${ms(mixedWall)}`);
		console.log(`  warm actions per second (1 core)  ${Math.round(ACTIONS / warmSeconds)}`);
		console.log(
			`  peak RSS                          ${(peakRss / 1024 / 1024).toFixed(1)} MiB (engine and bench; the emulator runs in its own process)`,
		);
		await benchRefusals(catalog, calls);
	} finally {
		clearInterval(sampler);
		await emu.stop();
	}
}
