import { describe, expect, it } from "vitest";
import { clientOf, expectNoToken, failure, useEmulatorPerTest } from "../test-support/tmapiClient.js";
import type { TmapiAttemptEvent, TmapiClient } from "./client.js";
import { TmapiApiError, TmapiSchemaError, TmapiTimeoutError } from "./errors.js";

const emu = useEmulatorPerTest();
const client = clientOf(emu);

type Data = { items: (Record<string, unknown> | null)[] } & Record<string, unknown>;
/** Edits a normal answer's `data` in place, for the emulator's "drift" fault. */
const editData = (edit: (data: Data) => void) => (body: unknown) => {
	edit((body as { data: Data }).data);
	return body;
};

const CALLS = [
	{
		name: "searchItems",
		endpoint: "search",
		path: "/1688/search/items",
		call: (c: TmapiClient) => c.searchItems({ keyword: "马克杯" }),
	},
	{
		name: "globalSearchItems",
		endpoint: "globalSearch",
		path: "/1688/global/search/items",
		call: (c: TmapiClient) => c.globalSearchItems({ keyword: "mug", language: "en" }),
	},
] as const;

describe.each(CALLS)("$name: failures as for the category calls", ({ endpoint, path, call }) => {
	it.each([417, 499, 500, 503])("retries %d and recovers, reporting each attempt", async (code) => {
		emu.current.inject({ kind: "code", code, endpoint, times: 2 });
		const events: TmapiAttemptEvent[] = [];
		const page = await call(client({ retries: 2, onAttempt: (e) => events.push(e) }));
		expect(page.items.length).toBeGreaterThan(0);
		expect(emu.current.stats.byEndpoint[endpoint]).toBe(3);
		expect(events.map((e) => [e.endpoint, e.attempt, e.outcome, e.error?.code])).toEqual([
			[path, 1, "error", code],
			[path, 2, "error", code],
			[path, 3, "ok", undefined],
		]);
		expectNoToken(events);
	});

	it.each([
		[422, "code"],
		[439, "code"],
		[439, "code-in-200"],
	] as const)("does not retry %d (%s)", async (code, kind) => {
		emu.current.inject({ kind, code, endpoint });
		const error = await failure(call(client({ retries: 3 })));
		expect(error).toBeInstanceOf(TmapiApiError);
		expect(error).toMatchObject({ code, retryable: false, endpoint: path, reason: "error-code" });
		expect(emu.current.stats.requests).toBe(1);
		expectNoToken(error);
	});

	it("gives up after `retries` extra attempts with a token-free error", async () => {
		emu.current.inject({ kind: "code", code: 503, endpoint });
		const error = await failure(call(client({ retries: 2 })));
		expect(error).toMatchObject({ code: 503, retryable: true, endpoint: path });
		expect(emu.current.stats.requests).toBe(3);
		expectNoToken(error);
	});

	it("times out a hanging request", async () => {
		emu.current.inject({ kind: "hang", endpoint });
		const error = await failure(call(client({ timeoutMs: 100, retries: 0 })));
		expect(error).toBeInstanceOf(TmapiTimeoutError);
		expectNoToken(error);
	});

	it("reports an unreadable body and a missing data as TmapiApiErrors", async () => {
		emu.current.inject({ kind: "html", endpoint, times: 1 });
		expect(await failure(call(client({ retries: 0 })))).toMatchObject({ reason: "unreadable-body" });
		emu.current.inject({ kind: "no-data", endpoint, times: 1 });
		expect(await failure(call(client({ retries: 0 })))).toMatchObject({ reason: "missing-data" });
	});

	it("refuses data whose items are not a list, naming the field", async () => {
		emu.current.inject({ kind: "drift", endpoint, mutate: editData((d) => Object.assign(d, { items: {} })) });
		const error = await failure(call(client()));
		expect(error).toBeInstanceOf(TmapiSchemaError);
		expect((error as TmapiSchemaError).issues.join()).toMatch(/^data\.items/);
		expect(emu.current.stats.requests).toBe(1);
	});

	it("drops a bad item and a repeated one, counting both, and keeps the rest", async () => {
		emu.current.inject({
			kind: "drift",
			endpoint,
			mutate: editData((d) => {
				const first = d.items[0] ?? {};
				d.items.push({ ...first }, { item_id: "12ab", title: "no id" }, { item_id: "1", title: "" }, null);
				d.unknown_field = { nested: true };
			}),
		});
		const page = await call(client());
		expect(page).toMatchObject({ droppedItems: 3, duplicateItems: 1 });
		expect(page.items).toHaveLength(20);
		expect(page.raw.data).toHaveProperty("unknown_field");
	});
});

describe("the docs' envelope and the real one both page correctly", () => {
	it("search/items: has_next_page, when sent, wins over total_count", async () => {
		emu.current.inject({
			kind: "drift",
			mutate: editData((d) => Object.assign(d, { has_next_page: false })),
		});
		const page = await client().searchItems({ keyword: "马克杯" });
		expect(page).toMatchObject({ totalCount: 2000, hasNextPage: false });
	});

	it("search/items: total_count as a digit string, the docs' cat_id null and filters {}", async () => {
		emu.current.inject({
			kind: "drift",
			mutate: editData((d) => Object.assign(d, { total_count: "129", cat_id: null, filters: {} })),
		});
		const page = await client().searchItems({ keyword: "马克杯", page: 6 });
		expect(page).toMatchObject({ page: 6, totalCount: 129, hasNextPage: true });
	});

	it("search/items: the docs' number item_id, number tiers and score_info", async () => {
		emu.current.inject({
			kind: "drift",
			mutate: editData((d) => {
				const first = d.items[0] ?? {};
				Object.assign(first, {
					item_id: Number(first.item_id),
					moq: 7,
					quantity_prices: [{ begin_num: 7, end_num: null, price: "1.00" }],
					shop_info: { company_name: "某公司", score_info: { composite_score: "4.0" } },
				});
			}),
		});
		const [first] = (await client().searchItems({ keyword: "马克杯" })).items;
		expect(first).toMatchObject({ moq: 7, shop: { name: "某公司", score: 4 } });
		expect(typeof first?.itemId).toBe("string");
	});

	it("global search: without total_count or has_next_page, a full page means more", async () => {
		emu.current.inject({
			kind: "drift",
			times: 1,
			mutate: editData((d) => {
				delete d.total_count;
				delete d.page;
			}),
		});
		const full = await client().globalSearchItems({ keyword: "mug", page: 3, pageSize: 10 });
		expect(full).toMatchObject({ page: 3, hasNextPage: true });
		expect(full.totalCount).toBeUndefined();
		emu.current.inject({
			kind: "drift",
			mutate: editData((d) =>
				Object.assign(d, { items: d.items.slice(0, 4), total_count: undefined, page: undefined }),
			),
		});
		const short = await client().globalSearchItems({ keyword: "mug", page: 4, pageSize: 10 });
		expect(short).toMatchObject({ hasNextPage: false });
		expect(short.items).toHaveLength(4);
	});

	it("global search: items null is an empty page", async () => {
		emu.current.inject({ kind: "drift", mutate: editData((d) => Object.assign(d, { items: null })) });
		const page = await client().globalSearchItems({ keyword: "mug" });
		expect(page.items).toEqual([]);
	});
});
