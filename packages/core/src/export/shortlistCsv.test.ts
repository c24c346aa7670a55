import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { SavedCard } from "../store/savedCard.js";
import { productsToCsv, SHORTLIST_CSV_COLUMNS, shortlistToCsv } from "./csv.js";

const card: SavedCard = {
	itemId: "884674536008",
	title: '连衣裙, 夏季 "新款"\nline two',
	imageUrl: "https://cbu01.alicdn.com/img/ibank/1.jpg",
	productUrl: "https://detail.1688.com/offer/884674536008.html",
	price: null,
	currency: "CNY",
	moq: null,
	shopName: "＝1+1",
	shopUrl: null,
	categoryId: 1031910,
	categoryName: "\t=1+1",
	command: "/category 1031910 sort:sales",
	savedBy: { userId: "42", name: null },
	savedAt: Date.UTC(2026, 10, 30, 8, 5),
};

describe("shortlistToCsv", () => {
	it("writes saved cards with the same writer as product exports: BOM, CRLF, formulas neutralised", () => {
		const csv = shortlistToCsv([card]);
		expect(csv.startsWith("\uFEFF")).toBe(true);
		expect(csv.split("\r\n")[0]).toBe(`\uFEFF${SHORTLIST_CSV_COLUMNS.join(",")}`);
		expect(productsToCsv([]).startsWith("\uFEFF")).toBe(true);
		const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
		expect(rows).toEqual([
			{
				item_id: "'884674536008",
				title: card.title,
				url: card.productUrl,
				price_when_saved: "",
				currency: "CNY",
				moq: "",
				shop: "'＝1+1",
				shop_url: "",
				category_id: "1031910",
				category: "'\t=1+1",
				command: "/category 1031910 sort:sales",
				saved_by: "",
				saved_by_id: "42",
				saved_at: "2026-11-30T08:05:00.000Z",
				image_url: card.imageUrl,
			},
		]);
	});

	it("leaves category_id empty for a card saved from a search with no category", () => {
		const searched: SavedCard = {
			...card,
			itemId: "7",
			categoryId: null,
			categoryName: null,
			command: "/search summer dress",
		};
		const rows = parse(shortlistToCsv([searched, card]), { bom: true, columns: true }) as Record<
			string,
			string
		>[];
		expect(rows.map((row) => [row.item_id, row.category_id, row.category, row.command])).toEqual([
			["7", "", "", "/search summer dress"],
			["'884674536008", "1031910", "'\t=1+1", "/category 1031910 sort:sales"],
		]);
	});

	it("writes only the header for an empty list", () => {
		const rows = parse(shortlistToCsv([]), { bom: true });
		expect(rows).toEqual([SHORTLIST_CSV_COLUMNS]);
	});
});
