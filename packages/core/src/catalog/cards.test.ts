import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../test-support/arbitraries.js";
import type { Product } from "../tmapi/product.js";
import { describeQuery, freshness, toCard } from "./cards.js";

const product: Product = {
	itemId: "884674536008",
	url: "https://detail.1688.com/offer/884674536008.html",
	title: "连衣裙",
	imageUrl: "https://cbu01.alicdn.com/x.jpg",
	price: 4.59,
	salePrice: 4.59,
	originalPrice: 5.4,
	currency: "CNY",
	moq: 2000,
	sales: 100000,
	salesLabel: "100000+",
	salesWindow: "90d",
	buyerCount: null,
	shop: {
		name: "广州衣耘服装厂",
		loginId: null,
		url: null,
		isSuperFactory: true,
		isPowerfulSeller: true,
		years: 3,
		score: 4,
		repurchaseRate: null,
	},
	delivery: { areaFrom: ["浙江", "台州市"], freeShipping: true, shipIn48h: true },
	repurchaseRate: 60,
	lowRefundRate: null,
	onePieceMinOrder: null,
	categoryPath: [],
};

describe("toCard", () => {
	it("formats every field in English", () => {
		expect(toCard(product, 6, "en")).toEqual({
			position: 6,
			itemId: "884674536008",
			title: "连衣裙",
			url: product.url,
			imageUrl: product.imageUrl,
			price: "¥4.59",
			originalPrice: "¥5.40",
			moq: "MOQ 2,000",
			sales: "100,000+ sold in 90 days",
			shop: "广州衣耘服装厂",
			shopUrl: null,
			badges: ["Super factory", "Powerful seller", "3 yrs on 1688", "★ 4.0"],
			shipping: "Ships from 浙江 台州市 · Free shipping · Ships in 48 h",
			repurchase: "Repurchase 60%",
		});
	});

	it("says what is missing instead of inventing it", () => {
		const bare: Product = {
			...product,
			price: null,
			originalPrice: null,
			moq: null,
			sales: null,
			salesLabel: null,
			repurchaseRate: null,
			shop: {
				...product.shop,
				name: null,
				isSuperFactory: null,
				isPowerfulSeller: false,
				years: null,
				score: null,
			},
			delivery: { areaFrom: [], freeShipping: null, shipIn48h: null },
		};
		expect(toCard(bare, 1, "en")).toMatchObject({
			price: "Price on request",
			originalPrice: null,
			moq: null,
			sales: null,
			shop: null,
			badges: [],
			shipping: null,
			repurchase: null,
		});
	});

	it("writes total sales with digit grouping and other languages' words", () => {
		const v1 = { ...product, salesLabel: "180100", sales: 180100, salesWindow: "total" as const };
		expect(toCard(v1, 1, "en").sales).toBe("180,100 sold");
		expect(toCard(v1, 1, "zh").sales).toBe("已售 180,100");
		expect(toCard(product, 1, "ja").moq).toBe("最小注文 2,000");
	});
});

describe("sales labels in the reader's language", () => {
	// Labels as real answers send them (../shared/realdata): v2's "100000+", search's "已售9000+件" with
	// sale_quantity_int, the emulator's "1.8万", and v1's plain total.
	const sold = (salesLabel: string | null, sales: number | null, salesWindow: Product["salesWindow"]) => ({
		...product,
		salesLabel,
		sales,
		salesWindow,
	});

	it.each([
		["en", "18,000+ sold in 90 days", "9,000+ sold", "180,100 sold"],
		["zh", "90天售出 18,000+", "已售 9,000+", "已售 180,100"],
		["ru", "Продано за 90 дней: 18\u00a0000+", "Продано 9\u00a0000+", "Продано 180\u00a0100"],
		["vi", "Đã bán 18.000+ trong 90 ngày", "Đã bán 9.000+", "Đã bán 180.100"],
		["ja", "90日間の販売数 18,000+", "販売数 9,000+", "販売数 180,100"],
		["ko", "90일간 18,000+개 판매", "9,000+개 판매", "180,100개 판매"],
	] as const)("%s: the number, grouped, with + for lower bounds", (language, wan, search, plain) => {
		expect(toCard(sold("1.8万", 18000, "90d"), 1, language).sales).toBe(wan);
		expect(toCard(sold("已售9000+件", 9000, "total"), 1, language).sales).toBe(search);
		expect(toCard(sold("180100", 180100, "total"), 1, language).sales).toBe(plain);
	});

	it("never shows the upstream's Chinese words in another language", () => {
		const card = toCard(sold("已售9000+件", 9000, "total"), 1, "en");
		expect(card.sales).toBe("9,000+ sold");
		expect(card.sales).not.toMatch(/已售|件|90 days/);
		expect(toCard(sold("全网10万+件", 100000, "total"), 1, "en").sales).toBe("100,000+ sold");
	});

	it("reads the number from the label when only the label came, and shows nothing without a number", () => {
		expect(toCard(sold("1.8万", null, "90d"), 1, "en").sales).toBe("18,000+ sold in 90 days");
		expect(toCard(sold("暂无", null, "total"), 1, "en").sales).toBeNull();
		expect(toCard(sold("0", 0, "90d"), 1, "en").sales).toBe("0 sold in 90 days");
	});
});

describe("describeQuery and freshness", () => {
	it("summarises sort and filters", () => {
		expect(
			describeQuery({ ...DEFAULTS, sort: "sales", priceMin: 10, priceMax: 50, freeShipping: true }),
		).toBe("Best selling · Price ¥10.00–¥50.00 · Free shipping");
	});

	it("says how old the data is", () => {
		expect(freshness(30_000, "en")).toBe("just now");
		expect(freshness(7 * 60_000, "en")).toBe("7 min ago");
	});
});
