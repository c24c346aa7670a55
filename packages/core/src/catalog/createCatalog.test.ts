import { DEMO_CATEGORY_IDS, KNOWN_ITEM_COUNTS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import type { Actor } from "../access/actor.js";
import { type AllowLists, createAccessPolicy } from "../access/allowList.js";
import { createMemoryStore } from "../cache/memoryStore.js";
import type { CacheStore } from "../cache/store.js";
import { createLimits, type LimitsOptions } from "../limits/createLimits.js";
import { TEST_TOKEN, useEmulator } from "../test-support/emulator.js";
import { captureLogs } from "../test-support/logs.js";
import { createTmapiClient } from "../tmapi/client.js";
import { decodePageToken, encodePageToken } from "../tokens/pageToken.js";
import { createCatalog } from "./createCatalog.js";

const emu = useEmulator();
const SECRET = "catalog-test-secret-0123456789";
const alice: Actor = { platform: "telegram", userId: "1001", placeId: "-100500" };
const bob: Actor = { platform: "discord", userId: "81384788765712384", placeId: "81384788765712300" };

interface Setup {
	limits?: LimitsOptions;
	allow?: AllowLists;
	store?: CacheStore;
	retries?: number;
	nameWaitMs?: number;
}

function setup(options: Setup = {}) {
	const logs = captureLogs([TEST_TOKEN, SECRET]);
	const catalog = createCatalog({
		client: createTmapiClient({
			apiToken: TEST_TOKEN,
			baseUrl: emu.current.url,
			retries: options.retries ?? 0,
			retryDelayMs: 1,
			timeoutMs: 500,
		}),
		cache: options.store ?? createMemoryStore({ maxBytes: 32 * 1024 * 1024 }),
		limits: createLimits({ actionsPerWindow: 1_000, ...options.limits }),
		access: createAccessPolicy(options.allow ?? {}),
		logger: logs.logger,
		tokenSecret: SECRET,
		...(options.nameWaitMs === undefined ? {} : { nameWaitMs: options.nameWaitMs }),
	});
	return { catalog, logs };
}

const itemCalls = () => emu.current.stats.byEndpoint.v1 + emu.current.stats.byEndpoint.v2;

async function view(
	catalog: ReturnType<typeof setup>["catalog"],
	actor: Actor,
	input: Parameters<ReturnType<typeof setup>["catalog"]["show"]>[1],
) {
	const outcome = await catalog.show(actor, input);
	if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.kind}: ${outcome.refusal.message}`);
	return outcome.view;
}

describe("catalog.show", () => {
	it("answers a typed command with a page of cards, header and tokens", async () => {
		const { catalog, logs } = setup();
		const page = await view(catalog, alice, { text: "/category@catbot_test_bot 1031910 sort:sales" });
		expect(page.cards).toHaveLength(5);
		expect(page.cards.map((c) => c.position)).toEqual([1, 2, 3, 4, 5]);
		expect(page.command).toBe("/category 1031910 sort:sales");
		expect(page.totalPages).toBe(Math.ceil((KNOWN_ITEM_COUNTS[1031910] ?? 0) / 5));
		expect(page.pageLabel).toBe(`Page 1 of ${page.totalPages}`);
		expect(page.summary).toBe("Best selling");
		expect(page.category.name).toBeTruthy();
		expect(page.fromCache).toBe(false);
		expect(page.freshness).toBe("just now");
		expect(page.tokens.previous).toBeUndefined();
		expect(page.tokens.next).toBeDefined();
		const card = page.cards[0];
		expect(card?.url).toMatch(/^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);
		expect(card?.price).toMatch(/^¥\d/);
		expect(card?.sales).toMatch(/sold in 90 days$/);
		const line = logs.lines.find((l) => l.msg === "action");
		expect(line).toMatchObject({
			action: "command",
			platform: "telegram",
			outcome: "ok",
			cache: "miss",
			catId: 1031910,
		});
		expect(typeof line?.latencyMs).toBe("number");
	});

	it("serves four page turns from one upstream call, then fetches the next upstream page", async () => {
		const { catalog } = setup();
		let page = await view(catalog, alice, { text: "/category 1031910" });
		const seen = new Set(page.cards.map((c) => c.itemId));
		for (let turn = 2; turn <= 4; turn += 1) {
			page = await view(catalog, alice, { token: page.tokens.next ?? "" });
			expect(page.page).toBe(turn);
			expect(page.fromCache).toBe(true);
			for (const card of page.cards) seen.add(card.itemId);
		}
		expect(seen.size).toBe(20);
		expect(itemCalls()).toBe(1);
		page = await view(catalog, alice, { token: page.tokens.next ?? "" });
		expect(page.fromCache).toBe(false);
		expect(page.cards[0]?.position).toBe(21);
		expect(itemCalls()).toBe(2);
		const back = await view(catalog, alice, { token: page.tokens.previous ?? "" });
		expect(back.page).toBe(4);
		expect(back.fromCache).toBe(true);
		expect(itemCalls()).toBe(2);
	});

	it("calls onSlow before a paid call only", async () => {
		const { catalog } = setup();
		const slow: number[] = [];
		await catalog.show(
			alice,
			{ text: "/category 1031910" },
			{ onSlow: () => slow.push(emu.current.stats.byEndpoint.v2) },
		);
		await catalog.show(alice, { text: "/category 1031910 page:2" }, { onSlow: () => slow.push(-1) });
		await catalog.show(alice, { text: "/category 0" }, { onSlow: () => slow.push(-2) });
		expect(slow).toEqual([0]);
	});

	it("coalesces identical concurrent commands from different people into one upstream call", async () => {
		emu.current.setLatency(50);
		const { catalog } = setup();
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				catalog.show({ ...alice, userId: String(i) }, { text: "/category 1031910 page:2" }),
			),
		);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(itemCalls()).toBe(1);
	});

	it("shares the cache between commands that differ only in page or chat page size", async () => {
		const { catalog } = setup();
		await view(catalog, alice, { text: "/category 1031910 sort:sales" });
		await view(catalog, bob, { options: { catId: 1031910, sort: "sales", page: 3, pageSize: 2 } });
		expect(itemCalls()).toBe(1);
		await view(catalog, bob, { text: "/category 1031910 sort:price_up" });
		expect(itemCalls()).toBe(2);
	});

	it("serves a chat page that straddles two upstream pages", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: "/category 1031910 size:3 page:7" });
		expect(page.cards.map((c) => c.position)).toEqual([19, 20, 21]);
		expect(itemCalls()).toBe(2);
	});

	it("pages v1 with its fixed upstream page size and no total", async () => {
		const { catalog } = setup();
		const total = KNOWN_ITEM_COUNTS[DEMO_CATEGORY_IDS.dresses] ?? 0;
		const lastPage = Math.ceil(total / 10);
		const page = await view(catalog, alice, { text: `/category 1031910 v1 size:10 page:${lastPage}` });
		expect(page.totalPages).toBeNull();
		expect(page.pageLabel).toBe(`Page ${lastPage}`);
		expect(page.cards).toHaveLength(total - (lastPage - 1) * 10);
		expect(page.tokens.next).toBeUndefined();
		expect(page.tokens.previous).toBeDefined();
		expect(page.sortTokens).toEqual({});
		expect(emu.current.stats.byEndpoint.v1).toBe(1);
	});

	it("offers the last page and the other sorts as signed tokens", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: "/category 1031910" });
		const last = decodePageToken(page.tokens.last ?? "", SECRET);
		expect(last.ok && last.query.page).toBe(page.totalPages);
		expect(Object.keys(page.sortTokens).sort()).toEqual(["price_down", "price_up", "sales"]);
		const resorted = await view(catalog, alice, { token: page.sortTokens.price_up ?? "" });
		const prices = resorted.cards.map((c) => Number(c.price.replace(/[^\d.]/g, "")));
		expect(prices).toEqual([...prices].sort((a, b) => a - b));
	});

	it("shows an empty category with a message and no next page", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: `/category ${DEMO_CATEGORY_IDS.empty}` });
		expect(page.cards).toEqual([]);
		expect(page.emptyText).toBe("No products match this search.");
		expect(page.tokens.next).toBeUndefined();
	});

	it("writes cards in the query's language", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: "/category 1031910 lang:ru sort:sales" });
		expect(page.summary).toBe("По продажам");
		expect(page.cards[0]?.sales).toMatch(/^Продано за 90 дней/);
		expect(page.pageLabel).toMatch(/^Стр\. 1 из/);
	});
});

describe("catalog refusals", () => {
	it("explains a malformed command, with every problem, without any call", async () => {
		const { catalog } = setup();
		const outcome = await catalog.show(alice, { text: "/category sotr:sales page:0" });
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.refusal.kind).toBe("invalid");
		expect(outcome.refusal.message).toContain("Tell me a category id");
		expect(outcome.refusal.message).toContain("Did you mean 'sort'");
		expect(emu.current.stats.requests).toBe(0);
	});

	it("refuses a forged or altered token", async () => {
		const { catalog } = setup();
		const forged = encodePageToken(
			{ ...(await view(catalog, alice, { text: "/category 1031910" })).query, page: 3 },
			"another-secret-entirely",
		);
		for (const token of [forged, "garbage", "", `${forged}A`]) {
			const outcome = await catalog.show(alice, { token });
			expect(outcome).toMatchObject({ ok: false, refusal: { kind: "bad-token" } });
		}
	});

	it("refuses people outside the allow-lists, and serves those inside", async () => {
		const { catalog } = setup({ allow: { telegramChats: ["-100500"], discordUsers: ["1"] } });
		expect((await catalog.show(alice, { text: "/category 1031910" })).ok).toBe(true);
		const outside = await catalog.show({ ...alice, placeId: "-100999" }, { text: "/category 1031910" });
		expect(outside).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
		expect((await catalog.show(bob, { text: "/category 1031910" })).ok).toBe(false);
		expect((await catalog.show({ ...bob, userId: "1" }, { text: "/category 1031910" })).ok).toBe(true);
	});

	it("rate-limits a user, says when to retry, and says it once per window", async () => {
		const { catalog } = setup({ limits: { actionsPerWindow: 2, windowMs: 60_000 } });
		await catalog.show(alice, { text: "/category 1031910" });
		await catalog.show(alice, { text: "/category 1031910" });
		const refusals = [
			await catalog.show(alice, { text: "/category 1031910" }),
			await catalog.show(alice, { text: "/category 1031910" }),
		];
		expect(refusals.map((r) => !r.ok && r.refusal.kind === "rate-limited" && r.refusal.notify)).toEqual([
			true,
			false,
		]);
		const first = refusals[0];
		if (!first || first.ok || first.refusal.kind !== "rate-limited") throw new Error("expected a refusal");
		expect(first.refusal.retryAfterSec).toBeGreaterThan(0);
		expect(first.refusal.message).toMatch(/try again in \d+ (s|min)/);
		expect((await catalog.show(bob, { text: "/category 1031910" })).ok).toBe(true);
	});

	it("spends the daily budget on cache misses only, refunding failed calls", async () => {
		const { catalog } = setup({ limits: { userDailyBudget: 2, dailyBudget: 100 }, nameWaitMs: 0 });
		emu.current.inject({ kind: "code", code: 439, endpoint: "info" });
		await view(catalog, alice, { text: "/category 1031910" });
		// Cached pages cost nothing.
		for (let i = 0; i < 5; i += 1) await view(catalog, alice, { text: "/category 1031910 page:2" });
		emu.current.inject({ kind: "code", code: 500, endpoint: "v2", times: 1 });
		expect(await catalog.show(alice, { text: "/category 1031910 sort:sales" })).toMatchObject({
			ok: false,
			refusal: { kind: "upstream", code: 500 },
		});
		// The failed call was refunded, so one paid call is still left today.
		await view(catalog, alice, { text: "/category 1031910 sort:sales" });
		const refused = await catalog.show(alice, { text: "/category 1031910 sort:price_up" });
		expect(refused).toMatchObject({ ok: false, refusal: { kind: "budget", scope: "user" } });
		expect((await catalog.show(alice, { text: "/category 1031910 page:3" })).ok).toBe(true);
		expect((await catalog.show(bob, { text: "/category 1031910 sort:price_up" })).ok).toBe(true);
	});

	it.each([
		[439, /subscription|balance/i],
		[503, /busy/i],
	])("turns upstream %d into a message for the user", async (code, text) => {
		const { catalog, logs } = setup();
		emu.current.inject({ kind: "code", code, endpoint: "v2" });
		const outcome = await catalog.show(alice, { text: "/category 1031910" });
		expect(outcome).toMatchObject({ ok: false, refusal: { kind: "upstream", code } });
		if (!outcome.ok) expect(outcome.refusal.message).toMatch(text);
		expect(logs.lines.filter((l) => l.msg === "action")).toHaveLength(1);
		expect(logs.text()).not.toContain(TEST_TOKEN);
	});

	it("turns an upstream timeout into a message", async () => {
		const { catalog } = setup();
		emu.current.inject({ kind: "hang", endpoint: "v2" });
		const outcome = await catalog.show(alice, { text: "/category 1031910" });
		expect(outcome).toMatchObject({
			ok: false,
			refusal: { kind: "upstream", code: "timeout", retryable: true },
		});
	});

	it("never lets a failing or slow name lookup hold back the items", async () => {
		const { catalog } = setup({ nameWaitMs: 100 });
		emu.current.inject({ kind: "hang", endpoint: "info" });
		const page = await view(catalog, alice, { text: "/category 1031910" });
		expect(page.category.name).toBeNull();
		expect(page.cards).toHaveLength(5);
	});
});

describe("catalog.export", () => {
	it("reads several upstream pages once each, reporting progress, and counts as one action", async () => {
		const { catalog } = setup({ limits: { actionsPerWindow: 2, windowMs: 60_000 } });
		const progress: number[] = [];
		const outcome = await catalog.export(
			alice,
			{ text: "/category 1031910 sort:sales" },
			{ pages: 3, onProgress: (done) => progress.push(done) },
		);
		if (!outcome.ok) throw new Error(outcome.refusal.message);
		expect(outcome.view.products).toHaveLength(60);
		expect(outcome.view.pagesRead).toBe(3);
		expect(progress).toEqual([1, 2, 3]);
		expect(itemCalls()).toBe(3);
		// Chat pages of the same query are now free.
		await view(catalog, alice, { text: "/category 1031910 sort:sales page:9" });
		expect(itemCalls()).toBe(3);
	});

	it("takes the page count from /export text", async () => {
		const { catalog } = setup();
		const outcome = await catalog.export(alice, { text: "/export 1031910 pages:2" }, {});
		expect(outcome).toMatchObject({ ok: true, view: { pagesRead: 2 } });
		expect(await catalog.export(alice, { text: "/export 1031910 pages:zero" }, {})).toMatchObject({
			ok: false,
			refusal: { kind: "invalid" },
		});
	});

	it("stops at the last page and at the configured bound", async () => {
		const { catalog } = setup();
		const all = await catalog.export(alice, { options: { catId: DEMO_CATEGORY_IDS.dresses } }, { pages: 50 });
		if (!all.ok) throw new Error(all.refusal.message);
		expect(all.view.pagesRead).toBe(7);
		expect(all.view.products).toHaveLength(KNOWN_ITEM_COUNTS[DEMO_CATEGORY_IDS.dresses] ?? 0);
	});

	it("spends the budget and returns what it read when the budget runs out", async () => {
		const { catalog } = setup({ limits: { userDailyBudget: 2, dailyBudget: 100 }, nameWaitMs: 0 });
		const outcome = await catalog.export(alice, { text: "/category 1031910" }, { pages: 5 });
		if (!outcome.ok) throw new Error(outcome.refusal.message);
		expect(outcome.view.pagesRead).toBe(2);
		expect(outcome.view.stoppedEarly).toMatchObject({ kind: "budget", scope: "user" });
		expect(await catalog.export(alice, { text: "/category 1031910 sort:sales" }, { pages: 1 })).toMatchObject(
			{ ok: false, refusal: { kind: "budget" } },
		);
	});
});

describe("categories", () => {
	it("browses the tree and suggests names already known, without paid calls", async () => {
		const { catalog } = setup();
		expect(catalog.suggestCategories("dress")).toEqual([]);
		const top = await catalog.browse(alice);
		if (!top.ok) throw new Error(top.refusal.message);
		expect(top.view.category).toBeNull();
		expect(top.view.itemsToken).toBeNull();
		const first = top.view.children[0];
		if (!first) throw new Error("empty tree");
		const level = await catalog.browse(alice, Number(first.id));
		if (!level.ok) throw new Error(level.refusal.message);
		expect(level.view.category?.id).toBe(first.id);
		expect(level.view.children.length).toBeGreaterThan(0);
		const items = await view(catalog, alice, { token: level.view.itemsToken ?? "" });
		expect(items.query.catId).toBe(Number(first.id));
		const before = emu.current.stats.requests;
		const suggestions = catalog.suggestCategories((first.nameEn ?? first.name).slice(0, 4));
		expect(suggestions.map((s) => s.id)).toContain(first.id);
		expect(emu.current.stats.requests).toBe(before);
	});

	it("caches category lookups", async () => {
		const { catalog } = setup();
		await catalog.browse(alice, 54);
		await catalog.browse(bob, 54);
		await view(catalog, alice, { text: "/category 54" });
		expect(emu.current.stats.byEndpoint.info).toBe(1);
	});

	it("refuses a bad category id in the browser", async () => {
		const { catalog } = setup();
		expect(await catalog.browse(alice, -4)).toMatchObject({ ok: false, refusal: { kind: "invalid" } });
	});
});
