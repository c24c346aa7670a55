import { describe, expect, it } from "vitest";
import { DEMO_CATEGORY_IDS } from "./constants.js";
import { type Json, useSharedEmulator } from "./emulator.fixtures.js";
import { categoryCalls, ids } from "./endpoints.fixtures.js";

const emu = useSharedEmulator();
const { v1 } = categoryCalls(emu);

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
