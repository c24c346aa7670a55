import { DEMO_CATEGORY_IDS, KNOWN_ITEM_COUNTS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { TEST_TOKEN, useEmulator } from "../test-support/emulator.js";
import { createTmapiClient } from "./client.js";
import { hasNextPage, hasPreviousPage, pageCount, paginate } from "./paginate.js";

const emu = useEmulator();
const client = () => createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: emu.current.url, retryDelayMs: 1 });

function knownCount(catId: number): number {
	const count = KNOWN_ITEM_COUNTS[catId];
	if (count === undefined) throw new Error(`the emulator documents no item count for ${catId}`);
	return count;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
}

describe("paginate", () => {
	it("reads every v1 page until has_next_page is false", async () => {
		const total = knownCount(DEMO_CATEGORY_IDS.dresses);
		const pages = await collect(
			paginate(client(), { api: "v1", catId: DEMO_CATEGORY_IDS.dresses }, { maxPages: 50 }),
		);
		expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(pages.at(-1)?.hasNextPage).toBe(false);
		expect(pages.reduce((n, p) => n + p.items.length, 0)).toBe(total);
		expect(emu.current.stats.byEndpoint.v1).toBe(7);
	});

	it("starts at the query's page and stops at maxPages", async () => {
		const pages = await collect(
			paginate(client(), { catId: DEMO_CATEGORY_IDS.dresses, page: 2, pageSize: 10 }, { maxPages: 3 }),
		);
		expect(pages.map((p) => p.page)).toEqual([2, 3, 4]);
		expect(emu.current.stats.byEndpoint.v2).toBe(3);
	});

	it("drops an item the upstream repeats on the next page", async () => {
		const pages = await collect(
			paginate(client(), { catId: DEMO_CATEGORY_IDS.duplicateOnPage2, pageSize: 20 }),
		);
		const ids = pages.flatMap((p) => p.items.map((i) => i.itemId));
		expect(new Set(ids).size).toBe(ids.length);
		expect(pages[1]?.duplicateItems).toBe(1);
		expect(ids).toHaveLength(knownCount(DEMO_CATEGORY_IDS.duplicateOnPage2) - 1);
	});

	it("yields one empty page for an empty category", async () => {
		const pages = await collect(paginate(client(), { catId: DEMO_CATEGORY_IDS.empty }));
		expect(pages).toHaveLength(1);
		expect(pages[0]?.items).toEqual([]);
	});

	it("lets the caller stop early without fetching more", async () => {
		for await (const page of paginate(client(), { catId: DEMO_CATEGORY_IDS.dresses })) {
			expect(page.page).toBe(1);
			break;
		}
		expect(emu.current.stats.requests).toBe(1);
	});
});

describe("page helpers", () => {
	it("derive previous/next and the page count from total_count", async () => {
		const tmapi = client();
		const first = await tmapi.categoryItemsV2({ catId: DEMO_CATEGORY_IDS.dresses, pageSize: 20 });
		expect(hasPreviousPage(first)).toBe(false);
		expect(hasNextPage(first)).toBe(true);
		expect(pageCount(first)).toBe(7);
		const capped = await tmapi.categoryItemsV2({
			catId: DEMO_CATEGORY_IDS.sunglasses,
			pageSize: 50,
			page: 3,
		});
		expect(capped.totalCount).toBe(2000);
		expect(pageCount(capped)).toBe(40);
		expect(hasPreviousPage(capped)).toBe(true);
		const v1 = await tmapi.categoryItems({ catId: DEMO_CATEGORY_IDS.dresses });
		expect(pageCount(v1)).toBeUndefined();
	});
});
