/** Where a chat page's cards come from: a range of one upstream page. */
export interface UpstreamSlice {
	readonly upstreamPage: number;
	/** Index range within that upstream page's items. */
	readonly start: number;
	readonly end: number;
}

/**
 * Maps chat page `page` of `viewSize` cards onto upstream pages of `upstreamSize` items. Usually one
 * upstream page serves several chat pages (20 items, 5 cards: four page turns per paid call); when the
 * sizes do not divide, a chat page can straddle two upstream pages.
 */
export function slicesFor(page: number, viewSize: number, upstreamSize: number): UpstreamSlice[] {
	const first = (page - 1) * viewSize;
	const last = first + viewSize;
	const slices: UpstreamSlice[] = [];
	for (let offset = first; offset < last; ) {
		const upstreamPage = Math.floor(offset / upstreamSize) + 1;
		const pageStart = (upstreamPage - 1) * upstreamSize;
		const end = Math.min(last - pageStart, upstreamSize);
		slices.push({ upstreamPage, start: offset - pageStart, end });
		offset = pageStart + end;
	}
	return slices;
}

/** How many chat pages `total` items fill. */
export function viewPageCount(total: number, viewSize: number): number {
	return Math.max(1, Math.ceil(total / viewSize));
}
