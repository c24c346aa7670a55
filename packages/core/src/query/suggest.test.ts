import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, SUGGEST_MAX_WORD_LENGTH } from "./suggest.js";

describe("editDistance", () => {
	it.each([
		["", "", 0],
		["sort", "sort", 0],
		["sotr", "sort", 1],
		["srt", "sort", 1],
		["sortt", "sort", 1],
		["sart", "sort", 1],
		["freeshiping", "freeshipping", 1],
		["ca", "abc", 3],
		["page", "size", 3],
		["", "lang", 4],
		["日本", "日本語", 1],
	])("%j -> %j is %i", (a, b, distance) => {
		expect(editDistance(a, b)).toBe(distance);
	});

	it("is a symmetric distance bounded by the longer length", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
				const distance = editDistance(a, b);
				expect(distance).toBe(editDistance(b, a));
				expect(distance === 0).toBe(a === b);
				expect(distance).toBeLessThanOrEqual(Math.max(Array.from(a).length, Array.from(b).length));
			}),
		);
	});
});

describe("didYouMean", () => {
	const options = ["sort", "price", "page", "size", "lang", "freeshipping", "dropshipping"];

	it.each([
		["sotr", "sort"],
		["prcie", "price"],
		["pgae", "page"],
		["szie", "size"],
		["lnag", "lang"],
		["freeshiping", "freeshipping"],
		["dropshiping", "dropshipping"],
	])("suggests %j for %j", (word, expected) => {
		expect(didYouMean(word, options)).toBe(expected);
	});

	it.each(["x", "banana", "zzzz", "", "s".repeat(SUGGEST_MAX_WORD_LENGTH + 1)])(
		"stays quiet for %j",
		(word) => {
			expect(didYouMean(word, options)).toBeUndefined();
		},
	);

	it("prefers the closest candidate, then the earlier one", () => {
		expect(didYouMean("pag", ["size", "page", "pad"])).toBe("page");
		expect(didYouMean("pace", ["page", "pack"])).toBe("page");
		expect(didYouMean("pace", ["pack", "page"])).toBe("pack");
	});

	it("only suggests from the candidates", () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 40 }),
				fc.array(fc.string({ maxLength: 12 })),
				(word, candidates) => {
					const suggestion = didYouMean(word, candidates);
					if (suggestion !== undefined) expect(candidates).toContain(suggestion);
				},
			),
		);
	});
});
