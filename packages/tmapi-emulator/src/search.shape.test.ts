import { describe, expect, it } from "vitest";
import { TOP_LEVEL_CATEGORY_IDS } from "./categories.js";
import { DEMO_CATEGORY_IDS, DEMO_SEARCH_KEYWORDS } from "./constants.js";
import { type Json, useSharedEmulator } from "./emulator.fixtures.js";
import { searchOn } from "./search.fixtures.js";

const emu = useSharedEmulator();
const search = searchOn(emu);
const { docsSample, dresses } = DEMO_SEARCH_KEYWORDS;

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
});
