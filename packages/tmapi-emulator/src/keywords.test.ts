import { describe, expect, it } from "vitest";
import { createCatalogData } from "./catalog.js";
import { CATEGORY_TREE } from "./categories.js";
import { DEFAULT_SEED, DEMO_CATEGORY_IDS, DEMO_SEARCH_KEYWORDS, KNOWN_SEARCH_COUNTS } from "./constants.js";
import { categoriesForKeyword, matchKeyword, normalizeKeyword } from "./keywords.js";
import { pythonPrice, soldLabel } from "./searchExtras.js";

const catIds = (keyword: string): number[] => matchKeyword(keyword).map((c) => c.catId);

describe("matchKeyword", () => {
	it("finds categories by product or category name in every language", () => {
		const dresses = DEMO_CATEGORY_IDS.dresses;
		for (const keyword of [
			"连衣裙",
			"Dress",
			"dresses",
			"платье",
			"Váy liền",
			"ワンピース",
			"원피스",
			"夏季连衣裙批发",
		]) {
			expect(catIds(keyword)).toEqual([dresses]);
		}
		expect(catIds("女装")).toEqual([dresses, 127424004, 1031918]);
		expect(catIds("sunglasses")).toEqual([DEMO_CATEGORY_IDS.sunglasses]);
	});

	it("prefers the longest term and needs word boundaries outside Chinese, Japanese and Korean", () => {
		expect(catIds("运动鞋")).toEqual([1038379]);
		// A category with children stands for its leaves.
		expect(catIds("鞋子")).toEqual([1038379, 1038380]);
		expect(catIds("brand new")).toEqual([]);
		expect(catIds("bras")).toEqual([1031802]);
		// A product with no leaf of its own points at its top-level category.
		expect(catIds("gold necklace")).toEqual([54]);
		expect(catIds("马克杯")).toEqual([]);
	});

	it("keeps the order the keyword names categories in, at most three", () => {
		expect(catIds("sandals and sneakers")).toEqual([1038380, 1038379]);
		expect(catIds("口红 面膜 手机壳 数据线")).toHaveLength(3);
	});
});

describe("categoriesForKeyword", () => {
	it("maps any other keyword to 1..3 leaves of the tree, the same way every time", () => {
		for (const keyword of ["马克杯", "人工智能技术趋势分析", "zzz", "  ZZZ  "]) {
			const categories = categoriesForKeyword(keyword, DEFAULT_SEED);
			expect(categories.length).toBeGreaterThanOrEqual(1);
			expect(categories.length).toBeLessThanOrEqual(3);
			for (const { catId } of categories) expect(CATEGORY_TREE.get(catId)?.childIds).toEqual([]);
			expect(categoriesForKeyword(keyword, DEFAULT_SEED)).toEqual(categories);
		}
		expect(categoriesForKeyword("  ZZZ  ", DEFAULT_SEED)).toEqual(categoriesForKeyword("zzz", DEFAULT_SEED));
	});

	it("normalizes width, case and spacing", () => {
		expect(normalizeKeyword("  Ｄｒｅｓｓ \t Red ")).toBe("dress red");
	});
});

describe("search pools", () => {
	it("keep the fixed counts of the demo keywords and put most items in the first category", () => {
		const catalog = createCatalogData(DEFAULT_SEED);
		for (const [keyword, count] of Object.entries(KNOWN_SEARCH_COUNTS)) {
			expect(catalog.search(keyword).items).toHaveLength(Math.min(count, 2000));
		}
		const { items, categories } = catalog.search(DEMO_SEARCH_KEYWORDS.docsSample);
		const first = items.filter((i) => i.categoryId === categories[0]?.catId).length;
		expect(first / items.length).toBeGreaterThan(0.5);
		expect(new Set(items.map((i) => i.itemId)).size).toBe(items.length);
	});

	it("differ by seed and not by access order", () => {
		const a = createCatalogData(3);
		const b = createCatalogData(3);
		b.search("другое");
		expect(a.search("кружка").items).toEqual(b.search("кружка").items);
		expect(createCatalogData(4).search("кружка").items[0]?.itemId).not.toBe(
			a.search("кружка").items[0]?.itemId,
		);
	});
});

describe("search value formats", () => {
	it("labels sales like search/items", () => {
		expect(soldLabel(5)).toEqual({ text: null, int: null });
		expect(soldLabel(57)).toEqual({ text: "已售50+件", int: 50 });
		expect(soldLabel(2345)).toEqual({ text: "已售2300+件", int: 2300 });
		expect(soldLabel(10_400)).toEqual({ text: "已售1.0万+件", int: 10_000 });
		expect(soldLabel(87_654)).toEqual({ text: "已售8.7万+件", int: 87_000 });
		expect(soldLabel(250_000)).toEqual({ text: "已售10万+件", int: 100_000 });
	});

	it("prints prices the way global search does", () => {
		expect(pythonPrice(630)).toBe("6.3");
		expect(pythonPrice(4200)).toBe("42.0");
		expect(pythonPrice(459)).toBe("4.59");
	});
});
