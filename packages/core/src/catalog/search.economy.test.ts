import { describe, expect, it } from "vitest";
import type { ResultView } from "../catalog/outcome.js";
import { alice, SLOW_MACHINE_MS, useCatalog, view } from "../test-support/catalog.js";

const { emu, setup, itemCalls } = useCatalog();

/** Requests the emulator answered on either keyword endpoint. */
const searchCalls = () => emu.current.stats.byEndpoint.search + emu.current.stats.byEndpoint.globalSearch;

/** The upstream pages (of 20) the keyword endpoints were asked for, as "keyword p<page>", sorted. */
function pagesAsked(): string[] {
	return emu.current.stats.queries
		.filter((q) => q.endpoint === "search" || q.endpoint === "globalSearch")
		.map((q) => `${q.query.keyword} p${q.query.page}`)
		.sort();
}

const users = Array.from({ length: 10 }, (_, i) => ({ ...alice, userId: String(9000 + i) }));

describe("the economy of keyword searches", () => {
	it("ten users searching one keyword at once, then paging, pay once per distinct upstream page", async () => {
		emu.current.setLatency(50);
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS });
		// Each spells it differently; all are one search.
		const spellings = [
			"summer dress",
			"Summer Dress",
			"  summer   dress ",
			'"summer dress"',
			"ｓｕｍｍｅｒ ｄｒｅｓｓ",
		];
		const firsts = await Promise.all(
			users.map((user, i) => view(catalog, user, { text: `/search ${spellings[i % spellings.length]}` })),
		);
		expect(new Set(firsts.map((page) => page.command))).toStrictEqual(new Set(["/search summer dress"]));
		expect(searchCalls()).toBe(1);

		// Everyone pages on at once to chat page 9: items 41-45, on upstream page 3.
		const lasts = await Promise.all(
			users.map(async (user, i) => {
				let page: ResultView = firsts[i] as ResultView;
				for (let turn = 2; turn <= 9; turn++)
					page = await view(catalog, user, { token: page.tokens.next ?? "" });
				return page;
			}),
		);
		expect(lasts.every((page) => page.cards[0]?.position === 41)).toBe(true);
		expect(pagesAsked()).toEqual(["summer dress p1", "summer dress p2", "summer dress p3"]);
		expect(itemCalls()).toBe(0);
	});

	it("keeps other sorts, filters and endpoints apart, each paid once", async () => {
		emu.current.setLatency(20);
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS });
		const texts = [
			"/search 连衣裙",
			"/search 连衣裙 sort:sales",
			"/search 连衣裙 free_shipping",
			"/search 连衣裙 api:global",
			"/search 连衣裙 lang:ru",
		];
		const outcomes = await Promise.all(
			users.flatMap((user) => texts.map((text) => catalog.show(user, { text }))),
		);
		expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
		expect(emu.current.stats.byEndpoint.search).toBe(3);
		// api:global and lang:ru are two searches of the global index (one in Russian).
		expect(emu.current.stats.byEndpoint.globalSearch).toBe(2);
	});

	it("serves a page past the end a cached answer told of without a call", async () => {
		const { catalog } = setup();
		// total_count 129: 26 chat pages of 5.
		const first = await view(catalog, alice, { text: "/search 靖江眉茶 500克" });
		expect(first.totalPages).toBe(26);
		const calls = searchCalls();
		const past = await catalog.show(alice, { text: "/search 靖江眉茶 500克 page:30" });
		expect(past).toMatchObject({ ok: false, refusal: { kind: "no-such-page", lastPage: 26 } });
		expect(searchCalls()).toBe(calls);
	});
});
