import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOP_LEVEL_CATEGORY_IDS } from "./categories.js";
import { DEMO_CATEGORY_IDS, DEMO_SEARCH_KEYWORDS } from "./constants.js";
import { startTmapiEmulator, type TmapiEmulator } from "./server.js";

// biome-ignore lint/suspicious/noExplicitAny: tests poke at JSON of a known shape.
type Json = any;

let emu: TmapiEmulator;
beforeAll(async () => {
	emu = await startTmapiEmulator();
});
afterAll(async () => {
	await emu.close();
});

async function search(query: Record<string, string>): Promise<{ status: number; body: Json }> {
	const res = await fetch(`${emu.url}/1688/search/items?${new URLSearchParams(query)}`);
	return { status: res.status, body: await res.json() };
}

const ids = (body: Json): string[] => body.data.items.map((i: Json) => i.item_id);
const { docsSample, dresses, narrow, empty, repeatingPages, quirkyTitles } = DEMO_SEARCH_KEYWORDS;

function mostFrequent(values: readonly string[]): string | undefined {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

describe("/1688/search/items", () => {
	it("answers the real shape: no has_next_page, string ids, MOQ only in quantity_prices", async () => {
		const { status, body } = await search({ keyword: docsSample });
		expect(status).toBe(200);
		expect(body).toMatchObject({ code: 200, msg: "success" });
		expect(Object.keys(body.data)).toEqual([
			"page",
			"page_size",
			"total_count",
			"keyword",
			"sort",
			"price_start",
			"price_end",
			"items",
		]);
		expect(body.data).toMatchObject({
			page: 1,
			page_size: 20,
			total_count: 2000,
			keyword: docsSample,
			sort: "default",
			price_start: "",
			price_end: "",
		});
		expect(body.data.items).toHaveLength(20);
		for (const item of body.data.items) {
			expect(item).toMatchObject({
				item_id: expect.stringMatching(/^\d{12}$/),
				product_url: `https://detail.1688.com/offer/${item.item_id}.html`,
				title: expect.stringMatching(/[\u4e00-\u9fff]/),
				img: expect.stringMatching(/^https:\/\/cbu01\.alicdn\.com\/img\/ibank\//),
				price: item.price_info.sale_price,
				price_info: { sale_price: expect.stringMatching(/^\d+\.\d\d?$/), origin_price: expect.any(String) },
				sale_info: { orders_count: expect.any(Number) },
				delivery_info: { area_from: [expect.any(String), expect.stringMatching(/市$/)] },
				shop_info: { login_id: expect.any(String), sore_info: expect.any(Object) },
			});
			expect(item).not.toHaveProperty("moq");
			expect(item.shop_info).not.toHaveProperty("score_info");
			for (const tier of item.quantity_prices) {
				expect(tier).toEqual({
					begin_num: expect.any(String),
					end_num: expect.any(String),
					price: expect.any(String),
				});
			}
			const sold = item.sale_info;
			if (sold.sale_quantity === null) expect(sold.sale_quantity_int).toBeNull();
			else expect(sold.sale_quantity).toMatch(/^已售[\d.]+万?\+件$/);
		}
		expect(body.data.items.some((i: Json) => i.quantity_prices.length === 0)).toBe(true);
		expect(body.data.items.some((i: Json) => i.quantity_prices.length > 0)).toBe(true);
	});

	it("lists items under category_path, leaf first, ending in a top-level category", async () => {
		const paths: string[][] = [];
		for (const page of ["1", "2", "3", "4", "5"]) {
			const { body } = await search({ keyword: dresses, page });
			paths.push(...body.data.items.map((i: Json) => i.category_path));
		}
		expect(paths.some((p) => p.length === 0)).toBe(true);
		for (const path of paths.filter((p) => p.length > 0)) {
			expect(TOP_LEVEL_CATEGORY_IDS).toContain(Number(path.at(-1)));
		}
		expect(paths).toContainEqual([String(DEMO_CATEGORY_IDS.dresses), "10166"]);
		expect(mostFrequent(paths.flatMap((p) => p.slice(0, 1)))).toBe(String(DEMO_CATEGORY_IDS.dresses));
	});

	it("makes the most frequent category of an unknown keyword its first hashed category", async () => {
		const { body } = await search({ keyword: docsSample, page_size: "20", page: "2" });
		const pool = emu.catalog.search(docsSample);
		expect(pool.categories.length).toBeGreaterThanOrEqual(1);
		const all: string[] = [];
		for (const page of ["1", "2", "3", "4", "5"]) {
			all.push(
				...(await search({ keyword: docsSample, page })).body.data.items.map((i: Json) => i.category_path[0]),
			);
		}
		expect(mostFrequent(all.filter(Boolean))).toBe(String(pool.categories[0]?.catId));
		// Unknown keywords show up in the titles, as the searched words do in real results.
		expect(body.data.items.some((i: Json) => i.title.includes(docsSample))).toBe(true);
	});

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

	it("sorts by price both ways and by the sales it shows", async () => {
		const prices = async (sort: string): Promise<number[]> =>
			(await search({ keyword: dresses, sort })).body.data.items.map((i: Json) => Number(i.price));
		const up = await prices("price_up");
		expect(up).toEqual([...up].sort((a, b) => a - b));
		const down = await prices("price_down");
		expect(down).toEqual([...down].sort((a, b) => b - a));
		expect(down[0]).toBeGreaterThan(up.at(-1) ?? 0);
		const { body } = await search({ keyword: dresses, sort: "sales" });
		expect(body.data.sort).toBe("sales");
		const sales = body.data.items.map((i: Json) => i.sale_info.sale_quantity_int ?? 0);
		expect(sales).toEqual([...sales].sort((a, b) => b - a));
		const byDefault = ids((await search({ keyword: dresses })).body);
		expect(byDefault).toEqual(
			emu.catalog
				.search(dresses)
				.items.slice(0, 20)
				.map((i) => String(i.itemId)),
		);
	});

	it("filters by price range, echoing the bounds as sent", async () => {
		const { body } = await search({
			keyword: dresses,
			price_start: "5",
			price_end: "20.5",
			sort: "price_up",
		});
		expect(body.data).toMatchObject({ price_start: "5", price_end: "20.5" });
		const expected = emu.catalog
			.search(dresses)
			.items.filter((i) => i.salePriceFen >= 500 && i.salePriceFen <= 2050);
		expect(body.data.total_count).toBe(Math.min(expected.length, 2000));
		expect(body.data.items.length).toBeGreaterThan(0);
		for (const item of body.data.items) {
			expect(Number(item.price)).toBeGreaterThanOrEqual(5);
			expect(Number(item.price)).toBeLessThanOrEqual(20.5);
		}
	});

	it("filters by free shipping, super factory and the undocumented moq", async () => {
		const { body } = await search({ keyword: dresses, free_shipping: "true", is_super_factory: "1" });
		expect(body.data.items.length).toBeGreaterThan(0);
		for (const item of body.data.items) {
			expect(item.tags).toContain("包邮");
			expect(item.shop_info.is_super_factory).toBe(true);
		}
		const moq = await search({ keyword: dresses, moq: "2", page_size: "20" });
		const pool = emu.catalog.search(dresses).items;
		expect(moq.body.data.total_count).toBe(pool.filter((i) => i.moq <= 2).length);
		for (const item of moq.body.data.items) {
			const first = item.quantity_prices[0];
			if (first) expect(Number.parseInt(first.begin_num, 10)).toBeLessThanOrEqual(2);
		}
		const fresh = await search({ keyword: dresses, new_arrival: "true", support_dropshipping: "true" });
		const wanted = new Set(
			pool.filter((i) => i.newArrival && i.supportDropshipping).map((i) => String(i.itemId)),
		);
		expect(fresh.body.data.total_count).toBe(wanted.size);
		for (const id of ids(fresh.body)) expect(wanted.has(id)).toBe(true);
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

	it.each([
		["no keyword", {}],
		["a blank keyword", { keyword: "  " }],
		["page_size above 20", { keyword: dresses, page_size: "21" }],
		["page_size 0", { keyword: dresses, page_size: "0" }],
		["page 0", { keyword: dresses, page: "0" }],
		["a fractional page", { keyword: dresses, page: "1.5" }],
		["an unknown sort", { keyword: dresses, sort: "cheapest" }],
		["a price that is not a number", { keyword: dresses, price_start: "ten" }],
		["a negative price", { keyword: dresses, price_end: "-1" }],
		["a moq that is not a positive integer", { keyword: dresses, moq: "many" }],
	])("answers 422 Parameter error. for %s", async (_name, query) => {
		const { status, body } = await search(query);
		expect(status).toBe(422);
		expect(body).toEqual({ code: 422, msg: "Parameter error.", data: null });
	});

	it("ignores parameters it does not have, such as language and cat_id", async () => {
		const plain = await search({ keyword: dresses });
		const extra = await search({ keyword: dresses, language: "en", cat_id: "54" });
		expect(extra.body).toEqual(plain.body);
	});
});
