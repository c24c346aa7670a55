import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
	answer,
	entryFor,
	manifest,
	SEARCH_ENDPOINTS,
	searchPages,
	sent,
	useRealdataServer,
} from "../test-support/realdata.js";
import { SearchPageSchema } from "./product.js";

const { requests, readSearchPage, searchItemOf } = useRealdataServer();

describe("every keyword-search answer reads through its own client call", () => {
	it("covers every search file of the manifest", () => {
		const files = searchPages.map((e) => e.file);
		const wanted = manifest
			.map((e) => e.file)
			.filter((f) => /^real-(search-items|global-search)-.*\.json$/.test(f));
		expect(wanted.length).toBeGreaterThanOrEqual(57);
		expect(files).toEqual(expect.arrayContaining(wanted));
		expect(files).toContain("sibling-search-items-doc.json");
		expect(files).toContain("sibling-global-search-items-doc.json");
		expect(files).toHaveLength(wanted.length + 2);
	});

	it.each(searchPages)(
		"$file ($api) with no schema error and no item left out",
		async ({ file, index, api }) => {
			const raw = answer(file).data;
			const rawItems = raw?.items ?? [];
			const page = await readSearchPage(index);
			expect(v.is(SearchPageSchema, page)).toBe(true);
			expect(page.api).toBe(api);
			expect(page).toMatchObject({ droppedItems: 0, duplicateItems: 0 });
			expect(requests.at(-1)).toBe(`/${index}${SEARCH_ENDPOINTS[api]}`);
			expect(page.items.map((p) => p.itemId)).toEqual(rawItems.map((i) => String(i.item_id)));
			if (raw?.total_count !== undefined) expect(page.totalCount).toBe(raw.total_count);
			page.items.forEach((product, i) => {
				const item = rawItems[i] ?? { item_id: null };
				const sale = item.sale_info ?? {};
				expect(product.title).toBe(item.title?.trim());
				expect(product.url).toBe(`https://detail.1688.com/offer/${product.itemId}.html`);
				expect(product.imageUrl).toMatch(/^https:\/\/cbu01(-overseas)?\.(alicdn|1688)\.com\/[^/]/);
				// Native search counts all sales, global search 90 days.
				const window = sent(sale.sale_quantity, sale.sale_quantity_int) ? "total" : "90d";
				expect(product.salesWindow).toBe(api === "search" ? "total" : window);
				expect(product.sales !== null).toBe(
					sent(sale.sale_quantity, sale.sale_quantity_int, sale.sale_quantity_90days),
				);
				expect(product.moq !== null).toBe(
					sent(item.moq, item.quantity_begin, item.quantity_prices?.[0]?.begin_num),
				);
				const scores = item.shop_info;
				expect(product.shop.score !== null).toBe(
					sent(scores?.score_info?.composite_score, scores?.sore_info?.composite_new_score),
				);
			});
		},
	);
});

describe("values read from real search answers", () => {
	it("search/items: a string item_id, MOQ from a tier with a unit, sore_info's score, sales text", async () => {
		const page = await readSearchPage(entryFor("real-search-items-crewai-054597b4.json"));
		// No has_next_page: page 1 of 20 with total_count 132 has more.
		expect(page).toMatchObject({ api: "search", keyword: "京骏眉茶 500克", page: 1, pageSize: 20 });
		expect(page).toMatchObject({ totalCount: 132, hasNextPage: true });
		expect(page.raw.data.has_next_page).toBeUndefined();
		expect(page.items[0]).toMatchObject({
			itemId: "726594251410",
			price: 12,
			moq: 2,
			sales: 87000,
			salesLabel: "已售8.7万+件",
			salesWindow: "total",
			shop: { name: "浙江省武义茶业有限公司", score: 4.5 },
			categoryPath: ["10042", "10041", "2"],
		});
		// Tiers "18千克" and "12双": the unit is dropped, the count kept.
		expect(page.items.find((p) => p.itemId === "635474060330")?.moq).toBe(18);
		expect(page.items.find((p) => p.itemId === "628929951955")?.moq).toBe(12);
		expect(page.items.find((p) => p.itemId === "795717455695")?.shop.score).toBe(5);
	});

	it("search/items: a null sale quantity is no sales; a MOQ of '1000PCS'; total_count 2000 pages on", async () => {
		const page = await readSearchPage(entryFor("real-search-items-crewai-7e0c056e.json"));
		expect(page).toMatchObject({ pageSize: 10, totalCount: 2000, hasNextPage: true });
		const none = page.items.find((p) => p.itemId === "817980506940");
		expect(none).toMatchObject({ sales: null, salesLabel: null, moq: 1 });
		expect(await searchItemOf("real-search-items-crewai-7e0c056e.json", "668203919248")).toMatchObject({
			moq: 1000,
			sales: 100000,
		});
	});

	it("search/items: total_count 129 on page 1 of 20 leaves pages to read", async () => {
		const page = await readSearchPage(entryFor("real-search-items-crewai-c434f5ae.json"));
		expect(page).toMatchObject({ keyword: "靖江眉茶 500克", totalCount: 129, hasNextPage: true });
	});

	it("search/items docs: a number item_id, a number MOQ, score_info, null origin_price", async () => {
		const item = await searchItemOf("sibling-search-items-doc.json", "973927556856");
		expect(item).toMatchObject({ moq: 2, price: 56, originalPrice: null, sales: 300, shop: { score: 4 } });
		expect(item.categoryPath).toEqual(["315", "10165"]);
	});

	it("global search: English title, a price range, MOQ from quantity_begin, 90-day sales", async () => {
		const item = await searchItemOf("real-global-search-jomadder-homedecor-p01.json", "663172009591");
		expect(item).toMatchObject({ price: 3.1, priceMax: 9.3, moq: 1, sales: 7621, salesWindow: "90d" });
		expect(item.title).not.toMatch(/\p{Script=Han}/u);
		expect(item.shop).toMatchObject({ name: null, loginId: null, score: null });
		// min = max is one price, not a range.
		const flat = await searchItemOf("real-global-search-jomadder-homedecor-p01.json", "782784458290");
		expect(flat).toMatchObject({ price: 8.9, moq: 2 });
		expect(flat).not.toHaveProperty("priceMax");
	});

	it("global search: origin_title instead of title_origin still shows the English title", async () => {
		const item = await searchItemOf("real-global-search-jomadder-cloths.json", "755536628895");
		expect(item.title).toMatch(/^Casual pants men's spring and autumn/);
		expect(item).toMatchObject({ price: 25, moq: 2, sales: 2007 });
	});

	it("global search docs: page_size 2 with has_next_page, the keyword asked for", async () => {
		const page = await readSearchPage(entryFor("sibling-global-search-items-doc.json"));
		expect(page).toMatchObject({ api: "global", page: 1, pageSize: 2, hasNextPage: true });
		expect(page.totalCount).toBeUndefined();
		expect(page.items[0]).toMatchObject({ itemId: "850588705676", price: 35, moq: 1, sales: 2880 });
	});
});
