import { describe, expect, it } from "vitest";
import { createCatalogData } from "./catalog.js";
import { DEFAULT_SEED, DEMO_CATEGORY_IDS, KNOWN_ITEM_COUNTS } from "./constants.js";
import { createRandom, mixSeed } from "./random.js";
import { salesLabel } from "./salesLabel.js";
import { LANGUAGES } from "./vocabulary.js";

describe("createCatalogData", () => {
	it("generates the same items for the same seed, whatever the access order", () => {
		const a = createCatalogData(7);
		const b = createCatalogData(7);
		b.items(12345);
		expect(a.items(DEMO_CATEGORY_IDS.dresses)).toEqual(b.items(DEMO_CATEGORY_IDS.dresses));
		expect(a.items(424242)).toEqual(b.items(424242));
	});

	it("generates different items for a different seed", () => {
		const a = createCatalogData(1).items(DEMO_CATEGORY_IDS.dresses);
		const b = createCatalogData(2).items(DEMO_CATEGORY_IDS.dresses);
		expect(a.map((i) => i.itemId)).not.toEqual(b.map((i) => i.itemId));
	});

	it("keeps the documented counts for well-known ids and 40..250 for others", () => {
		const catalog = createCatalogData(DEFAULT_SEED);
		for (const [id, count] of Object.entries(KNOWN_ITEM_COUNTS)) {
			expect(catalog.items(Number(id))).toHaveLength(count);
		}
		for (const id of [1, 77, 2_000_000_000_123]) {
			const count = catalog.items(id).length;
			expect(count).toBeGreaterThanOrEqual(40);
			expect(count).toBeLessThanOrEqual(250);
		}
	});

	it("gives 12-digit unique ids, https or protocol-relative images, and some blank prices", () => {
		const items = createCatalogData(DEFAULT_SEED).items(DEMO_CATEGORY_IDS.sunglasses);
		expect(new Set(items.map((i) => i.itemId)).size).toBe(items.length);
		for (const item of items) expect(String(item.itemId)).toMatch(/^\d{12}$/);
		expect(items.some((i) => i.img.startsWith("//cbu01.alicdn.com/"))).toBe(true);
		expect(items.some((i) => i.img.startsWith("https://cbu01.alicdn.com/"))).toBe(true);
		expect(items.some((i) => i.v1PriceBlank)).toBe(true);
		expect(items.some((i) => i.v2PriceBlank)).toBe(true);
		expect(items.some((i) => i.originPriceFen === undefined)).toBe(true);
	});

	it("repeats page 1's last item at the start of page 2 in the duplicate category", () => {
		const items = createCatalogData(DEFAULT_SEED).items(DEMO_CATEGORY_IDS.duplicateOnPage2);
		expect(items[20]?.itemId).toBe(items[19]?.itemId);
		expect(new Set(items.map((i) => i.itemId)).size).toBe(items.length - 1);
	});

	it("puts the hostile titles first in the quirky category, in every language", () => {
		const items = createCatalogData(DEFAULT_SEED).items(DEMO_CATEGORY_IDS.quirkyTitles);
		for (const language of LANGUAGES) {
			const titles = items.slice(0, 5).map((i) => i.titles[language]);
			expect(titles[0]).toMatch(/<.*&.*\*.*_/);
			expect(titles[1]).toMatch(/\p{Extended_Pictographic}/u);
			expect(titles[2]).toContain("@everyone");
			expect(titles[3]?.length).toBeGreaterThan(300);
			expect(titles[4]).toContain("`");
		}
		expect(items[0]?.titles.en).not.toBe(items[0]?.titles.zh);
	});
});

describe("mixSeed", () => {
	it("separates ids beyond 32 bits", () => {
		expect(mixSeed(1, 2 ** 32 + 5)).not.toBe(mixSeed(1, 5));
	});
});

describe("salesLabel", () => {
	it("formats like v2's sale_quantity_90days", () => {
		const random = createRandom(3);
		expect(salesLabel(250_000, random)).toBe("100000+");
		expect(salesLabel(12_345, random)).toBe("1.2万");
		expect(salesLabel(20_000, random)).toBe("2万");
		expect(salesLabel(56, random)).toBe("56");
		expect(["300+", "已售300+件"]).toContain(salesLabel(345, random));
	});
});
