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

	it("touches at most 2 upstream pages when they are at least as big as a chat page", () => {
		fc.assert(
			fc.property(
				fc
					.integer({ min: 1, max: 10 })
					.chain((view) =>
						fc.tuple(
							fc.constant(view),
							fc.integer({ min: view, max: 50 }),
							fc.integer({ min: 1, max: Math.floor(Number.MAX_SAFE_INTEGER / view) }),
						),
					),
				([view, upstream, page]) => {
					expect(slicesFor(page, view, upstream).length).toBeLessThanOrEqual(2);
				},
			),
		);
	});

	it("never makes more slices than the range can touch, whatever the sizes", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 10_000 }),
				fc.integer({ min: 1, max: 50 }),
				fc.integer({ min: 1, max: 50 }),
				(page, view, upstream) => {
					const slices = slicesFor(page, view, upstream);
					expect(slices.length).toBeLessThanOrEqual(Math.ceil((view - 1) / upstream) + 1);
					expect(slices.every((s) => s.start < s.end)).toBe(true);
				},
			),
		);
	});

	it.each([
		[9_007_199_254_740_984, 5, 20],
		[2_251_799_813_685_248, 10, 20],
		[0, 5, 20],
		[1.5, 5, 20],
		[Number.NaN, 5, 20],
		[1, 5, 0],
		[1, Number.POSITIVE_INFINITY, 20],
	])("refuses page %d of %d over %d at once instead of looping", (page, view, upstream) => {
		expect(() => slicesFor(page, view, upstream)).toThrow(RangeError);
	});

	it("is exact up to the largest safe position", () => {
		expect(slicesFor(Number.MAX_SAFE_INTEGER, 1, 20)).toEqual([
			{ upstreamPage: 450_359_962_737_050, start: 10, end: 11 },
		]);
	});

	it("counts chat pages", () => {
		expect(viewPageCount(137, 5)).toBe(28);
		expect(viewPageCount(0, 5)).toBe(1);
	});
});
