import { readFileSync } from "node:fs";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { parseSearchCommand } from "../query/searchParse.js";
import { type SearchQuery, toSearchQuery } from "../query/searchSchema.js";
import { DEFAULTS } from "../test-support/arbitraries.js";
import { normalizeV1Page, normalizeV2Page } from "../tmapi/normalize.js";
import type { Product } from "../tmapi/product.js";
import { SearchDataSchema, V1DataSchema, V2DataSchema } from "../tmapi/schemas.js";
import { normalizeSearchPage } from "../tmapi/searchNormalize.js";
import { SAVED_TITLE_MAX, SavedCardSchema, savedCardFromProduct } from "./savedCard.js";

// Real captured TMAPI answers, read where they are kept; every product they hold must give a storable card.
const REALDATA = new URL("../../../../../shared/realdata/", import.meta.url);
interface ManifestEntry {
	readonly file: string;
	readonly serveAs: string;
	readonly origin: string;
	readonly status?: number;
}
const read = (file: string) => JSON.parse(readFileSync(new URL(file, REALDATA), "utf8"));
const manifest = read("manifest.json") as ManifestEntry[];

function realProducts(): Product[] {
	return manifest
		.filter((entry) => entry.status === undefined && (entry.serveAs === "v1" || entry.serveAs === "v2"))
		.flatMap((entry) => {
			const answer = read(entry.file);
			const data = answer.data ?? answer;
			return entry.serveAs === "v1"
				? normalizeV1Page(v.parse(V1DataSchema, data), 1).items
				: normalizeV2Page(v.parse(V2DataSchema, data), 1, 20).items;
		});
}

/** The real answers of one keyword endpoint, read as the client reads them. */
function realSearchProducts(api: "search" | "global"): Product[] {
	const path = api === "search" ? "/1688/search/items" : "/1688/global/search/items";
	return manifest
		.filter((entry) => entry.status === undefined && /^real-/.test(entry.file))
		.filter((entry) => /^GET (\S+)/.exec(entry.origin)?.[1] === path)
		.flatMap((entry) => {
			const data = v.parse(SearchDataSchema, read(entry.file).data);
			return normalizeSearchPage(api, data, { page: 1, pageSize: 20 }).items;
		});
}

function search(input: Record<string, unknown>): SearchQuery {
	const result = toSearchQuery({ page: 1, pageSize: 5, ...input });
	if (!result.ok) throw new Error(result.problems.join("; "));
	return result.query;
}

describe("savedCardFromProduct", () => {
	const products = realProducts();

	it("turns every real product into a card the store schema accepts", () => {
		expect(products.length).toBeGreaterThan(500);
		for (const product of products) {
			const card = savedCardFromProduct({
				product,
				query: { ...DEFAULTS, catId: 1031922, sort: "sales", page: 7 },
				categoryName: "Sunglasses",
				savedBy: { userId: "42", name: "Ann" },
				savedAt: 1_700_000_000_000,
			});
			expect(v.safeParse(SavedCardSchema, card).issues).toBeUndefined();
			expect(card).toMatchObject({
				itemId: product.itemId,
				productUrl: product.url,
				price: product.price,
				currency: product.currency,
				moq: product.moq,
				shopName: product.shop.name,
				categoryId: 1031922,
				// The chat page is not part of what the card came from.
				command: "/category 1031922 sort:sales",
				savedBy: { userId: "42", name: "Ann" },
			});
		}
	});

	it("cuts texts to the schema's bounds and drops values the schema refuses", () => {
		const [first] = products;
		if (!first) throw new Error("no real product");
		const card = savedCardFromProduct({
			product: { ...first, title: "长".repeat(2_000), price: Number.NaN, imageUrl: "javascript:alert(1)" },
			query: { ...DEFAULTS, catId: 5 },
			savedBy: { userId: "7" },
			savedAt: 0,
		});
		expect(card.title.length).toBeLessThanOrEqual(SAVED_TITLE_MAX);
		expect(card.title.endsWith("…")).toBe(true);
		expect(card.price).toBeNull();
		expect(card.imageUrl).toBeNull();
		expect(card.savedBy.name).toBeNull();
		expect(v.safeParse(SavedCardSchema, card).issues).toBeUndefined();
	});
});

describe("savedCardFromProduct for a keyword search", () => {
	const saved = { savedBy: { userId: "42", name: "Ann" }, savedAt: 1_700_000_000_000 };

	it("takes the category from a native search item's path, leaf first, and stores the /search command", () => {
		const products = realSearchProducts("search");
		expect(products.length).toBeGreaterThan(200);
		const query = search({ keyword: "太阳镜", sort: "sales", priceMax: 50, page: 4 });
		let withCategory = 0;
		for (const product of products) {
			const card = savedCardFromProduct({ ...saved, product, query, categoryName: null });
			expect(v.safeParse(SavedCardSchema, card).issues).toBeUndefined();
			const leaf = product.categoryPath[0];
			expect(card.categoryId).toBe(leaf === undefined ? null : Number(leaf));
			if (card.categoryId !== null) withCategory += 1;
			expect(card.categoryName).toBeNull();
			expect(card.command).toBe("/search 太阳镜 sort:sales price:-50");
		}
		// Real native answers do send paths, and some items come without one.
		expect(withCategory).toBeGreaterThan(200);
		expect(withCategory).toBeLessThan(products.length);
		const sunglasses = products.find((product) => product.categoryPath.join(">") === "1031922>80>54");
		if (!sunglasses) throw new Error("no real sunglasses item");
		expect(savedCardFromProduct({ ...saved, product: sunglasses, query }).categoryId).toBe(1031922);
	});

	it("gives a global search item no category, and keeps the name the caller passes", () => {
		const products = realSearchProducts("global");
		expect(products.length).toBeGreaterThan(500);
		const query = search({ keyword: "Summer  Dress", language: "ru", freeShipping: true });
		for (const product of products) {
			const card = savedCardFromProduct({ ...saved, product, query, categoryName: "summer dress" });
			expect(v.safeParse(SavedCardSchema, card).issues).toBeUndefined();
			expect(card).toMatchObject({
				categoryId: null,
				categoryName: "summer dress",
				command: "/search summer dress free_shipping lang:ru",
			});
		}
	});

	it("stores a command that reads back as the same search on page 1", () => {
		const [product] = realSearchProducts("global");
		if (!product) throw new Error("no real product");
		const query = search({ keyword: "led strip", api: "native", sort: "price_up", page: 9, pageSize: 10 });
		const card = savedCardFromProduct({ ...saved, product, query });
		expect(card.command).toBe("/search led strip api:native sort:price_up size:10");
		const back = parseSearchCommand(card.command);
		expect(back).toEqual({ ok: true, query: { ...query, page: 1 } });
	});

	it.each([
		[["1031922", "80", "54"], 1031922],
		[["99999999999"], 99_999_999_999],
		[[], null],
		[["0"], null],
		[["007"], null],
		[["100000000000"], null],
		[["12a"], null],
		[[" 5"], null],
		[["", "80"], null],
		[["1e3"], null],
	] as const)("reads path %j as category %s", (path, expected) => {
		const [first] = realSearchProducts("search");
		if (!first) throw new Error("no real product");
		const product = { ...first, categoryPath: [...path] };
		const card = savedCardFromProduct({ ...saved, product, query: search({ keyword: "dress" }) });
		expect(card.categoryId).toBe(expected);
		expect(v.safeParse(SavedCardSchema, card).issues).toBeUndefined();
	});

	it("refuses a card whose category id is out of bounds, and takes null", () => {
		const [product] = realProducts();
		if (!product) throw new Error("no real product");
		const card = savedCardFromProduct({ ...saved, product, query: DEFAULTS });
		expect(v.is(SavedCardSchema, { ...card, categoryId: null })).toBe(true);
		for (const categoryId of [0, -1, 1.5, 100_000_000_000, Number.NaN, "5", undefined]) {
			expect(v.is(SavedCardSchema, { ...card, categoryId })).toBe(false);
		}
	});
});
