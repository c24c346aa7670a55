import { startTmapiEmulator } from "@catbot/tmapi-emulator";
import { createTmapiClient } from "../src/index.js";
import { ms, quantile, zipfSampler } from "./stats.js";

const TOKEN = "bench-token";
const REQUESTS = 2_000;
const DISTINCT = 100;
const LATENCY_MS = 50;
const CALLERS = 50;

/**
 * Zipf workload against the emulator at 50 ms: how many upstream requests coalescing leaves, the peak
 * upstream concurrency, and what the client itself adds to a call.
 */
export async function benchClient(): Promise<void> {
	const emu = await startTmapiEmulator({ apiToken: TOKEN, latencyMs: LATENCY_MS });
	try {
		const tmapi = createTmapiClient({ apiToken: TOKEN, baseUrl: emu.url });
		const queries = Array.from({ length: DISTINCT }, (_, i) => ({
			catId: 1031910 + (i % 10),
			page: 1 + Math.floor(i / 10),
		}));
		const next = zipfSampler(DISTINCT, 1, 42);
		let issued = 0;
		const started = performance.now();
		await Promise.all(
			Array.from({ length: CALLERS }, async () => {
				while (issued < REQUESTS) {
					issued += 1;
					const query = queries[next()];
					if (query) await tmapi.categoryItemsV2(query);
				}
			}),
		);
		const elapsed = performance.now() - started;
		const burst = emu.stats;

		// Overhead: one call at a time, so no queueing or coalescing, minus the emulator's fixed latency.
		emu.resetStats();
		const overheads: number[] = [];
		for (let i = 0; i < 200; i += 1) {
			const t0 = performance.now();
			await tmapi.categoryItemsV2({ catId: 2000000 + i, pageSize: 20 });
			overheads.push(performance.now() - t0 - LATENCY_MS);
		}
		overheads.sort((a, b) => a - b);

		console.log(
			`client: ${REQUESTS} Zipf requests over ${DISTINCT} queries, ${CALLERS} callers, upstream ${LATENCY_MS} ms`,
		);
		console.log(
			`  upstream requests made     ${burst.requests} (${((1 - burst.requests / REQUESTS) * 100).toFixed(1)}% coalesced)`,
		);
		console.log(`  peak upstream concurrency  ${burst.peakConcurrency} (cap 4)`);
		console.log(`  wall time                  ${ms(elapsed)}`);
		console.log(
			`  client overhead per call   p50 ${ms(quantile(overheads, 0.5))}, p99 ${ms(quantile(overheads, 0.99))} (HTTP on loopback, validation, normalization of 20 items)`,
		);
	} finally {
		await emu.close();
	}
}
