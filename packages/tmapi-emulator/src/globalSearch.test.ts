import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

async function globalSearch(query: Record<string, string>): Promise<{ status: number; body: Json }> {
	const res = await fetch(`${emu.url}/1688/global/search/items?${new URLSearchParams(query)}`);
	return { status: res.status, body: await res.json() };
}

const ids = (body: Json): string[] => body.data.items.map((i: Json) => i.item_id);
const { sunglasses, narrow } = DEMO_SEARCH_KEYWORDS;

describe("/1688/global/search/items", () => {
	it("answers the multilingual shape: English title, Chinese title_origin, a price range", async () => {
		const { status, body } = await globalSearch({ keyword: sunglasses });
		expect(status).toBe(200);
		expect(Object.keys(body.data)).toEqual(["page", "page_size", "total_count", "sort", "filters", "items"]);
		expect(body.data).toMatchObject({
			page: 1,
			page_size: 20,
			total_count: 2000,
			sort: "default",
			filters: {},
		});
		for (const item of body.data.items) {
			expect(item).toEqual({
				item_id: expect.stringMatching(/^\d{12}$/),
				product_url: `https://detail.1688.com/offer/${item.item_id}.html`,
				title: expect.stringMatching(/^[\x20-\x7e]+$/),
				title_origin: expect.stringMatching(/[\u4e00-\u9fff]/),
				img: expect.stringMatching(/^https:\/\/cbu01-overseas\.1688\.com\/img\/ibank\//),
				price: item.price_info.price_min,
				price_info: {
					price: item.price,
					price_min: expect.stringMatching(/^\d+\.\d\d?$/),
					price_max: expect.stringMatching(/^\d+\.\d\d?$/),
				},
				currency: "CNY",
				quantity_begin: expect.stringMatching(/^\d+$/),
				sale_info: { sale_quantity_90days: expect.stringMatching(/^\d+$/) },
				goods_score: expect.stringMatching(/^(\d\.\d)?$/),
				shop_info: { is_gold_manufacturer: expect.any(Boolean), is_verified: expect.any(Boolean) },
				is_free_shipping: expect.any(Boolean),
				is_new_item: expect.any(Boolean),
				is_hot_item: expect.any(Boolean),
			});
			expect(Number(item.price_info.price_max)).toBeGreaterThanOrEqual(Number(item.price));
		}
		const sunglassTitles = body.data.items.filter((i: Json) => i.title.includes("Sunglasses"));
		expect(sunglassTitles.length).toBeGreaterThan(body.data.items.length / 2);
	});

	it("translates titles by language and keeps title_origin Chinese", async () => {
		const titleIn = async (language?: string): Promise<Json> => {
			const query = { keyword: sunglasses, page_size: "1", ...(language ? { language } : {}) };
			return (await globalSearch(query)).body.data.items[0];
		};
		const [byDefault, en, zh, ru, ko] = await Promise.all([undefined, "en", "zh", "ru", "ko"].map(titleIn));
		expect(byDefault).toEqual(en);
		expect(zh.title).toBe(zh.title_origin);
		expect(ru.title).toMatch(/[\u0400-\u04ff]/);
		expect(ko.title).toMatch(/[\uac00-\ud7af]/);
		expect(ru.title_origin).toBe(en.title_origin);
		expect(new Set([en.item_id, zh.item_id, ru.item_id, ko.item_id]).size).toBe(1);
	});

	it("searches by cat_id alone, serving the category's own items", async () => {
		const { body } = await globalSearch({
			cat_id: String(DEMO_CATEGORY_IDS.dresses),
			page_size: "20",
			page: "7",
		});
		expect(body.data.total_count).toBe(137);
		expect(body.data.items).toHaveLength(17);
		const expected = emu.catalog.items(DEMO_CATEGORY_IDS.dresses).slice(120);
		expect(ids(body)).toEqual(expected.map((i) => String(i.itemId)));
	});

	it("narrows a keyword to cat_id or cat_ids", async () => {
		const catId = DEMO_CATEGORY_IDS.sunglasses;
		const within = await globalSearch({ keyword: "retro", cat_id: String(catId) });
		expect(within.status).toBe(200);
		expect(emu.catalog.search("retro", [catId]).categories.map((c) => c.catId)).toEqual([catId]);
		expect(ids(within.body)).toEqual(
			emu.catalog
				.search("retro", [catId])
				.items.slice(0, 20)
				.map((i) => String(i.itemId)),
		);
		const both = await globalSearch({ cat_ids: `${DEMO_CATEGORY_IDS.dresses},${catId}` });
		// Dresses (137) first, then sunglasses up to the cap.
		expect(both.body.data.total_count).toBe(2000);
		expect(ids(both.body)[0]).toBe(String(emu.catalog.items(DEMO_CATEGORY_IDS.dresses)[0]?.itemId));
	});

	it("pages to the true count and is deterministic", async () => {
		const query = { keyword: narrow, page: "7", sort: "price_down", language: "ja" };
		const last = await globalSearch(query);
		expect(last.body.data).toMatchObject({ total_count: 129, page: 7 });
		expect(last.body.data.items).toHaveLength(9);
		expect(await globalSearch(query)).toEqual(last);
		expect((await globalSearch({ ...query, page: "8" })).body.data.items).toEqual([]);
	});

	it("sorts by 90-day sales and by price", async () => {
		const sales = (await globalSearch({ keyword: sunglasses, sort: "sales" })).body.data.items.map(
			(i: Json) => Number(i.sale_info.sale_quantity_90days),
		);
		expect(sales).toEqual([...sales].sort((a, b) => b - a));
		const up = (await globalSearch({ keyword: sunglasses, sort: "price_up" })).body.data.items.map(
			(i: Json) => Number(i.price),
		);
		expect(up).toEqual([...up].sort((a, b) => a - b));
	});

	it("filters by price and flags", async () => {
		const { body } = await globalSearch({
			keyword: sunglasses,
			price_start: "1",
			price_end: "9.99",
			free_shipping: "true",
			new_arrival: "true",
			is_super_factory: "true",
		});
		const pool = emu.catalog.search(sunglasses).items;
		const expected = pool.filter(
			(i) =>
				i.salePriceFen >= 100 &&
				i.salePriceFen <= 999 &&
				i.freeShipping &&
				i.newArrival &&
				i.shop.isSuperFactory,
		);
		expect(body.data.total_count).toBe(expected.length);
		for (const item of body.data.items) {
			expect(Number(item.price)).toBeGreaterThanOrEqual(1);
			expect(Number(item.price)).toBeLessThanOrEqual(9.99);
			expect(item).toMatchObject({ is_free_shipping: true, is_new_item: true });
			expect(item.shop_info.is_gold_manufacturer).toBe(true);
		}
	});

	it.each([
		["neither keyword nor cat_id", {}],
		["a blank keyword", { keyword: " " }],
		["an unknown language", { keyword: sunglasses, language: "de" }],
		["page_size above 20", { keyword: sunglasses, page_size: "21" }],
		["an unknown sort", { keyword: sunglasses, sort: "newest" }],
		["a bad cat_id", { cat_id: "abc" }],
		["a bad entry in cat_ids", { cat_ids: "54,x" }],
		["more than 10 cat_ids", { cat_ids: Array.from({ length: 11 }, (_, i) => String(i + 1)).join(",") }],
		["a price that is not a number", { keyword: sunglasses, price_end: "9,99" }],
	])("answers 422 Parameter error. for %s", async (_name, query) => {
		const { status, body } = await globalSearch(query);
		expect(status).toBe(422);
		expect(body).toEqual({ code: 422, msg: "Parameter error.", data: null });
	});
});
