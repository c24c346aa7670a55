import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncateText } from "./truncate.js";

describe("truncateText", () => {
	it("keeps short text and cuts long text with an ellipsis", () => {
		expect(truncateText("dress", 10)).toBe("dress");
		expect(truncateText("summer dress for women", 10)).toBe("summer dr…");
	});

	it("never splits a surrogate pair or an emoji sequence", () => {
		expect(truncateText("ab👩‍👩‍👧‍👦cd", 5)).toBe("ab…");
		expect(truncateText("😀😀😀😀", 5)).toBe("😀😀…");
	});

	it("always fits and always yields well-formed text", () => {
		fc.assert(
			fc.property(
				fc.string({ unit: "grapheme", maxLength: 200 }),
				fc.integer({ min: 2, max: 100 }),
				(text, max) => {
					const out = truncateText(text, max);
					expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
					expect(Buffer.from(out, "utf8").toString("utf8")).toBe(out);
				},
			),
		);
	});
});
