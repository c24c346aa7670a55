import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slicesFor, viewPageCount } from "./slice.js";

describe("slicesFor", () => {
	it.each([
		[1, 5, 20, [{ upstreamPage: 1, start: 0, end: 5 }]],
		[4, 5, 20, [{ upstreamPage: 1, start: 15, end: 20 }]],
		[5, 5, 20, [{ upstreamPage: 2, start: 0, end: 5 }]],
		[
			7,
			3,
			20,
			[
				{ upstreamPage: 1, start: 18, end: 20 },
				{ upstreamPage: 2, start: 0, end: 1 },
			],
		],
		[
			2,
			10,
			5,
			[
				{ upstreamPage: 3, start: 0, end: 5 },
				{ upstreamPage: 4, start: 0, end: 5 },
			],
		],
	])("page %d of %d cards over upstream pages of %d", (page, view, upstream, expected) => {
		expect(slicesFor(page, view, upstream)).toEqual(expected);
	});

	it("covers exactly the chat page's item range", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 500 }),
				fc.integer({ min: 1, max: 10 }),
				fc.integer({ min: 1, max: 50 }),
				(page, view, upstream) => {
					const positions = slicesFor(page, view, upstream).flatMap((s) =>
						Array.from({ length: s.end - s.start }, (_, i) => (s.upstreamPage - 1) * upstream + s.start + i),
					);
					expect(positions).toEqual(Array.from({ length: view }, (_, i) => (page - 1) * view + i));
				},
			),
		);
	});

	it("counts chat pages", () => {
		expect(viewPageCount(137, 5)).toBe(28);
		expect(viewPageCount(0, 5)).toBe(1);
	});
});
