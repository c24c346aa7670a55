import { describe, expect, it } from "vitest";
import { DEMO_SEARCH_KEYWORDS } from "./constants.js";
import { type Json, useSharedEmulator } from "./emulator.fixtures.js";
import { ids, searchOn } from "./search.fixtures.js";
import { startTmapiEmulator } from "./server.js";

const emu = useSharedEmulator();
const search = searchOn(emu);
const { docsSample, dresses, narrow, empty, repeatingPages, quirkyTitles } = DEMO_SEARCH_KEYWORDS;

describe("/1688/search/items", () => {
	it("pages a narrow keyword to its true count, then answers empty pages", async () => {
		const seen = new Set<string>();
		for (let page = 1; page <= 7; page++) {
			const { body } = await search({ keyword: narrow, page: String(page) });
			expect(body.data.total_count).toBe(129);
			expect(body.data.items).toHaveLength(page < 7 ? 20 : 9);
			for (const id of ids(body)) seen.add(id);
		}
		expect(seen.size).toBe(129);
		expect([...seen]).toEqual(emu.catalog.search(narrow).items.map((i) => String(i.itemId)));
		const beyond = await search({ keyword: narrow, page: "8" });
		expect(beyond.body.data).toMatchObject({ total_count: 129, items: [] });
		const small = await search({ keyword: narrow, page: "13", page_size: "10" });
		expect(small.body.data).toMatchObject({ page: 13, page_size: 10 });
		expect(small.body.data.items).toHaveLength(9);
	});

	it("caps broad keywords at 2000: page 100 of 20 is the last full one", async () => {
		expect((await search({ keyword: dresses, page: "100" })).body.data.items).toHaveLength(20);
		expect((await search({ keyword: dresses, page: "101" })).body.data).toMatchObject({
			total_count: 2000,
			items: [],
		});
	});

	it("is deterministic for keyword, page and sort, across emulators with the same seed", async () => {
		const query = { keyword: dresses, page: "3", sort: "price_up" };
		const first = await search(query);
		expect(await search(query)).toEqual(first);
		// Surrounding and repeated spaces do not make another keyword.
		const spaced = await search({ ...query, keyword: `  ${dresses} ` });
		expect(ids(spaced.body)).toEqual(ids(first.body));
		expect(spaced.body.data.keyword).toBe(dresses);
		const other = await startTmapiEmulator();
		try {
			const res = await fetch(`${other.url}/1688/search/items?${new URLSearchParams(query)}`);
			expect(await res.json()).toEqual(first.body);
		} finally {
			await other.close();
		}
		expect(ids((await search({ ...query, keyword: docsSample })).body)).not.toEqual(ids(first.body));
		expect(ids((await search({ ...query, sort: "price_down" })).body)).not.toEqual(ids(first.body));
	});

	it("repeats page 1, reordered, on page 2 of the demo keyword", async () => {
		const page1 = ids((await search({ keyword: repeatingPages, sort: "sales" })).body);
		const page2 = ids((await search({ keyword: repeatingPages, sort: "sales", page: "2" })).body);
		expect(page2).not.toEqual(page1);
		expect([...page2].sort()).toEqual([...page1].sort());
		const page3 = ids((await search({ keyword: repeatingPages, sort: "sales", page: "3" })).body);
		expect(page3.some((id) => page1.includes(id))).toBe(false);
	});

	it("finds nothing for the empty demo keyword, and hostile titles for the quirky one", async () => {
		expect((await search({ keyword: empty })).body.data).toMatchObject({ total_count: 0, items: [] });
		const titles = (await search({ keyword: quirkyTitles, page_size: "5" })).body.data.items.map(
			(i: Json) => i.title,
		);
		expect(titles[0]).toMatch(/<.*&.*\*.*_/);
		expect(titles[2]).toContain("@everyone");
		expect(titles[3].length).toBeGreaterThan(300);
	});
});
