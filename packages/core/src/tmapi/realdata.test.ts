import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTmapiClient } from "./client.js";
import { TmapiApiError } from "./errors.js";
import type { CategoryItems } from "./normalize.js";
import { CategoryInfoSchema, CategoryPageSchema, type Product } from "./product.js";

// Real TMAPI answers, read where they are kept (the repository's sibling `shared/realdata`), never copied
// here. Each is served from a loopback server the way the external check serves it (manifest `serveAs`),
// and read by the real client.
const REALDATA = new URL("../../../../../shared/realdata/", import.meta.url);
const TOKEN = "realdata-test-token";

interface ManifestEntry {
	readonly file: string;
	readonly serveAs: "v1" | "v2" | "info";
	readonly group: string;
	readonly status?: number;
	readonly expectCode?: number;
}

interface RawItem {
	readonly item_id: unknown;
	readonly title?: string;
	readonly moq?: unknown;
	readonly quantity_begin?: unknown;
	readonly quantity_prices?: readonly { readonly begin_num?: unknown }[];
	readonly sales_count?: unknown;
	readonly sale_info?: Record<string, unknown>;
	readonly shop_info?: {
		readonly score_info?: Record<string, unknown>;
		readonly sore_info?: Record<string, unknown>;
	};
}

interface Answer {
	readonly code: number;
	readonly msg: string;
	readonly data?: { readonly items?: readonly RawItem[]; readonly children?: unknown[] };
}

/** Whether any of the values is something other than null, absent or "". */
const sent = (...values: unknown[]) => values.some((x) => x !== undefined && x !== null && x !== "");

const ENDPOINTS = {
	v1: "/1688/category/items",
	v2: "/1688/category/items/v2",
	info: "/1688/category/info",
} as const;

function readText(file: string): string {
	return readFileSync(new URL(file, REALDATA), "utf8");
}

const manifest = JSON.parse(readText("manifest.json")) as ManifestEntry[];
const answer = (file: string) => JSON.parse(readText(file)) as Answer;
const entryFor = (file: string) => {
	const index = manifest.findIndex((e) => e.file === file && e.status === undefined);
	if (index < 0) throw new Error(`${file} is not in the manifest`);
	return index;
};

// One server for all entries: entry i answers under `/i/<its endpoint>` only, so a client whose base URL
// is `/i` and which calls the wrong endpoint gets a 404, not someone else's answer.
let server: Server;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		requests.push(url.pathname);
		const [, index, ...rest] = url.pathname.split("/");
		const entry = manifest[Number(index)];
		if (entry === undefined || `/${rest.join("/")}` !== ENDPOINTS[entry.serveAs]) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(entry.status ?? 200, { "content-type": "application/json" }).end(readText(entry.file));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

function clientFor(index: number) {
	return createTmapiClient({ apiToken: TOKEN, baseUrl: `${origin}/${index}`, retries: 0 });
}

async function readPage(index: number): Promise<CategoryItems<"v1"> | CategoryItems<"v2">> {
	const entry = manifest[index];
	const client = clientFor(index);
	return entry?.serveAs === "v1"
		? client.categoryItems({ catId: 1031910 })
		: client.categoryItemsV2({ catId: 1031910 });
}

async function itemOf(file: string, itemId: string): Promise<Product> {
	const page = await readPage(entryFor(file));
	const item = page.items.find((p) => p.itemId === itemId);
	if (!item) throw new Error(`${itemId} not read from ${file}`);
	return item;
}

const indexed = manifest.map((entry, index) => ({ ...entry, index }));
const itemPages = indexed.filter((e) => e.group !== "error" && e.serveAs !== "info");

describe("every real success answer reads", () => {
	it("covers the whole manifest", () => {
		expect(itemPages.length).toBeGreaterThanOrEqual(60);
		expect(indexed.filter((e) => e.serveAs === "info")).toHaveLength(2);
		expect(indexed.filter((e) => e.group === "error")).toHaveLength(2);
	});

	it.each(itemPages)(
		"$file ($serveAs) with no schema error and no item left out",
		async ({ file, index }) => {
			const rawItems = answer(file).data?.items ?? [];
			const page = await readPage(index);
			expect(v.is(CategoryPageSchema, page)).toBe(true);
			expect(page.droppedItems).toBe(0);
			expect(page.duplicateItems).toBe(0);
			expect(page.items.map((p) => p.itemId)).toEqual(rawItems.map((i) => String(i.item_id)));
			page.items.forEach((product, i) => {
				const raw = rawItems[i] ?? { item_id: null };
				const sale = raw.sale_info ?? {};
				const score = [
					raw.shop_info?.score_info?.composite_score,
					raw.shop_info?.sore_info?.composite_new_score,
				];
				expect(product.title).toBe(raw.title?.trim());
				expect(product.url).toMatch(/^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);
				expect(product.imageUrl).toMatch(/^https:\/\/cbu01(-overseas)?\.(alicdn|1688)\.com\/[^/]/);
				// Whatever field carried sales, MOQ or a shop score, the product has it.
				const sales = [
					raw.sales_count,
					sale.sale_quantity,
					sale.sale_quantity_int,
					sale.sale_quantity_90days,
				];
				expect(product.sales !== null).toBe(sent(...sales));
				expect(product.moq !== null).toBe(
					sent(raw.moq, raw.quantity_begin, raw.quantity_prices?.[0]?.begin_num),
				);
				expect(product.shop.score !== null).toBe(sent(...score));
			});
		},
	);

	it.each(indexed.filter((e) => e.serveAs === "info"))(
		"$file (info) with its children and breadcrumb",
		async ({ file, index }) => {
			const info = await clientFor(index).categoryInfo(201149004);
			expect(v.is(CategoryInfoSchema, info)).toBe(true);
			expect(info.category).toMatchObject({
				id: "201149004",
				name: "儿童饰品",
				nameEn: "Children's Jewelry",
			});
			expect(info.children).toHaveLength(answer(file).data?.children?.length ?? -1);
			expect(info.path.map((c) => c.id)).toEqual(["54", "201149004"]);
		},
	);

	it("called each file's own endpoint", () => {
		for (const path of requests) {
			const [, index, ...rest] = path.split("/");
			const entry = manifest[Number(index)];
			expect(entry && `/${rest.join("/")}`).toBe(entry && ENDPOINTS[entry.serveAs]);
		}
	});
});

describe("the real error answer", () => {
	it.each(indexed.filter((e) => e.group === "error"))(
		"$file served with HTTP $status is a TmapiApiError with its code and message",
		async ({ file, index, status, expectCode }) => {
			const error = await readPage(index).then(
				() => null,
				(e: unknown) => e,
			);
			expect(error).toBeInstanceOf(TmapiApiError);
			expect(error).toMatchObject({
				code: expectCode,
				status,
				reason: "error-code",
				retryable: false,
				upstreamMessage: answer(file).msg,
			});
			expect((error as TmapiApiError).upstreamMessage).toBe(
				"Invalid image url. Please first use the convert endpoint",
			);
		},
	);
});

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
