import { CATEGORY_ID_MAX, SHORTLIST_PAGES_MAX, WATCH_POSITION_MAX } from "@catbot/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CALLBACK_DATA_MAX_BYTES, decodeAction, encodeAction } from "./callbackData.js";

/** Data shaped like what the bot writes, mutated, plus noise: what a forged or garbled press can carry. */
const pressData = fc.oneof(
	fc.string({ maxLength: 80 }),
	fc.string({ unit: "binary", maxLength: 80 }),
	fc
		.tuple(
			fc.constantFrom(
				"p|",
				"c1|",
				"s9|",
				"v7|",
				"sl|",
				"rm1|",
				"wr|",
				"b|",
				"b",
				"n",
				"v999999|",
				"rm20000|",
			),
			fc.oneof(fc.stringMatching(/^[\w|-]{0,60}$/), fc.integer().map(String), fc.string({ maxLength: 20 })),
		)
		.map(([head, rest]) => head + rest),
);

describe("callback data on any input", () => {
	it("accepts only what encodeAction writes, with every number in its bounds", () => {
		fc.assert(
			fc.property(pressData, (data) => {
				const action = decodeAction(data);
				if (action === null) return;
				// Canonical: nothing the encoder would not write back byte for byte gets through.
				expect(encodeAction(action)).toBe(data);
				expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
				if (action.kind === "shortlist" || action.kind === "remove") {
					expect(action.page >= 1 && action.page <= SHORTLIST_PAGES_MAX).toBe(true);
				}
				if (action.kind === "unwatch")
					expect(action.position >= 1 && action.position <= WATCH_POSITION_MAX).toBe(true);
				if (action.kind === "save")
					expect(Number.isSafeInteger(action.position) && action.position >= 1).toBe(true);
				if (action.kind === "browse" && action.catId !== undefined) {
					expect(action.catId >= 1 && action.catId <= CATEGORY_ID_MAX).toBe(true);
				}
			}),
			{ numRuns: 5000 },
		);
	});
});
