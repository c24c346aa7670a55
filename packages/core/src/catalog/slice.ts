/** Where a chat page's cards come from: a range of one upstream page. */
export interface UpstreamSlice {
	readonly upstreamPage: number;
	/** Index range within that upstream page's items. */
	readonly start: number;
	readonly end: number;
}

function isPositiveSafeInteger(n: number): boolean {
	return Number.isSafeInteger(n) && n >= 1;
}

/**
 * Maps chat page `page` of `viewSize` cards onto upstream pages of `upstreamSize` items. Usually one
 * upstream page serves several chat pages (20 items, 5 cards: four page turns per paid call); when the
 * sizes do not divide, a chat page can straddle two upstream pages.
 *
 * Bounded by construction: the loop runs once per upstream page the range touches, counted before it
 * starts, and a range of `viewSize` items touches at most ⌈(viewSize − 1) / upstreamSize⌉ + 1 pages:
 * at most 2 whenever `upstreamSize >= viewSize`, which the catalog guarantees. Every position is
 * computed exactly (the product `page × viewSize` must be a safe integer), so no rounding near 2^53 can
 * stall it; inputs outside that are a programming error (the schema bounds pages long before).
 *
 * @throws RangeError for a non-positive or unsafe page or size.
 */
export function slicesFor(page: number, viewSize: number, upstreamSize: number): UpstreamSlice[] {
	if (
		!isPositiveSafeInteger(page) ||
		!isPositiveSafeInteger(viewSize) ||
		!isPositiveSafeInteger(upstreamSize) ||
		!Number.isSafeInteger(page * viewSize)
	) {
		throw new RangeError(`no chat page ${page} of ${viewSize} over upstream pages of ${upstreamSize}`);
	}
	const first = (page - 1) * viewSize;
	const last = first + viewSize;
	const firstIndex = Math.floor(first / upstreamSize);
	const count = Math.floor((last - 1) / upstreamSize) - firstIndex + 1;
	const slices: UpstreamSlice[] = [];
	for (let i = 0; i < count; i += 1) {
		const pageStart = (firstIndex + i) * upstreamSize;
		slices.push({
			upstreamPage: firstIndex + i + 1,
			start: Math.max(first, pageStart) - pageStart,
			end: Math.min(last, pageStart + upstreamSize) - pageStart,
		});
	}
	return slices;
}

/** How many chat pages `total` items fill. */
export function viewPageCount(total: number, viewSize: number): number {
	return Math.max(1, Math.ceil(total / viewSize));
}
