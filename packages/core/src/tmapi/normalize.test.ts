import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { normalizeCategoryInfo, normalizeV1Page, normalizeV2Page } from "./normalize.js";
import { CategoryPageSchema } from "./product.js";
import { CategoryInfoDataSchema, V1DataSchema, V2DataSchema } from "./schemas.js";

// The response examples of ../shared/api, verbatim.
const v1Example = {
	page: 1,
	page_size: 2,
	has_next_page: true,
	filters: {},
	items: [
		{
			item_id: 884674536008,
			product_url: "https://detail.1688.com/offer/884674536008.html",
			title: "2025夏季新款温柔碎花法式连衣裙女高级感广州十三行蓬蓬裙子女装",
			img: "https://cbu01.alicdn.com/img/ibank/O1CN01n7ZpIr1zyfRRHlyvV_!!2215924096783-0-cib.jpg",
			price: "",
			price_info: { sale_price: "4.59", show_price: "4.59", origin_price: "5.40" },
			quantity_begin: 200,
			sales_count: "180100",
			sale_info: { sale_quantity_int: 180100, buyer_count: 89750 },
			shop_info: {
				login_id: "衣耘服装厂",
				shop_url: "https://yiyunfuzhuang888.1688.com",
				company_name: "广州衣耘服装厂",
				is_super_factory: false,
				shop_repurchase_rate: "38.46",
			},
		},
	],
};

const v2Item = {
	item_id: 991188728585,
	product_url: "https://detail.1688.com/offer/991188728585.html",
	title: "2817桃心太阳镜爱心太阳眼镜果冻色无框心型连体眼镜炫目色彩眼镜",
	img: "https://cbu01.alicdn.com/img/ibank/O1CN01l1LMMu23dNfRuPnh4_!!2219960167278-0-cib.jpg",
	category_path: ["54", "80"],
	price: "0.60",
	price_info: { price: "0.60", sale_price: "0.60", origin_price: "" },
	currency: "CNY",
	moq: "1",
	quantity_begin: "1",
	sale_info: { sale_quantity_90days: "100000+" },
	delivery_info: { area_from: ["浙江", "台州市"], free_shipping: false, ship_in_48h: false },
	shop_info: {
		company_name: "台州市路桥喜字电子商务商行",
		is_powerful_seller: false,
		is_super_factory: false,
		shop_years: 1,
		score_info: { composite_score: "4.0" },
	},
	item_repurchase_rate: "60%",
	low_refund_rate: false,
	ship_in_48h: false,
	one_piece_min_order: false,
};

const v2Example = {
	page: 1,
	page_size: 20,
	total_count: 2000,
	keyword: "",
	sort: "default",
	cat_id: 1031922,
	filters: {},
	items: [v2Item],
	has_next_page: true,
};

describe("normalizeV1Page", () => {
	it("maps the documented example onto Product", () => {
		const page = normalizeV1Page(v.parse(V1DataSchema, v1Example), 1031910);
		expect(v.is(CategoryPageSchema, page)).toBe(true);
		expect(page).toMatchObject({ api: "v1", page: 1, pageSize: 2, hasNextPage: true, droppedItems: 0 });
		expect(page.totalCount).toBeUndefined();
		expect(page.items[0]).toEqual({
			itemId: "884674536008",
			url: "https://detail.1688.com/offer/884674536008.html",
			title: "2025夏季新款温柔碎花法式连衣裙女高级感广州十三行蓬蓬裙子女装",
			imageUrl: "https://cbu01.alicdn.com/img/ibank/O1CN01n7ZpIr1zyfRRHlyvV_!!2215924096783-0-cib.jpg",
			price: 4.59,
			salePrice: 4.59,
			originalPrice: 5.4,
			currency: "CNY",
			moq: 200,
			sales: 180100,
			salesLabel: "180100",
			salesWindow: "total",
			buyerCount: 89750,
			shop: {
				name: "广州衣耘服装厂",
				loginId: "衣耘服装厂",
				url: "https://yiyunfuzhuang888.1688.com",
				isSuperFactory: false,
				isPowerfulSeller: null,
				years: null,
				score: null,
				repurchaseRate: 38.46,
			},
			delivery: { areaFrom: [], freeShipping: null, shipIn48h: null },
			repurchaseRate: null,
			lowRefundRate: null,
			onePieceMinOrder: null,
			categoryPath: [],
		});
	});

	it("keeps the raw validated item with fields we did not map", () => {
		const page = normalizeV1Page(v.parse(V1DataSchema, v1Example), 1031910);
		expect(page.raw.items[0]?.sale_info?.buyer_count).toBe(89750);
		expect(page.raw.data.filters).toEqual({});
	});
});

describe("normalizeV2Page", () => {
	it("maps the documented example onto Product", () => {
		const page = normalizeV2Page(v.parse(V2DataSchema, v2Example), 1031922, 20);
		expect(v.is(CategoryPageSchema, page)).toBe(true);
		expect(page).toMatchObject({ api: "v2", totalCount: 2000, pageSize: 20, hasNextPage: true });
		expect(page.items[0]).toMatchObject({
			itemId: "991188728585",
			price: 0.6,
			originalPrice: null,
			moq: 1,
			sales: 100000,
			salesLabel: "100000+",
			salesWindow: "90d",
			shop: { name: "台州市路桥喜字电子商务商行", years: 1, score: 4, isPowerfulSeller: false },
			delivery: { areaFrom: ["浙江", "台州市"], freeShipping: false, shipIn48h: false },
			repurchaseRate: 60,
			categoryPath: ["54", "80"],
		});
	});

	it("drops malformed items, counts them, and keeps the rest", () => {
		const data = {
			...v2Example,
			items: [
				v2Item,
				{ ...v2Item, item_id: "12x" },
				{ title: "no id" },
				null,
				{ ...v2Item, item_id: 5, title: "" },
			],
		};
		const page = normalizeV2Page(v.parse(V2DataSchema, data), 1031922, 20);
		expect(page.items.map((i) => i.itemId)).toEqual(["991188728585"]);
		expect(page.droppedItems).toBe(4);
	});

	it("handles the quirks: string ids, protocol-relative images, price fallbacks, repeats", () => {
		const data = {
			...v2Example,
			items: [
				{
					...v2Item,
					item_id: "1001",
					img: "//cbu01.alicdn.com/x.jpg",
					price: "",
					price_info: { sale_price: "3.2" },
				},
				{
					...v2Item,
					item_id: 1002,
					price: null,
					price_info: null,
					sale_info: { sale_quantity_90days: "已售1.2万件" },
				},
				{ ...v2Item, item_id: 1001 },
			],
		};
		const page = normalizeV2Page(v.parse(V2DataSchema, data), 1031922, 20);
		expect(page.items).toHaveLength(2);
		expect(page.duplicateItems).toBe(1);
		expect(page.items[0]).toMatchObject({
			itemId: "1001",
			imageUrl: "https://cbu01.alicdn.com/x.jpg",
			price: 3.2,
		});
		expect(page.items[1]).toMatchObject({
			itemId: "1002",
			price: null,
			sales: 12000,
			salesLabel: "已售1.2万件",
		});
	});
});

describe("normalizeCategoryInfo", () => {
	const node = {
		id: "201149004",
		name: "儿童饰品",
		name_en: "Children's Jewelry",
		level: 1,
		parent_id: "54",
		has_children: true,
		children: [
			{ id: "201545016", name: "儿童脚饰", name_en: "Children's Anklets", level: 2, has_children: false },
		],
		path: [
			{ id: "54", name: "服饰配件、饰品", name_en: "Apparel Accessories & Jewelry" },
			{ id: "201149004", name: "儿童饰品", name_en: "Children's Jewelry" },
		],
	};

	it("reads a category with its children and breadcrumb", () => {
		const info = normalizeCategoryInfo(v.parse(CategoryInfoDataSchema, node), 201149004);
		expect(info.category).toEqual({
			id: "201149004",
			name: "儿童饰品",
			nameEn: "Children's Jewelry",
			hasChildren: true,
		});
		expect(info.children.map((c) => c.id)).toEqual(["201545016"]);
		expect(info.path.map((c) => c.nameEn)).toEqual(["Apparel Accessories & Jewelry", "Children's Jewelry"]);
	});

	it.each(["children", "items", "list"])("reads the top-level list under %s", (key) => {
		const data = { [key]: [{ id: 54, name: "服饰配件、饰品", name_en: "Apparel" }, { bogus: true }] };
		const info = normalizeCategoryInfo(v.parse(CategoryInfoDataSchema, data), undefined);
		expect(info.category).toBeNull();
		expect(info.children).toEqual([
			{ id: "54", name: "服饰配件、饰品", nameEn: "Apparel", hasChildren: null },
		]);
	});
});
