import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CATEGORY_IDS, TMAPI_ERROR_MESSAGES } from "./constants.js";
import { createFaultRules } from "./faults.js";
import { startTmapiEmulator, type TmapiEmulator } from "./server.js";

let emu: TmapiEmulator;
beforeEach(async () => {
	emu = await startTmapiEmulator();
});
afterEach(async () => {
	await emu.close();
});

const V1 = `/1688/category/items?cat_id=${DEMO_CATEGORY_IDS.dresses}`;
const V2 = `/1688/category/items/v2?cat_id=${DEMO_CATEGORY_IDS.dresses}`;
const INFO = "/1688/category/info";

async function call(path: string): Promise<{ status: number; type: string | null; text: string }> {
	const res = await fetch(emu.url + path);
	return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

describe("error code faults", () => {
	it.each([
		[417, 417],
		[422, 422],
		[439, 200],
		[499, 200],
		[500, 500],
		[503, 503],
	])("code %i answers the docs' text with HTTP %i", async (code, httpStatus) => {
		emu.inject({ kind: "code", code });
		const { status, text } = await call(V1);
		expect(status).toBe(httpStatus);
		expect(JSON.parse(text)).toEqual({ code, msg: TMAPI_ERROR_MESSAGES[code], data: null });
	});

	it("takes a custom msg and HTTP status", async () => {
		emu.inject({ kind: "code", code: 503, httpStatus: 429, msg: "slow down" });
		const { status, text } = await call(V1);
		expect(status).toBe(429);
		expect(JSON.parse(text)).toEqual({ code: 503, msg: "slow down", data: null });
	});

	it("code-in-200 answers HTTP 200 with the error in the body", async () => {
		emu.inject({ kind: "code-in-200", code: 500 });
		const { status, text } = await call(V2);
		expect(status).toBe(200);
		expect(JSON.parse(text)).toMatchObject({ code: 500, data: null });
	});

	it("message-field spells message instead of msg", async () => {
		emu.inject({ kind: "message-field", code: 439 });
		const body = JSON.parse((await call(V1)).text);
		expect(body).toEqual({ code: 439, message: TMAPI_ERROR_MESSAGES[439], data: null });
	});
});

describe("broken answer faults", () => {
	it("malformed-json sends truncated JSON as application/json", async () => {
		emu.inject({ kind: "malformed-json" });
		const { status, type, text } = await call(V1);
		expect(status).toBe(200);
		expect(type).toContain("application/json");
		expect(text.startsWith('{"code":200')).toBe(true);
		expect(() => JSON.parse(text)).toThrow();
	});

	it("html sends an nginx page, 502 by default", async () => {
		emu.inject({ kind: "html", times: 1 });
		emu.inject({ kind: "html", status: 504 });
		const first = await call(V1);
		expect(first.status).toBe(502);
		expect(first.type).toContain("text/html");
		expect(first.text).toContain("<center>nginx</center>");
		expect((await call(V1)).status).toBe(504);
	});

	it("empty sends no body, 200 by default", async () => {
		emu.inject({ kind: "empty", times: 1 });
		emu.inject({ kind: "empty", status: 500 });
		expect(await call(V1)).toMatchObject({ status: 200, text: "" });
		expect(await call(V1)).toMatchObject({ status: 500, text: "" });
	});

	it("no-data answers success without data", async () => {
		emu.inject({ kind: "no-data" });
		expect(JSON.parse((await call(INFO)).text)).toEqual({ code: 200, msg: "success" });
	});

	it("drift passes the normal body through mutate", async () => {
		emu.inject({
			kind: "drift",
			mutate: (body) => {
				const data = (body as { data: { items: Record<string, unknown>[] } }).data;
				data.items[0] = { ...data.items[0], item_id: "not-a-number" };
				return body;
			},
		});
		const body = JSON.parse((await call(V2)).text);
		expect(body.data.items[0].item_id).toBe("not-a-number");
		expect(typeof body.data.items[1].item_id).toBe("number");
	});

	it("answers 500 when a drift mutator throws", async () => {
		emu.inject({
			kind: "drift",
			mutate: () => {
				throw new Error("boom");
			},
		});
		const { status, text } = await call(V2);
		expect(status).toBe(500);
		expect(text).toContain("boom");
	});

	it("reset destroys the connection", async () => {
		emu.inject({ kind: "reset", times: 1 });
		await expect(fetch(emu.url + V1)).rejects.toThrow();
		expect((await call(V1)).status).toBe(200);
	});
});

describe("timing faults", () => {
	it("latency delays the normal answer", async () => {
		emu.inject({ kind: "latency", ms: 120, times: 1 });
		const started = performance.now();
		expect((await call(V1)).status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(100);
	});

	it("hang never answers, and close() still finishes promptly", async () => {
		emu.inject({ kind: "hang" });
		const pending = fetch(emu.url + V1);
		pending.catch(() => undefined);
		await waitFor(() => emu.stats.inFlight === 1);
		const started = performance.now();
		await emu.close();
		expect(performance.now() - started).toBeLessThan(500);
		await expect(pending).rejects.toThrow();
	});

	it("hang lets the client abort", async () => {
		emu.inject({ kind: "hang", times: 1 });
		await expect(fetch(emu.url + V1, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
		await waitFor(() => emu.stats.inFlight === 0);
		expect((await call(V1)).status).toBe(200);
	});
});

describe("rule matching", () => {
	it("uses a rule up after `times` matches", async () => {
		emu.inject({ kind: "code", code: 503, times: 2 });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call(V1)).status);
		expect(statuses).toEqual([503, 503, 200]);
	});

	it("applies the first matching rule, honouring endpoint filters", async () => {
		emu.inject({ kind: "code", code: 500, endpoint: "v2" });
		emu.inject({ kind: "code", code: 417, endpoint: "info", times: 1 });
		emu.inject({ kind: "code", code: 503 });
		expect((await call(V2)).status).toBe(500);
		expect((await call(INFO)).status).toBe(417);
		expect((await call(INFO)).status).toBe(503);
		expect((await call(V1)).status).toBe(503);
	});

	it("clearFaults removes every rule and leaves unknown paths alone", async () => {
		emu.inject({ kind: "code", code: 500 });
		expect((await call("/nope")).status).toBe(404);
		emu.clearFaults();
		expect((await call(V1)).status).toBe(200);
	});

	it("rejects bad rules at inject()", () => {
		const rules = createFaultRules();
		expect(() => rules.add({ kind: "hang", times: 0 })).toThrow(RangeError);
		expect(() => rules.add({ kind: "latency", ms: -1 })).toThrow(RangeError);
		expect(() => rules.add({ kind: "nope" } as never)).toThrow(TypeError);
	});
});

async function waitFor(condition: () => boolean): Promise<void> {
	for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
	expect(condition()).toBe(true);
}
