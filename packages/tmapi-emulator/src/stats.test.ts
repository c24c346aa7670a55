import { afterEach, describe, expect, it } from "vitest";
import { parseCliArgs } from "./cliArgs.js";
import { startTmapiEmulator, type TmapiEmulator } from "./server.js";
import { createStatsRecorder, MAX_RECORDED_QUERIES } from "./stats.js";

let emu: TmapiEmulator | undefined;
afterEach(async () => {
	await emu?.close();
	emu = undefined;
});

describe("emulator stats", () => {
	it("counts requests by endpoint and records queries", async () => {
		emu = await startTmapiEmulator();
		const { url } = emu;
		await Promise.all(
			[
				"/1688/category/items?cat_id=1",
				"/1688/category/items/v2?cat_id=2&sort=sales",
				"/1688/category/info",
				"/x",
			].map(async (path) => (await fetch(url + path)).arrayBuffer()),
		);
		await fetch(`${url}/1688/category/items/v2?cat_id=3&language=zh`).then((res) => res.arrayBuffer());
		const stats = emu.stats;
		expect(stats.requests).toBe(5);
		expect(stats.byEndpoint).toEqual({ v1: 1, v2: 2, info: 1, search: 0, globalSearch: 0, other: 1 });
		expect(stats.lastQuery).toEqual({ cat_id: "3", language: "zh" });
		expect(stats.queries).toContainEqual({ endpoint: "v2", query: { cat_id: "2", sort: "sales" } });
		expect(stats.inFlight).toBe(0);

		emu.resetStats();
		expect(emu.stats).toEqual({
			requests: 0,
			byEndpoint: { v1: 0, v2: 0, info: 0, search: 0, globalSearch: 0, other: 0 },
			inFlight: 0,
			peakConcurrency: 0,
			queries: [],
		});
	});

	it("measures peak concurrency under latency", async () => {
		emu = await startTmapiEmulator({ latencyMs: 80 });
		const { url } = emu;
		const started = performance.now();
		await Promise.all(
			Array.from({ length: 6 }, async (_, i) =>
				(await fetch(`${url}/1688/category/items?cat_id=${i + 1}`)).text(),
			),
		);
		expect(performance.now() - started).toBeGreaterThanOrEqual(70);
		expect(emu.stats.peakConcurrency).toBe(6);

		emu.setLatency(0);
		const quick = performance.now();
		await (await fetch(`${url}/1688/category/items?cat_id=1`)).text();
		expect(performance.now() - quick).toBeLessThan(70);
		expect(() => emu?.setLatency(-1)).toThrow(RangeError);
	});

	it("close() is idempotent", async () => {
		const local = await startTmapiEmulator();
		await local.close();
		await local.close();
		await expect(fetch(`${local.url}/1688/category/info`)).rejects.toThrow();
	});
});

describe("createStatsRecorder", () => {
	it("keeps only the latest queries", () => {
		const recorder = createStatsRecorder();
		for (let i = 0; i < MAX_RECORDED_QUERIES + 5; i++) {
			recorder.begin("v1", { page: String(i) });
			recorder.end();
		}
		const { queries, requests } = recorder.snapshot();
		expect(requests).toBe(MAX_RECORDED_QUERIES + 5);
		expect(queries).toHaveLength(MAX_RECORDED_QUERIES);
		expect(queries[0]?.query.page).toBe("5");
	});
});

describe("parseCliArgs", () => {
	it("maps flags to options", () => {
		expect(parseCliArgs(["--port", "8787", "--latency", "50", "--seed", "9", "--token", "t"])).toEqual({
			help: false,
			options: { port: 8787, latencyMs: 50, seed: 9, apiToken: "t" },
		});
		expect(parseCliArgs([])).toEqual({ help: false, options: {} });
		expect(() => parseCliArgs(["--port", "abc"])).toThrow();
		expect(() => parseCliArgs(["--bogus"])).toThrow();
	});
});
