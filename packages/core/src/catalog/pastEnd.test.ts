import { DEMO_CATEGORY_IDS, KNOWN_ITEM_COUNTS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { alice, bob, SECRET, SLOW_MACHINE_MS, useCatalog, view } from "../test-support/catalog.js";
import { cpuMs } from "../test-support/cpu.js";
import { decodePageToken } from "../tokens/pageToken.js";
import type { CatalogOutcome, Refusal } from "./outcome.js";

const { emu, setup, itemCalls } = useCatalog();

const DRESSES = KNOWN_ITEM_COUNTS[DEMO_CATEGORY_IDS.dresses] ?? 0;

function refusalOf(outcome: CatalogOutcome<unknown>): Refusal {
	if (outcome.ok) throw new Error("expected a refusal");
	return outcome.refusal;
}

describe("a page past the end", () => {
	it("is answered from a cached page's total, with a token for the last page and no paid call", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS });
		const first = await view(catalog, alice, { text: "/category 1031910" });
		expect(first.totalPages).toBe(Math.ceil(DRESSES / 5));
		const before = emu.current.stats.requests;
		const refusal = refusalOf(await catalog.show(bob, { text: "/category 1031910 page:99" }));
		expect(refusal).toMatchObject({
			kind: "no-such-page",
			page: 99,
			lastPage: 28,
			lastPageLabel: "Page 28 »",
			message: "Page 99 of 28 does not exist: the last page is 28.",
		});
		expect(emu.current.stats.requests).toBe(before);
		if (refusal.kind !== "no-such-page") return;
		const last = decodePageToken(refusal.lastPageToken, SECRET);
		expect(last).toStrictEqual({ ok: true, query: { ...first.query, page: 28 } });
		const page = await view(catalog, bob, { token: refusal.lastPageToken });
		expect(page.cards.map((card) => card.position)).toEqual([136, 137]);
		expect(page.tokens.next).toBeUndefined();
	});

	it("knows the end at every chat page size, and in the query's language", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS });
		await view(catalog, alice, { text: "/category 1031910 lang:ru" });
		const before = emu.current.stats.requests;
		const refusal = refusalOf(
			await catalog.show(alice, { options: { catId: 1031910, language: "ru", pageSize: 10, page: 15 } }),
		);
		expect(refusal).toMatchObject({
			kind: "no-such-page",
			lastPage: 14,
			lastPageLabel: "Стр. 14 »",
			message: "Страницы 15 из 14 нет: последняя страница — 14.",
		});
		expect(emu.current.stats.requests).toBe(before);
	});

	it("is refused after one paid call when nothing was known, and for free from then on", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS, nameWaitMs: 0 });
		const refusal = refusalOf(await catalog.show(alice, { text: "/category 1031910 sort:sales page:60" }));
		expect(refusal).toMatchObject({ kind: "no-such-page", lastPage: 28 });
		expect(itemCalls()).toBe(1);
		for (const page of [29, 100, 400]) {
			const again = await catalog.show(alice, { text: `/category 1031910 sort:sales page:${page}` });
			expect(refusalOf(again)).toMatchObject({ kind: "no-such-page", page, lastPage: 28 });
		}
		expect(itemCalls()).toBe(1);
	});

	it("knows v1's end from its last page, which has no total", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS });
		const last = await view(catalog, alice, { text: "/category 1031910 v1 size:10 page:14" });
		expect(last.tokens.next).toBeUndefined();
		const before = emu.current.stats.requests;
		const refusal = refusalOf(await catalog.show(alice, { text: "/category 1031910 v1 size:10 page:15" }));
		expect(refusal).toMatchObject({ kind: "no-such-page", lastPage: 14 });
		expect(emu.current.stats.requests).toBe(before);
	});

	it("refuses an export that starts past the end, without a paid call", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS });
		await view(catalog, alice, { text: "/category 1031910" });
		const before = emu.current.stats.requests;
		const outcome = await catalog.export(alice, { text: "/export 1031910 page:50 pages:3" });
		expect(refusalOf(outcome)).toMatchObject({ kind: "no-such-page", lastPage: 28 });
		expect(emu.current.stats.requests).toBe(before);
	});

	it("never offers a page past the 2000 products 1688 lists, nor asks for one", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS, nameWaitMs: 0 });
		const sunglasses = `/category ${DEMO_CATEGORY_IDS.sunglasses}`;
		const last = await view(catalog, alice, { text: `${sunglasses} page:400` });
		expect(last.totalPages).toBe(400);
		expect(last.cards.map((card) => card.position)).toEqual([1996, 1997, 1998, 1999, 2000]);
		expect(last.tokens.next).toBeUndefined();
		expect(last.tokens.last).toBeUndefined();
		const export_ = await catalog.export(alice, { text: `/export ${sunglasses} page:400 pages:5` });
		expect(export_).toMatchObject({ ok: true, view: { pagesRead: 1 } });
		// Every upstream page asked for lies within the first 2000 items.
		for (const { query } of emu.current.stats.queries) {
			if (query.page === undefined) continue;
			expect((Number(query.page) - 1) * Number(query.page_size ?? 20)).toBeLessThan(2000);
		}
	});

	it("refuses a typed page past anything 1688 can list at once, without counting or calling", async () => {
		const { catalog } = setup({
			timeoutMs: SLOW_MACHINE_MS,
			limits: { actionsPerWindow: 1, windowMs: 60_000 },
		});
		for (const input of [
			{ text: "/category 1031910 page:9007199254740984" },
			{ options: { catId: 1031910, page: 9_007_199_254_740_984 } },
			{ options: { catId: 1031910, page: 2_251_799_813_685_248, pageSize: 10 } },
		]) {
			let outcome: CatalogOutcome<unknown> | undefined;
			expect(await cpuMs(async () => (outcome = await catalog.show(alice, input)))).toBeLessThan(50);
			const refusal = refusalOf(outcome ?? { ok: true, view: null });
			expect(refusal.kind).toBe("invalid");
			expect(refusal.message).toMatch(/^Page must be from 1 to (400|200) at (5|10) cards a page/);
		}
		expect(emu.current.stats.requests).toBe(0);
		// None of those counted: the one action this window allows is still there.
		expect((await catalog.show(alice, { text: "/category 1031910" })).ok).toBe(true);
	});
});
