import { describe, expect, it } from "vitest";
import { entryFor, useRealdataServer } from "../test-support/realdata.js";

const { readPage, itemOf } = useRealdataServer();

describe("values read from real answers", () => {
	it("search answers: string ids, no has_next_page, sales and MOQ from their own fields, sore_info", async () => {
		const file = "real-search-items-crewai-054597b4.json";
		const page = await readPage(entryFor(file));
		// page 1 of 20 with total_count 132: more pages follow.
		expect(page).toMatchObject({ page: 1, pageSize: 20, totalCount: 132, hasNextPage: true });
		expect(page.items[0]).toMatchObject({
			itemId: "726594251410",
			title: "厂家定制九龙山新茶出口非洲乌兹绿茶茶叶greentea眉茶9366定做",
			price: 12,
			moq: 2,
			sales: 87000,
			salesLabel: "已售8.7万+件",
			salesWindow: "total",
			repurchaseRate: 100,
			shop: { name: "浙江省武义茶业有限公司", loginId: "武义茶业", score: 4.5 },
			delivery: { areaFrom: ["浙江", "武义县"] },
			categoryPath: ["10042", "10041", "2"],
		});
		// First price tiers "18千克" and "1件"; item_repurchase_rate "".
		expect(page.items[2]).toMatchObject({ itemId: "635474060330", moq: 18, repurchaseRate: null });
		expect(page.items[19]).toMatchObject({ itemId: "822659932568", moq: 1, sales: 10 });
	});

	it("search answers with no sales at all say so", async () => {
		const item = await itemOf("real-search-items-crewai-7e0c056e.json", "817980506940");
		expect(item).toMatchObject({ sales: null, salesLabel: null, moq: 1, shop: { score: 3.5 } });
	});

	it("global search: English title, price range, string MOQ, 90-day sales, a shop with no name", async () => {
		const item = await itemOf("real-global-search-jomadder-watch-p01.json", "787788421637");
		expect(item).toMatchObject({
			title:
				"Factory direct calendar steel band watch men's large dial quartz watch cross-border men's watch foreign trade men's watch wholesale",
			imageUrl: "https://cbu01-overseas.1688.com/img/ibank/O1CN01gc4MXZ2Ma9QWy734e_!!2207619389843-0-cib.jpg",
			price: 6.3,
			moq: 1,
			sales: 12023,
			salesLabel: "12023",
			salesWindow: "90d",
			shop: { name: null, loginId: null, score: null },
			delivery: { freeShipping: true },
		});
		const cloth = await itemOf("real-global-search-jomadder-cloths.json", "755536628895");
		expect(cloth).toMatchObject({ price: 25, moq: 2, sales: 2007 });
		expect(cloth.title).toMatch(/^Casual pants men's spring and autumn/);
	});

	it("the last wrapped global-search page has no next page", async () => {
		const page = await readPage(entryFor("real-global-search-jomadder-watch-p10.json"));
		expect(page).toMatchObject({ page: 10, hasNextPage: false });
	});

	it("shop items: total_count as a string, no product URL, 90-day sales, MOQ from quantity_begin", async () => {
		const page = await readPage(entryFor("sibling-shop-items-doc.json"));
		expect(page).toMatchObject({ page: 1, pageSize: 3, totalCount: 2465, hasNextPage: true });
		expect(page.items[0]).toMatchObject({
			itemId: "693334796781",
			url: "https://detail.1688.com/offer/693334796781.html",
			price: 3.9,
			moq: 2,
			sales: 12942,
			salesWindow: "90d",
			shop: { name: null },
		});
	});

	it("shop items v2: an image URL with four slashes, sales as a number", async () => {
		const page = await readPage(entryFor("sibling-shop-items-v2-doc-excerpt.json"));
		expect(page).toMatchObject({ totalCount: 162, hasNextPage: true });
		expect(page.items[0]).toMatchObject({
			itemId: "765000043412",
			imageUrl: "https://cbu01.alicdn.com/img/ibank/O1CN01LwXIfD1F0EqsmPKl9_!!1000960424-0-cib.jpg",
			price: 298,
			sales: 1,
			salesLabel: "1",
			salesWindow: "total",
		});
	});

	it("image search: a number MOQ, service_tags null, a shop URL with a query", async () => {
		const item = await itemOf("sibling-search-image-doc.json", "983093623752");
		expect(item).toMatchObject({
			moq: 1,
			sales: 5160,
			shop: {
				name: "广东瑜佃供应链管理有限公司",
				url: "http://gdytgc.1688.com?tracelog=p4p",
				years: 5,
				score: 4.5,
			},
		});
		const v2 = await itemOf("sibling-global-search-image-v2-doc.json", "908305897124");
		expect(v2).toMatchObject({ moq: null, sales: 0, salesWindow: "90d", price: 60, repurchaseRate: 0 });
	});

	it("the category docs keep reading as before", async () => {
		const v1 = await itemOf("category-v1-docs.json", "769734131977");
		expect(v1).toMatchObject({ moq: 3, sales: 60627, salesWindow: "total", buyerCount: 60044, price: 44 });
		const v2 = await itemOf("category-v2-docs.json", "740842253828");
		expect(v2).toMatchObject({ moq: 2, sales: 100000, salesLabel: "100000+", shop: { score: 4.5 } });
	});
});
