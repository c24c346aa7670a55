import { describe, expect, it } from "vitest";
import { DEMO_CATEGORY_IDS } from "./constants.js";
import { type Json, useSharedEmulator } from "./emulator.fixtures.js";
import { categoryCalls, ids } from "./endpoints.fixtures.js";
import { startTmapiEmulator } from "./server.js";

const emu = useSharedEmulator();
const { v2 } = categoryCalls(emu);

describe("v2 /1688/category/items/v2", () => {
	it("answers the documented shape, echoing sort and cat_id", async () => {
		const { status, body } = await v2(`cat_id=${DEMO_CATEGORY_IDS.sunglasses}`);
		expect(status).toBe(200);
		expect(Object.keys(body.data)).toEqual([
			"page",
			"page_size",
			"total_count",
			"keyword",
			"sort",
			"cat_id",
			"filters",
			"items",
			"has_next_page",
		]);
		expect(body.data).toMatchObject({
			page: 1,
			page_size: 20,
			total_count: 2000,
			keyword: "",
			sort: "default",
			cat_id: DEMO_CATEGORY_IDS.sunglasses,
			filters: {},
			has_next_page: true,
		});
		const item = body.data.items[0];
		expect(item).toEqual({
			item_id: expect.any(Number),
			product_url: `https://detail.1688.com/offer/${item.item_id}.html`,
			title: expect.stringMatching(/Sunglasses|[A-Z]/),
			img: expect.any(String),
			category_path: ["54", "80"],
			price: expect.any(String),
			price_info: { price: item.price, sale_price: expect.any(String), origin_price: expect.any(String) },
			currency: "CNY",
			moq: expect.stringMatching(/^\d+$/),
			quantity_begin: item.moq,
			sale_info: { sale_quantity_90days: expect.any(String) },
			delivery_info: {
				area_from: [expect.any(String), expect.stringMatching(/市$/)],
				free_shipping: expect.any(Boolean),
				ship_in_48h: item.ship_in_48h,
			},
			shop_info: {
				company_name: expect.any(String),
				is_powerful_seller: expect.any(Boolean),
				is_super_factory: expect.any(Boolean),
				shop_years: expect.any(Number),
				score_info: { composite_score: expect.stringMatching(/^\d\.\d$/) },
			},
			item_repurchase_rate: expect.stringMatching(/^\d+%$/),
			low_refund_rate: expect.any(Boolean),
			ship_in_48h: expect.any(Boolean),
			one_piece_min_order: item.moq === "1",
		});
	});

	it("pages with page_size up to 50, capping total_count at 2000", async () => {
		const { body } = await v2(`cat_id=${DEMO_CATEGORY_IDS.sunglasses}&page=40&page_size=50`);
		expect(body.data).toMatchObject({ total_count: 2000, has_next_page: false });
		expect(body.data.items).toHaveLength(50);
		const small = await v2(`cat_id=${DEMO_CATEGORY_IDS.dresses}&page=3&page_size=50`);
		expect(small.body.data).toMatchObject({ total_count: 137, has_next_page: false });
		expect(small.body.data.items).toHaveLength(37);
		const empty = await v2(`cat_id=${DEMO_CATEGORY_IDS.empty}`);
		expect(empty.body.data).toMatchObject({ total_count: 0, items: [], has_next_page: false });
	});

	it("translates titles by language, English by default", async () => {
		const query = `cat_id=${DEMO_CATEGORY_IDS.dresses}&page_size=1`;
		const titles = await Promise.all(
			["", "&language=en", "&language=zh", "&language=ru", "&language=ja"].map(
				async (lang) => (await v2(query + lang)).body.data.items[0].title,
			),
		);
		expect(titles[0]).toBe(titles[1]);
		expect(titles[1]).toMatch(/Dress|[A-Za-z]{3}/);
		expect(titles[2]).toMatch(/[\u4e00-\u9fff]/);
		expect(titles[3]).toMatch(/[\u0400-\u04ff]/);
		expect(new Set(titles.slice(1)).size).toBe(4);
	});

	it("sorts by sales and by price", async () => {
		const base = `cat_id=${DEMO_CATEGORY_IDS.dresses}&page_size=50`;
		const byPrice = (await v2(`${base}&sort=price_up`)).body.data.items.map((i: Json) =>
			Number(i.price_info.sale_price),
		);
		expect(byPrice).toEqual([...byPrice].sort((a, b) => a - b));
		const down = (await v2(`${base}&sort=price_down`)).body;
		expect(down.data.sort).toBe("price_down");
		expect(Number(down.data.items[0].price_info.sale_price)).toBeGreaterThanOrEqual(byPrice.at(-1));
		const bySales = ids((await v2(`${base}&sort=sales`)).body);
		const expected = [...emu.catalog.items(DEMO_CATEGORY_IDS.dresses)]
			.sort((a, b) => b.sales90 - a.sales90)
			.slice(0, 50)
			.map((i) => i.itemId);
		expect(bySales).toEqual(expected);
	});

	it("filters by price range and flags", async () => {
		const { body } = await v2(
			`cat_id=${DEMO_CATEGORY_IDS.sunglasses}&page_size=50&price_start=10&price_end=50.5&free_shipping=true&is_super_factory=true&support_dropshipping=true`,
		);
		expect(body.data.items.length).toBeGreaterThan(0);
		for (const item of body.data.items) {
			const price = Number(item.price_info.sale_price);
			expect(price).toBeGreaterThanOrEqual(10);
			expect(price).toBeLessThanOrEqual(50.5);
			expect(item.delivery_info.free_shipping).toBe(true);
			expect(item.shop_info.is_super_factory).toBe(true);
		}
		expect(body.data.total_count).toBeLessThan(2000);
		const fresh = await v2(`cat_id=${DEMO_CATEGORY_IDS.sunglasses}&new_arrival=true`);
		const newIds = new Set(
			emu.catalog
				.items(DEMO_CATEGORY_IDS.sunglasses)
				.filter((i) => i.newArrival)
				.map((i) => i.itemId),
		);
		expect(fresh.body.data.total_count).toBe(newIds.size);
		for (const id of ids(fresh.body)) expect(newIds.has(id)).toBe(true);
	});

	it("serves any positive cat_id, with generated items", async () => {
		const { body } = await v2(`cat_id=${DEMO_CATEGORY_IDS.unknown}`);
		expect(body.data.items.length).toBeGreaterThan(0);
		expect(body.data.items[0].category_path).toEqual([String(DEMO_CATEGORY_IDS.unknown)]);
	});
});

describe("determinism across emulators", () => {
	it("serves identical bodies for the same seed and different ones for another", async () => {
		const [a, b, c] = await Promise.all([
			startTmapiEmulator({ seed: 5 }),
			startTmapiEmulator({ seed: 5 }),
			startTmapiEmulator({ seed: 6 }),
		]);
		try {
			const path = `/1688/category/items/v2?cat_id=${DEMO_CATEGORY_IDS.dresses}&language=zh`;
			const [ta, tb, tc] = await Promise.all([a, b, c].map(async (e) => (await fetch(e.url + path)).text()));
			expect(ta).toBe(tb);
			expect(ta).not.toBe(tc);
		} finally {
			await Promise.all([a.close(), b.close(), c.close()]);
		}
	});
});
