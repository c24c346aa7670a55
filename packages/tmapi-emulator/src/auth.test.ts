import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT_PATHS } from "./router.js";
import { startTmapiEmulator, type TmapiEmulator } from "./server.js";

const TOKEN = "s3cret-Key_1";
let guarded: TmapiEmulator;
beforeAll(async () => {
	guarded = await startTmapiEmulator({ apiToken: TOKEN });
});
afterAll(async () => {
	await guarded.close();
});

async function status(path: string, headers: Record<string, string> = {}): Promise<number> {
	const res = await fetch(`${guarded.url}${path}`, { headers });
	const body = (await res.json()) as { code: number; msg: string };
	if (res.status === 401) expect(body).toEqual({ code: 401, msg: "Invalid apiToken" });
	return res.status;
}

const QUERIES = {
	v1: "cat_id=1031910",
	v2: "cat_id=1031910",
	info: "cat_id=1031910",
	search: "keyword=%E8%BF%9E%E8%A1%A3%E8%A3%99",
	globalSearch: "keyword=dress",
} as const;

describe("the token as an `apikey` header", () => {
	it.each(Object.entries(ENDPOINT_PATHS))(
		"%s accepts the right header with no apiToken",
		async (name, path) => {
			const query = QUERIES[name as keyof typeof QUERIES];
			expect(await status(`${path}?${query}`, { apikey: TOKEN })).toBe(200);
			expect(guarded.stats.lastQuery).not.toHaveProperty("apiToken");
		},
	);

	it("reads the header name in any case, as HTTP does", async () => {
		expect(await status("/1688/category/info?cat_id=1031910", { ApiKey: TOKEN })).toBe(200);
	});

	it.each([
		["a wrong header", { apikey: "wrong" }],
		["an empty header", { apikey: "" }],
		["the token under another header", { authorization: `Bearer ${TOKEN}` }],
		["no header at all", {}],
	])("answers 401 to %s", async (_, headers) => {
		expect(await status("/1688/category/items?cat_id=1031910", headers)).toBe(401);
	});

	it("accepts either form when one of the two is right", async () => {
		const path = "/1688/category/items?cat_id=1031910";
		expect(await status(`${path}&apiToken=wrong`, { apikey: TOKEN })).toBe(200);
		expect(await status(`${path}&apiToken=${TOKEN}`, { apikey: "wrong" })).toBe(200);
		expect(await status(`${path}&apiToken=wrong`, { apikey: "also-wrong" })).toBe(401);
	});

	it("ignores the header when the emulator has no token", async () => {
		const open = await startTmapiEmulator();
		try {
			const res = await fetch(`${open.url}/1688/category/items?cat_id=1031910`, { headers: { apikey: "x" } });
			expect(res.status).toBe(200);
		} finally {
			await open.close();
		}
	});
});
