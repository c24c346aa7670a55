import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_SEARCH_KEYWORDS, TMAPI_ERROR_MESSAGES } from "./constants.js";
import { startTmapiEmulator, type TmapiEmulator } from "./server.js";

let emu: TmapiEmulator;
beforeEach(async () => {
	emu = await startTmapiEmulator();
});
afterEach(async () => {
	await emu.close();
});

const SEARCH = `/1688/search/items?keyword=${encodeURIComponent(DEMO_SEARCH_KEYWORDS.dresses)}`;
const GLOBAL = `/1688/global/search/items?keyword=${DEMO_SEARCH_KEYWORDS.sunglasses}&language=en`;
const V2 = "/1688/category/items/v2?cat_id=1031910";

async function call(path: string, init?: RequestInit): Promise<{ status: number; text: string }> {
	const res = await fetch(emu.url + path, init);
	return { status: res.status, text: await res.text() };
}

describe("faults on the search endpoints", () => {
	it("scopes code faults to search or globalSearch, and unscoped ones hit both", async () => {
		emu.inject({ kind: "code", code: 439, endpoint: "search", times: 1 });
		emu.inject({ kind: "code", code: 503, endpoint: "globalSearch", times: 1 });
		expect((await call(V2)).status).toBe(200);
		const search = await call(SEARCH);
		expect(search.status).toBe(200);
		expect(JSON.parse(search.text)).toEqual({ code: 439, msg: TMAPI_ERROR_MESSAGES[439], data: null });
		expect((await call(GLOBAL)).status).toBe(503);
		expect((await call(SEARCH)).status).toBe(200);
		emu.inject({ kind: "code", code: 417, times: 2 });
		expect([(await call(SEARCH)).status, (await call(GLOBAL)).status]).toEqual([417, 417]);
	});

	it("drifts, truncates and resets search answers", async () => {
		emu.inject({
			kind: "drift",
			endpoint: "search",
			times: 1,
			mutate: (body) => {
				const data = (body as { data: Record<string, unknown> }).data;
				data.has_next_page = true;
				return body;
			},
		});
		expect(JSON.parse((await call(SEARCH)).text).data.has_next_page).toBe(true);
		emu.inject({ kind: "malformed-json", endpoint: "globalSearch", times: 1 });
		const truncated = await call(GLOBAL);
		expect(truncated.text.startsWith('{"code":200')).toBe(true);
		expect(() => JSON.parse(truncated.text)).toThrow();
		emu.inject({ kind: "reset", endpoint: "globalSearch", times: 1 });
		await expect(fetch(emu.url + GLOBAL)).rejects.toThrow();
		expect((await call(GLOBAL)).status).toBe(200);
	});

	it("delays and hangs search answers", async () => {
		emu.inject({ kind: "latency", ms: 120, endpoint: "search", times: 1 });
		const started = performance.now();
		expect((await call(SEARCH)).status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(100);
		emu.inject({ kind: "hang", endpoint: "globalSearch", times: 1 });
		await expect(fetch(emu.url + GLOBAL, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
		expect((await call(GLOBAL)).status).toBe(200);
	});

	it("rejects an unknown endpoint in a rule", () => {
		expect(() => emu.inject({ kind: "hang", endpoint: "search/v2" as never })).toThrow(TypeError);
	});
});

describe("apiToken and stats on the search endpoints", () => {
	it("checks the token like the category endpoints", async () => {
		const guarded = await startTmapiEmulator({ apiToken: "s3cret" });
		try {
			for (const path of [SEARCH, GLOBAL]) {
				const denied = await fetch(`${guarded.url}${path}&apiToken=wrong`);
				expect(denied.status).toBe(401);
				expect(await denied.json()).toEqual({ code: 401, msg: "Invalid apiToken" });
				expect((await fetch(`${guarded.url}${path}&apiToken=s3cret`)).status).toBe(200);
			}
		} finally {
			await guarded.close();
		}
	});

	it("counts each search endpoint apart, trailing slash included", async () => {
		await call(SEARCH);
		await call(`/1688/search/items/?keyword=x`);
		await call(GLOBAL);
		await call("/1688/search/items/v2?keyword=x");
		const stats = emu.stats;
		expect(stats.byEndpoint).toMatchObject({ search: 2, globalSearch: 1, other: 1, v1: 0, v2: 0, info: 0 });
		expect(stats.queries[2]).toEqual({
			endpoint: "globalSearch",
			query: { keyword: DEMO_SEARCH_KEYWORDS.sunglasses, language: "en" },
		});
		expect((await call("/1688/search/items?keyword=x", { method: "POST" })).status).toBe(405);
	});
});
