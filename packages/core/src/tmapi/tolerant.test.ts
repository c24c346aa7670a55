import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { normalizeV1Page, normalizeV2Page } from "./normalize.js";
import { describeIssues } from "./params.js";
import { CategoryItemSchema, V1DataSchema, V2DataSchema } from "./schemas.js";

// The tolerant reader's rules one by one, each with the smallest item that shows it. The shapes come from
// real answers (../shared/realdata); realdata.test.ts reads those answers whole.

const item = { item_id: "726594251410", title: "眉茶" };

function v2(items: unknown[], envelope: Record<string, unknown> = { has_next_page: false }) {
	return normalizeV2Page(v.parse(V2DataSchema, { page: 1, page_size: 20, items, ...envelope }), 1, 20);
}

function one(raw: Record<string, unknown>, api: "v1" | "v2" = "v2") {
	const data = { page: 1, page_size: 20, has_next_page: false, items: [{ ...item, ...raw }] };
	const page =
		api === "v1"
			? normalizeV1Page(v.parse(V1DataSchema, data), 1)
			: normalizeV2Page(v.parse(V2DataSchema, data), 1, 20);
	expect(page.droppedItems).toBe(0);
	const [product] = page.items;
	if (!product) throw new Error("item not read");
	return product;
}

describe("has_next_page", () => {
	it.each([
		[1, 20, 132, true],
		[6, 20, 132, true],
		[7, 20, 132, false],
		[1, 3, "2465", true],
		[100, 20, 2000, false],
	])("is derived on page %d of %d with total_count %j", (page, pageSize, total, expected) => {
		const data = { page, page_size: pageSize, total_count: total, items: [item] };
		const result = normalizeV2Page(v.parse(V2DataSchema, data), 1, 20);
		expect(result.hasNextPage).toBe(expected);
		expect(result.totalCount).toBe(Number(total));
	});

	it("is taken as sent when sent, whatever total_count says", () => {
		expect(v2([item], { has_next_page: true, total_count: 1 }).hasNextPage).toBe(true);
	});

	it("is required when total_count is absent or unreadable, since nothing else says", () => {
		for (const envelope of [{}, { total_count: "" }, { total_count: null }]) {
			const result = v.safeParse(V1DataSchema, { page: 1, items: [], ...envelope });
			if (result.success) throw new Error(`read without has_next_page: ${JSON.stringify(envelope)}`);
			expect(describeIssues(result.issues).join(" ")).toContain("has_next_page");
		}
	});
});

describe("items", () => {
	it("take item_id as a number or a string", () => {
		expect(one({ item_id: 884674536008 }).itemId).toBe("884674536008");
		expect(one({ item_id: " 884674536008 " }).itemId).toBe("884674536008");
	});

	it("take the English title, else title_origin, else origin_title", () => {
		expect(one({ title: "Green tea", title_origin: "眉茶" }).title).toBe("Green tea");
		expect(one({ title: " ", title_origin: "眉茶" }).title).toBe("眉茶");
		expect(one({ title: null, origin_title: "休闲裤" }).title).toBe("休闲裤");
		expect(v.safeParse(CategoryItemSchema, { item_id: 1, title: "", title_origin: "" }).success).toBe(false);
	});

	it("keep an item whose optional fields have unexpected types, reading those as missing", () => {
		const product = one({
			price: { amount: 3 },
			price_info: "3.00",
			moq: [],
			sale_info: ["已售"],
			shop_info: "shop",
			delivery_info: { area_from: "浙江", free_shipping: "yes" },
			category_path: "54",
			item_repurchase_rate: {},
			low_refund_rate: "no",
		});
		expect(product).toMatchObject({
			price: null,
			moq: null,
			sales: null,
			shop: { name: null, score: null },
			delivery: { areaFrom: [], freeShipping: null },
			categoryPath: [],
			repurchaseRate: null,
			lowRefundRate: null,
		});
	});

	it("read prices from price_info.price and the low end of a range", () => {
		expect(one({ price_info: { price: "35.0", price_min: "35.0", price_max: "38.0" } }).price).toBe(35);
		expect(one({ price: "", price_info: { price_min: "13.83", price_max: "13.94" } }).price).toBe(13.83);
	});

	it.each([
		[{ moq: "2", quantity_begin: "3" }, 2],
		[{ moq: null, quantity_begin: "3" }, 3],
		[{ quantity_prices: [{ begin_num: "2", end_num: "999千克" }] }, 2],
		[{ quantity_prices: [{ begin_num: "1件", end_num: "" }] }, 1],
		[{ quantity_prices: [{ begin_num: "10000千克", end_num: "" }] }, 10000],
		[{ quantity_prices: [] }, null],
	])("read MOQ from %j", (raw, expected) => {
		expect(one(raw).moq).toBe(expected);
	});

	it.each([
		["v2", { sale_info: { sale_quantity_90days: "100000+" } }, 100000, "100000+", "90d"],
		[
			"v2",
			{ sale_info: { sale_quantity: "已售6.5万+件", sale_quantity_int: 65000 } },
			65000,
			"已售6.5万+件",
			"total",
		],
		[
			"v2",
			{ sale_info: { sale_quantity: "全网2.6万+件", sale_quantity_int: null } },
			26000,
			"全网2.6万+件",
			"total",
		],
		["v2", { sale_info: { sale_quantity: 1, sale_amount: 0 } }, 1, "1", "total"],
		["v2", { sales_count: "180100" }, 180100, "180100", "total"],
		["v2", { sale_info: { sale_quantity: null, sale_quantity_int: null } }, null, null, "90d"],
		["v1", { sales_count: "180100", sale_info: { sale_quantity_int: 180100 } }, 180100, "180100", "total"],
		[
			"v1",
			{ sale_info: { sale_quantity: "已售300+件", sale_quantity_int: 300 } },
			300,
			"已售300+件",
			"total",
		],
		["v1", { sale_info: { sale_quantity_90days: "2880" } }, 2880, "2880", "90d"],
		["v1", { sale_info: { sale_quantity: null } }, null, null, "total"],
	] as const)("%s reads sales from %j", (api, raw, sales, salesLabel, salesWindow) => {
		expect(one(raw, api)).toMatchObject({ sales, salesLabel, salesWindow });
	});

	it("read the shop score under score_info or sore_info (sic), and a shop with no name", () => {
		expect(one({ shop_info: { score_info: { composite_score: "4.0" } } }).shop.score).toBe(4);
		expect(one({ shop_info: { sore_info: { composite_new_score: "4.5" } } }).shop.score).toBe(4.5);
		expect(one({ shop_info: { sore_info: { composite_new_score: null } } }).shop.score).toBeNull();
		expect(one({ shop_info: { is_gold_manufacturer: false, is_verified: true } }).shop).toMatchObject({
			name: null,
			loginId: null,
		});
		expect(one({ shop_info: { login_id: "武义茶业", service_tags: null } }).shop.name).toBe("武义茶业");
	});

	it("read item_repurchase_rate as sent: '' is unknown, '100%' is 100", () => {
		expect(one({ item_repurchase_rate: "" }).repurchaseRate).toBeNull();
		expect(one({ item_repurchase_rate: "100%" }).repurchaseRate).toBe(100);
	});

	it("read free shipping from the global-search flag too", () => {
		expect(one({ is_free_shipping: true }).delivery.freeShipping).toBe(true);
		expect(
			one({ delivery_info: { free_shipping: false }, is_free_shipping: true }).delivery.freeShipping,
		).toBe(false);
	});

	it("repair image and product URLs", () => {
		const product = one({
			img: "https:////cbu01.alicdn.com/img/ibank/a.jpg",
			product_url: "detail.1688.com/offer/726594251410.html",
		});
		expect(product.imageUrl).toBe("https://cbu01.alicdn.com/img/ibank/a.jpg");
		expect(product.url).toBe("https://detail.1688.com/offer/726594251410.html");
	});
});
