import { readFileSync } from "node:fs";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../test-support/arbitraries.js";
import { normalizeV1Page, normalizeV2Page } from "../tmapi/normalize.js";
import type { Product } from "../tmapi/product.js";
import { V1DataSchema, V2DataSchema } from "../tmapi/schemas.js";
import { SAVED_TITLE_MAX, SavedCardSchema, savedCardFromProduct } from "./savedCard.js";

// Real captured TMAPI answers, read where they are kept; every product they hold must give a storable card.
const REALDATA = new URL("../../../../../shared/realdata/", import.meta.url);
interface ManifestEntry {
	readonly file: string;
	readonly serveAs: string;
	readonly status?: number;
}
function realProducts(): Product[] {
	const read = (file: string) => JSON.parse(readFileSync(new URL(file, REALDATA), "utf8"));
	const manifest = read("manifest.json") as ManifestEntry[];
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
