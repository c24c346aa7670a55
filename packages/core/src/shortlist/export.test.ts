import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { SHORTLIST_CSV_COLUMNS } from "../export/csv.js";
import { view } from "../test-support/catalog.js";
import { ann, ben, cardAt, chat, NOON, useShortlist } from "../test-support/shortlist.js";

const { build } = useShortlist();

describe("shortlist.export", () => {
	it("writes the list as spreadsheet-safe CSV, newest first", async () => {
		const { catalog, shortlist, store, tick } = build();
		const page = await view(catalog, ann, { text: "/category 1031910" });
		await shortlist.save(
			ann,
			chat,
			{ token: page.tokens.current, position: 1 },
			'=HYPERLINK("https://evil.example")',
		);
		tick(1_000);
		await store.save(chat, {
			itemId: "698123456789",
			title: "@SUM(1,1)",
			imageUrl: null,
			productUrl: "https://detail.1688.com/offer/698123456789.html",
			price: 12.5,
			currency: "CNY",
			moq: 3,
			shopName: "+1+cmd|' /C calc'!A0",
			shopUrl: null,
			categoryId: 1031910,
			categoryName: null,
			command: "/category 1031910",
			savedBy: { userId: "7", name: "-2+3" },
			savedAt: NOON + 1_000,
		});
		const exported = await shortlist.export(ben, chat);
		if (!exported.ok) throw new Error(exported.refusal.message);
		expect(exported.view).toMatchObject({
			fileName: "catbot-shortlist-2026-11-30.csv",
			count: 2,
			text: "2 saved cards.",
		});
		const rows = parse(exported.view.csv, { bom: true, columns: true }) as Record<string, string>[];
		expect(Object.keys(rows[0] ?? {})).toEqual(SHORTLIST_CSV_COLUMNS);
		expect(rows[0]).toMatchObject({
			item_id: "'698123456789",
			title: "'@SUM(1,1)",
			shop: "'+1+cmd|' /C calc'!A0",
			saved_by: "'-2+3",
			price_when_saved: "12.5",
			moq: "3",
			saved_at: "2026-11-30T12:00:01.000Z",
		});
		expect(rows[1]).toMatchObject({
			title: cardAt(page, 0).title,
			url: cardAt(page, 0).url,
			saved_by: `'=HYPERLINK("https://evil.example")`,
			saved_by_id: ann.userId,
			command: "/category 1031910",
		});
		const empty = await shortlist.export(ben, { platform: "telegram", id: "-1" });
		expect(empty).toMatchObject({
			ok: true,
			view: { count: 0, text: "Nothing saved here yet: press ☆ Save on a card." },
		});
	});
});
