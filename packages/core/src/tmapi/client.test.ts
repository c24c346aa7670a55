import { setTimeout as delay } from "node:timers/promises";
import { inspect } from "node:util";
import { type Fault, startTmapiEmulator, type TmapiEmulator } from "@catbot/tmapi-emulator";
import * as v from "valibot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_TOKEN } from "../test-support/emulator.js";
import { createTmapiClient, type TmapiAttemptEvent, type TmapiClientOptions } from "./client.js";
import {
	TmapiApiError,
	TmapiError,
	TmapiNetworkError,
	TmapiSchemaError,
	TmapiTimeoutError,
	TmapiValidationError,
} from "./errors.js";
import { CategoryInfoSchema, CategoryPageSchema } from "./product.js";

/**
 * A new emulator for every test, not one per file. An attempt the client aborts (per-request timeout,
 * overall deadline) may already be on the wire and reach the server after its call has settled. With one
 * emulator per file such a request was counted in the next test, after its counters had been reset: that
 * is how a run under load saw 3 requests for `retries: 1`. A closed emulator cannot count it anywhere.
 */
function useEmulatorPerTest(): { readonly current: TmapiEmulator } {
	let current: TmapiEmulator | undefined;
	beforeEach(async () => {
		current = await startTmapiEmulator({ apiToken: TEST_TOKEN });
	});
	afterEach(async () => {
		await current?.close();
		current = undefined;
	});
	return {
		get current() {
			if (!current) throw new Error("emulator not started");
			return current;
		},
	};
}

const emu = useEmulatorPerTest();

function client(options: Partial<TmapiClientOptions> = {}) {
	return createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: emu.current.url, retryDelayMs: 1, ...options });
}

async function failure(promise: Promise<unknown>): Promise<TmapiError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(TmapiError);
		return error as TmapiError;
	}
	throw new Error("expected the call to fail");
}

/** Everything an error could show a log, a chat or a snapshot. */
function everythingShown(error: unknown): string {
	const parts: string[] = [
		String(error),
		JSON.stringify(error),
		inspect(error, { depth: 10, showHidden: true }),
	];
	let current: unknown = error;
	for (let depth = 0; current instanceof Error && depth < 10; depth += 1) {
		parts.push(current.message, current.stack ?? "", JSON.stringify(current));
		current = current.cause;
	}
	return parts.join("\n");
}

function expectNoToken(error: unknown) {
	const shown = everythingShown(error);
	expect(shown).not.toContain(TEST_TOKEN);
	expect(shown).not.toContain(encodeURIComponent(TEST_TOKEN));
}

describe("successful calls", () => {
	it("fetches a v2 page, sends the documented query and normalizes the items", async () => {
		const page = await client().categoryItemsV2({
			catId: 1031910,
			sort: "sales",
			pageSize: 10,
			language: "ru",
		});
		expect(v.is(CategoryPageSchema, page)).toBe(true);
		expect(page).toMatchObject({ api: "v2", catId: 1031910, page: 1, pageSize: 10 });
		expect(page.items).toHaveLength(10);
		expect(page.totalCount).toBeGreaterThan(10);
		const sales = page.items.map((p) => p.sales ?? 0);
		expect(sales).toEqual([...sales].sort((a, b) => b - a));
		expect(emu.current.stats.lastQuery).toMatchObject({
			cat_id: "1031910",
			sort: "sales",
			page_size: "10",
			page: "1",
			language: "ru",
			apiToken: TEST_TOKEN,
		});
	});

	it("fetches a v1 page with its own shape", async () => {
		const page = await client().categoryItems({ catId: 1031910, page: 2, freeShipping: true });
		expect(v.is(CategoryPageSchema, page)).toBe(true);
		expect(page).toMatchObject({ api: "v1", page: 2 });
		expect(page.totalCount).toBeUndefined();
		expect(page.items.every((p) => p.salesWindow === "total")).toBe(true);
		expect(emu.current.stats.queries.at(-1)).toMatchObject({ endpoint: "v1" });
		expect(emu.current.stats.lastQuery).toMatchObject({ free_shipping: "true", page: "2" });
	});

	it("leaves false filters out of the query", async () => {
		await client().categoryItemsV2({ catId: 1031910, freeShipping: false, newArrival: true });
		expect(emu.current.stats.lastQuery).not.toHaveProperty("free_shipping");
		expect(emu.current.stats.lastQuery).toMatchObject({ new_arrival: "true" });
	});

	it("reads a category's breadcrumb and children, and the top level without an id", async () => {
		const top = await client().categoryInfo();
		expect(v.is(CategoryInfoSchema, top)).toBe(true);
		expect(top.category).toBeNull();
		expect(top.children.length).toBeGreaterThan(3);
		const first = top.children[0];
		if (!first) throw new Error("no top-level category");
		const info = await client().categoryInfo(Number(first.id));
		expect(info.category?.id).toBe(first.id);
		expect(info.path.at(-1)?.id).toBe(first.id);
		expect(info.children.length).toBeGreaterThan(0);
	});
});

describe("parameter validation", () => {
	it.each([
		[{ catId: 0 }, ["catId must be a positive integer"]],
		[{ catId: 1.5 }, ["catId must be a whole number"]],
		[{ catId: "1031910" }, ["catId must be a number"]],
		[{ catId: 1, page: 0 }, ["page must be at least 1"]],
		[{ catId: 1, pageSize: 51 }, ["pageSize must be at most 50"]],
		[{ catId: 1, sort: "cheapest" }, ["sort must be one of default, sales, price_up, price_down"]],
		[{ catId: 1, language: "fr" }, ["language must be one of en, zh, ru, vi, ja, ko"]],
		[{ catId: 1, priceStart: -1 }, ["prices must not be negative"]],
		[{ catId: 1, priceStart: 50, priceEnd: 10 }, ["priceStart must not be greater than priceEnd"]],
	])("refuses %j before any request", async (params, expected) => {
		const error = await failure(client().categoryItemsV2(params as never));
		expect(error).toBeInstanceOf(TmapiValidationError);
		expect(error.code).toBe("validation");
		expect(error.retryable).toBe(false);
		expect((error as TmapiValidationError).issues.map((i) => i.replace(/^\w+: /, ""))).toEqual(expected);
		expect(emu.current.stats.requests).toBe(0);
	});

	it("lists every problem at once", async () => {
		const error = await failure(
			client().categoryItemsV2({ catId: -3, page: 0, pageSize: 0, sort: "x" as never }),
		);
		expect((error as TmapiValidationError).issues).toHaveLength(4);
		expect(error.message).toContain("catId");
		expect(error.message).toContain("pageSize");
	});

	it("validates v1 and info parameters too", async () => {
		expect(await failure(client().categoryItems({ catId: 0 }))).toBeInstanceOf(TmapiValidationError);
		expect(await failure(client().categoryInfo(-1))).toBeInstanceOf(TmapiValidationError);
		expect(emu.current.stats.requests).toBe(0);
	});

	it("refuses bad options without echoing them", () => {
		expect(() => createTmapiClient({ apiToken: "" })).toThrow(/apiToken must not be empty/);
		expect(() => createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: TEST_TOKEN })).toThrow(
			expect.objectContaining({ message: expect.not.stringContaining(TEST_TOKEN) }),
		);
	});
});

describe("upstream error codes", () => {
	it.each([
		[417, true],
		[422, false],
		[439, false],
		[499, true],
		[500, true],
		[503, true],
	])("%d is a TmapiApiError, retryable=%s, retried only when retryable", async (code, retryable) => {
		emu.current.inject({ kind: "code", code });
		const error = await failure(client({ retries: 2 }).categoryItemsV2({ catId: 1031910 }));
		expect(error).toBeInstanceOf(TmapiApiError);
		expect(error).toMatchObject({
			code,
			retryable,
			reason: "error-code",
			endpoint: "/1688/category/items/v2",
		});
		expect((error as TmapiApiError).upstreamMessage).toBeTruthy();
		expect(error.message).not.toMatch(/undefined|\[object/);
		expect(emu.current.stats.requests).toBe(retryable ? 3 : 1);
		expectNoToken(error);
	});

	it("takes the code from the body when HTTP says 200", async () => {
		emu.current.inject({ kind: "code-in-200", code: 439 });
		const error = await failure(client().categoryItemsV2({ catId: 1031910 }));
		expect(error).toMatchObject({ code: 439, status: 200, retryable: false });
		expect(error.message).toMatch(/subscription|balance/i);
	});

	it("reads the upstream text from `message` when there is no `msg`", async () => {
		emu.current.inject({ kind: "message-field", code: 500 });
		const error = (await failure(client({ retries: 0 }).categoryItemsV2({ catId: 1 }))) as TmapiApiError;
		expect(error.code).toBe(500);
		expect(error.upstreamMessage).toBeTruthy();
	});

	it.each([
		[{ kind: "html", status: 502 } as const, 502, 502],
		[{ kind: "malformed-json" } as const, 200, 200],
		[{ kind: "empty" } as const, 200, 200],
	])("%j is an unreadable answer with the HTTP status as code, retried", async (fault, code, status) => {
		emu.current.inject(fault);
		const error = await failure(client({ retries: 1 }).categoryItemsV2({ catId: 1031910 }));
		expect(error).toMatchObject({ code, status, reason: "unreadable-body", retryable: true });
		expect(emu.current.stats.requests).toBe(2);
		expectNoToken(error);
	});

	it("treats a success code without data as an error, not retried", async () => {
		emu.current.inject({ kind: "no-data" });
		const error = await failure(client().categoryItemsV2({ catId: 1031910 }));
		expect(error).toMatchObject({ code: 200, reason: "missing-data", retryable: false });
		expect(emu.current.stats.requests).toBe(1);
	});

	it("refuses a wrong token without retrying", async () => {
		const error = await failure(
			createTmapiClient({ apiToken: "wrong-token", baseUrl: emu.current.url }).categoryItemsV2({ catId: 1 }),
		);
		expect(error).toMatchObject({ code: 401, retryable: false });
		expect(everythingShown(error)).not.toContain("wrong-token");
	});

	it("redacts the token when the upstream echoes it back", async () => {
		emu.current.inject({ kind: "code", code: 422, msg: `bad apiToken=${TEST_TOKEN}&cat_id=1` });
		const error = (await failure(client().categoryItemsV2({ catId: 1 }))) as TmapiApiError;
		expect(error.upstreamMessage).toBe("bad apiToken=[redacted]&cat_id=1");
		expectNoToken(error);
	});
});

describe("retries", () => {
	it("recovers when a retryable failure passes", async () => {
		emu.current.inject({ kind: "code", code: 503, times: 2 });
		const events: TmapiAttemptEvent[] = [];
		const page = await client({ retries: 2, onAttempt: (e) => events.push(e) }).categoryItemsV2({
			catId: 1031910,
		});
		expect(page.items.length).toBeGreaterThan(0);
		expect(emu.current.stats.requests).toBe(3);
		expect(events.map((e) => [e.attempt, e.outcome, e.error?.code])).toEqual([
			[1, "error", 503],
			[2, "error", 503],
			[3, "ok", undefined],
		]);
		expect(events[0]?.retryInMs).toBeGreaterThanOrEqual(0);
		expectNoToken(events);
	});

	it("gives up after `retries` extra attempts", async () => {
		emu.current.inject({ kind: "code", code: 417 });
		await failure(client({ retries: 4 }).categoryItemsV2({ catId: 1031910 }));
		expect(emu.current.stats.requests).toBe(5);
	});

	it("stops retrying when the overall deadline runs out", async () => {
		emu.current.inject({ kind: "code", code: 503 });
		const started = Date.now();
		const error = await failure(
			client({ retries: 10, retryDelayMs: 100, maxRetryDelayMs: 100, deadlineMs: 250 }).categoryItemsV2({
				catId: 1,
			}),
		);
		expect(Date.now() - started).toBeLessThan(1_500);
		expect([503, "timeout"]).toContain(error.code);
		expect(emu.current.stats.requests).toBeLessThan(10);
	});
});

describe("timeouts and network failures", () => {
	it("times out a hanging request, retries it, then reports a TmapiTimeoutError", async () => {
		emu.current.inject({ kind: "hang" });
		const error = await failure(client({ timeoutMs: 150, retries: 1 }).categoryItemsV2({ catId: 1031910 }));
		expect(error).toBeInstanceOf(TmapiTimeoutError);
		expect(error).toMatchObject({ code: "timeout", retryable: true, timeoutMs: 150 });
		// The second attempt was aborted: on a busy machine the server may read it just after the call failed.
		await expect.poll(() => emu.current.stats.requests).toBeGreaterThanOrEqual(2);
		expect(emu.current.stats.requests).toBe(2);
		expectNoToken(error);
	});

	it("times out at the deadline even when the per-request timeout is longer", async () => {
		emu.current.inject({ kind: "hang" });
		const started = Date.now();
		const error = await failure(client({ timeoutMs: 10_000, deadlineMs: 200 }).categoryItemsV2({ catId: 1 }));
		expect(error).toBeInstanceOf(TmapiTimeoutError);
		expect(Date.now() - started).toBeLessThan(2_000);
	});

	it("reports a reset connection as a TmapiNetworkError", async () => {
		emu.current.inject({ kind: "reset" });
		const error = await failure(client({ retries: 0 }).categoryItemsV2({ catId: 1031910 }));
		expect(error).toBeInstanceOf(TmapiNetworkError);
		expect(error).toMatchObject({ code: "network", retryable: true });
		expect(error.cause).toBeInstanceOf(Error);
		expectNoToken(error);
	});

	it("reports a refused connection as a TmapiNetworkError with a token-free cause chain", async () => {
		const error = await failure(
			createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: "http://127.0.0.1:1", retries: 0 }).categoryItemsV2({
				catId: 1,
			}),
		);
		expect(error).toBeInstanceOf(TmapiNetworkError);
		expectNoToken(error);
	});
});

describe("schema drift", () => {
	it("drops and counts one malformed item, keeps the page", async () => {
		emu.current.inject({
			kind: "drift",
			mutate: (body) => {
				const data = (body as { data: { items: Record<string, unknown>[] } }).data;
				data.items[1] = { ...data.items[1], item_id: null };
				data.items[2] = { ...data.items[2], unexpected_new_field: { nested: true } };
				return body;
			},
		});
		const page = await client().categoryItemsV2({ catId: 1031910 });
		expect(page.droppedItems).toBe(1);
		expect(page.items).toHaveLength(19);
		expect(page.raw.items[1]).toHaveProperty("unexpected_new_field");
	});

	it("reports a malformed envelope as a TmapiSchemaError", async () => {
		emu.current.inject({
			kind: "drift",
			mutate: (body) => ({ ...(body as object), data: { page: 1, items: "nope" } }),
		});
		const error = (await failure(client().categoryItemsV2({ catId: 1031910 }))) as TmapiSchemaError;
		expect(error).toBeInstanceOf(TmapiSchemaError);
		expect(error).toMatchObject({ code: "schema", retryable: false });
		expect(error.issues.join(" ")).toContain("data.items");
		expect(error.issues.join(" ")).toContain("data.has_next_page");
		expectNoToken(error);
	});
});

describe("upstream economy", () => {
	it("never has more than maxConcurrent requests in flight under a burst of 50", async () => {
		emu.current.setLatency(30);
		const tmapi = client({ maxConcurrent: 4 });
		const pages = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				tmapi.categoryItemsV2({ catId: 1031910, page: i + 1, pageSize: 5 }),
			),
		);
		expect(pages).toHaveLength(50);
		expect(emu.current.stats.requests).toBe(50);
		expect(emu.current.stats.peakConcurrency).toBe(4);
	});

	it("coalesces 10 identical concurrent calls into one request", async () => {
		emu.current.setLatency(30);
		const tmapi = client();
		const pages = await Promise.all(
			Array.from({ length: 10 }, () => tmapi.categoryItemsV2({ catId: 1031910 })),
		);
		expect(emu.current.stats.requests).toBe(1);
		expect(new Set(pages).size).toBe(1);
	});

	it("does not coalesce different queries or calls that do not overlap", async () => {
		const tmapi = client();
		await Promise.all([
			tmapi.categoryItemsV2({ catId: 1031910 }),
			tmapi.categoryItemsV2({ catId: 1031910, page: 2 }),
		]);
		await tmapi.categoryItemsV2({ catId: 1031910 });
		expect(emu.current.stats.requests).toBe(3);
	});

	it("coalesces a failure too: all waiting callers get the same error", async () => {
		emu.current.setLatency(20);
		emu.current.inject({ kind: "code", code: 439 });
		const tmapi = client();
		const results = await Promise.allSettled(
			Array.from({ length: 5 }, () => tmapi.categoryItemsV2({ catId: 7 })),
		);
		expect(results.every((r) => r.status === "rejected")).toBe(true);
		expect(emu.current.stats.requests).toBe(1);
	});
});

describe("request budget: at most 1 + retries requests per call", () => {
	const retryableCodes = [417, 499, 500, 503];
	/** Every way an attempt can fail, and whether the client may send it again. */
	const failures: readonly (readonly [string, Fault, boolean])[] = [
		["a hanging request (timeout)", { kind: "hang" }, true],
		["a reset connection", { kind: "reset" }, true],
		["HTTP 500", { kind: "code", code: 500 }, true],
		["HTTP 503", { kind: "code", code: 503 }, true],
		["an HTML 502 page", { kind: "html", status: 502 }, true],
		["an empty 200 body", { kind: "empty" }, true],
		["a truncated 200 body", { kind: "malformed-json" }, true],
		...retryableCodes.map(
			(code) => [`body code ${code} in HTTP 200`, { kind: "code-in-200", code }, true] as const,
		),
		["body code 422 in HTTP 200", { kind: "code-in-200", code: 422 }, false],
		["body code 439 in HTTP 200", { kind: "code-in-200", code: 439 }, false],
	];
	const cases = failures.flatMap(([name, fault, retryable]) =>
		[0, 2].map((retries) => [name, retries, fault, retryable] as const),
	);
	// Each call asks for its own category, so the server counts exactly that call's requests.
	let nextCatId = 700_001;

	/** Requests for `catId` the server has read, once every request the client handed to fetch has arrived. */
	async function arrivedAt(catId: number, sent: number): Promise<number> {
		const arrived = () => emu.current.stats.queries.filter((q) => q.query.cat_id === String(catId)).length;
		await expect.poll(arrived).toBeGreaterThanOrEqual(sent);
		// A little longer, for any request a lower layer (ofetch, undici) might re-send on its own.
		await delay(50);
		return arrived();
	}

	it.each(cases)("%s, retries=%i", async (_name, retries, fault, retryable) => {
		const catId = nextCatId++;
		emu.current.inject(fault);
		let sent = 0;
		const countingFetch: typeof fetch = (input, init) => {
			sent += 1;
			return fetch(input, init);
		};
		const events: TmapiAttemptEvent[] = [];
		const tmapi = client({ retries, timeoutMs: 200, fetch: countingFetch, onAttempt: (e) => events.push(e) });
		await failure(tmapi.categoryItemsV2({ catId }));

		const expected = retryable ? 1 + retries : 1;
		expect(sent).toBe(expected);
		expect(events.map((e) => e.attempt)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
		const arrived = await arrivedAt(catId, sent);
		expect(arrived).toBe(expected);
		expect(arrived).toBeLessThanOrEqual(1 + retries);
	});

	it("shares one budget between coalesced callers", async () => {
		emu.current.setLatency(20);
		emu.current.inject({ kind: "code-in-200", code: 503 });
		const tmapi = client({ retries: 2 });
		const catId = nextCatId++;
		const results = await Promise.allSettled(
			Array.from({ length: 5 }, () => tmapi.categoryItemsV2({ catId })),
		);
		expect(results.every((r) => r.status === "rejected")).toBe(true);
		expect(await arrivedAt(catId, 3)).toBe(3);
	});
});
