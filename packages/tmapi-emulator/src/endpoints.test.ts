import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CATEGORY_IDS } from "./constants.js";
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

async function get(path: string): Promise<{ status: number; body: Json }> {
	const res = await fetch(`${emu.url}${path}`);
	return { status: res.status, body: await res.json() };
}

const v1 = (query: string) => get(`/1688/category/items?${query}`);
const v2 = (query: string) => get(`/1688/category/items/v2?${query}`);
const ids = (body: Json): number[] => body.data.items.map((i: Json) => i.item_id);

describe("v1 /1688/category/items", () => {
	it("answers the documented shape", async () => {
		const { status, body } = await v1(`cat_id=${DEMO_CATEGORY_IDS.dresses}`);
		expect(status).toBe(200);
		expect(body).toMatchObject({ code: 200, msg: "success" });
		expect(Object.keys(body.data)).toEqual(["page", "page_size", "has_next_page", "filters", "items"]);
		expect(body.data).toMatchObject({ page: 1, page_size: 20, has_next_page: true, filters: {} });
		const item = body.data.items[0];
		expect(item).toEqual({
			item_id: expect.any(Number),
			product_url: `https://detail.1688.com/offer/${item.item_id}.html`,
			title: expect.any(String),
			img: expect.stringMatching(/^(https:)?\/\/cbu01\.alicdn\.com\//),
			price: expect.stringMatching(/^(\d+\.\d\d)?$/),
			price_info: {
				sale_price: expect.stringMatching(/^\d+\.\d\d$/),
				show_price: expect.any(String),
				origin_price: expect.any(String),
			},
			quantity_begin: expect.any(Number),
			sales_count: expect.stringMatching(/^\d+$/),
			sale_info: { sale_quantity_int: Number(item.sales_count), buyer_count: expect.any(Number) },
			shop_info: {
				login_id: expect.any(String),
				shop_url: expect.stringMatching(/^https:\/\/\w+\.1688\.com$/),
				company_name: expect.any(String),
				is_super_factory: expect.any(Boolean),
				shop_repurchase_rate: expect.stringMatching(/^\d+\.\d\d$/),
			},
		});
		expect(body.data.items.some((i: Json) => i.price === "")).toBe(true);
	});

	it("pages by 20 whatever page_size says, with no total_count", async () => {
		const last = await v1(`cat_id=${DEMO_CATEGORY_IDS.dresses}&page=7&page_size=50`);
		expect(last.body.data).toMatchObject({ page: 7, page_size: 20, has_next_page: false });
		expect(last.body.data.items).toHaveLength(137 - 120);
		expect(last.body.data).not.toHaveProperty("total_count");
		const beyond = await v1(`cat_id=${DEMO_CATEGORY_IDS.dresses}&page=8`);
		expect(beyond.body.data.items).toEqual([]);
	});

	it("repeats page 1's last item on page 2 in the duplicate category", async () => {
		const page1 = await v1(`cat_id=${DEMO_CATEGORY_IDS.duplicateOnPage2}&page=1`);
		const page2 = await v1(`cat_id=${DEMO_CATEGORY_IDS.duplicateOnPage2}&page=2`);
		expect(ids(page2.body)[0]).toBe(ids(page1.body).at(-1));
	});

	it("filters by super_factory, support_dropshipping and free_shipping", async () => {
		const { body } = await v1(`cat_id=${DEMO_CATEGORY_IDS.dresses}&super_factory=true&free_shipping=1`);
		expect(body.data.items.length).toBeGreaterThan(0);
		for (const item of body.data.items) expect(item.shop_info.is_super_factory).toBe(true);
		const all = emu.catalog.items(DEMO_CATEGORY_IDS.dresses);
		const expected = all.filter((i) => i.shop.isSuperFactory && i.freeShipping).slice(0, 20);
		expect(ids(body)).toEqual(expected.map((i) => i.itemId));
	});

	it("answers the empty category with no items", async () => {
		const { body } = await v1(`cat_id=${DEMO_CATEGORY_IDS.empty}`);
		expect(body.data).toMatchObject({ items: [], has_next_page: false });
	});
});

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

describe("validation", () => {
	it.each([
		["/1688/category/items", ""],
		["/1688/category/items", "cat_id="],
		["/1688/category/items", "cat_id=abc"],
		["/1688/category/items", "cat_id=0"],
		["/1688/category/items", "cat_id=-5"],
		["/1688/category/items", "cat_id=1.5"],
		["/1688/category/items", "cat_id=1&page=0"],
		["/1688/category/items/v2", "cat_id=1&page_size=51"],
		["/1688/category/items/v2", "cat_id=1&page_size=0"],
		["/1688/category/items/v2", "cat_id=1&sort=cheapest"],
		["/1688/category/items/v2", "cat_id=1&language=de"],
		["/1688/category/items/v2", "cat_id=1&price_start=ten"],
		["/1688/category/info", "cat_id=x"],
	])("%s?%s answers 422 Parameter error.", async (path, query) => {
		const { status, body } = await get(`${path}?${query}`);
		expect(status).toBe(422);
		expect(body).toEqual({ code: 422, msg: "Parameter error.", data: null });
	});

	it("answers unknown paths with a JSON 404", async () => {
		const { status, body } = await get("/1688/item/detail?num_iid=1");
		expect(status).toBe(404);
		expect(body).toEqual({ code: 404, msg: "Not Found" });
	});
});

describe("info /1688/category/info", () => {
	it("describes a category with string ids, children and path", async () => {
		const { body } = await get(`/1688/category/info?cat_id=${DEMO_CATEGORY_IDS.childrensJewelry}`);
		expect(body.data).toEqual({
			id: "201149004",
			name: "儿童饰品",
			name_en: "Children's Jewelry",
			level: 1,
			parent_id: "54",
			has_children: true,
			children: [
				{ id: "201545016", name: "儿童脚饰", name_en: "Children's Anklets", level: 2, has_children: false },
				{
					id: "201553012",
					name: "儿童发饰",
					name_en: "Children's Hair Accessories",
					level: 2,
					has_children: false,
				},
			],
			path: [
				{ id: "54", name: "服饰配件、饰品", name_en: "Apparel Accessories & Jewelry" },
				{ id: "201149004", name: "儿童饰品", name_en: "Children's Jewelry" },
			],
		});
	});

	it("lists the top level without cat_id", async () => {
		const { body } = await get("/1688/category/info");
		expect(body.data.children).toHaveLength(8);
		expect(body.data.children).toContainEqual({
			id: "54",
			name: "服饰配件、饰品",
			name_en: "Apparel Accessories & Jewelry",
			level: 1,
			has_children: true,
		});
	});

	it("answers 417 for ids outside the tree", async () => {
		const { status, body } = await get(`/1688/category/info?cat_id=${DEMO_CATEGORY_IDS.unknown}`);
		expect(status).toBe(417);
		expect(body).toMatchObject({ code: 417, data: null });
	});
});

describe("apiToken", () => {
	it("rejects a missing or wrong token with 401 and accepts the right one", async () => {
		const guarded = await startTmapiEmulator({ apiToken: "s3cret" });
		try {
			const path = `${guarded.url}/1688/category/items?cat_id=1`;
			for (const url of [path, `${path}&apiToken=wrong`]) {
				const res = await fetch(url);
				expect(res.status).toBe(401);
				expect(await res.json()).toEqual({ code: 401, msg: "Invalid apiToken" });
			}
			expect((await fetch(`${path}&apiToken=s3cret`)).status).toBe(200);
		} finally {
			await guarded.close();
		}
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
