import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Product } from "../tmapi/product.js";
import { CSV_COLUMNS, productsToCsv } from "./csv.js";

const base: Product = {
	itemId: "1",
	url: "https://detail.1688.com/offer/1.html",
	title: "plain",
	imageUrl: null,
	price: 4.5,
	salePrice: null,
	originalPrice: null,
	currency: "CNY",
	moq: 2,
	sales: 100,
	salesLabel: "100+",
	salesWindow: "90d",
	buyerCount: null,
	shop: {
		name: "店",
		loginId: null,
		url: null,
		isSuperFactory: true,
		isPowerfulSeller: null,
		years: null,
		score: null,
		repurchaseRate: null,
	},
	delivery: { areaFrom: ["浙江", "台州市"], freeShipping: false, shipIn48h: null },
	repurchaseRate: 60,
	lowRefundRate: null,
	onePieceMinOrder: null,
	categoryPath: [],
};

describe("productsToCsv", () => {
	it("round-trips commas, quotes, newlines and CJK text through a CSV parser", () => {
		const tricky = [
			'连衣裙, 夏季 "新款"',
			"line one\nline two",
			"emoji 👗 and ，full-width comma",
			"=SUM(A1)",
		];
		const csv = productsToCsv(tricky.map((title, i) => ({ ...base, itemId: String(i + 1), title })));
		expect(csv.startsWith("\uFEFF")).toBe(true);
		const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
		expect(Object.keys(rows[0] ?? {})).toEqual(CSV_COLUMNS);
		expect(rows.map((r) => r.title)).toEqual(tricky);
		expect(rows[0]).toMatchObject({
			item_id: "1",
			price: "4.5",
			sale_price: "",
			super_factory: "yes",
			free_shipping: "no",
			ships_from: "浙江 台州市",
			repurchase_rate: "60",
		});
	});
});
