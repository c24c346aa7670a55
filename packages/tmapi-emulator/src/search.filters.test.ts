import { describe, expect, it } from "vitest";
import { DEMO_SEARCH_KEYWORDS } from "./constants.js";
import { type Json, useSharedEmulator } from "./emulator.fixtures.js";
import { ids, searchOn } from "./search.fixtures.js";

const emu = useSharedEmulator();
const search = searchOn(emu);
const { dresses } = DEMO_SEARCH_KEYWORDS;

describe("/1688/search/items", () => {
	it("sorts by price both ways and by the sales it shows", async () => {
		const prices = async (sort: string): Promise<number[]> =>
			(await search({ keyword: dresses, sort })).body.data.items.map((i: Json) => Number(i.price));
		const up = await prices("price_up");
		expect(up).toEqual([...up].sort((a, b) => a - b));
		const down = await prices("price_down");
		expect(down).toEqual([...down].sort((a, b) => b - a));
		expect(down[0]).toBeGreaterThan(up.at(-1) ?? 0);
		const { body } = await search({ keyword: dresses, sort: "sales" });
		expect(body.data.sort).toBe("sales");
		const sales = body.data.items.map((i: Json) => i.sale_info.sale_quantity_int ?? 0);
		expect(sales).toEqual([...sales].sort((a, b) => b - a));
		const byDefault = ids((await search({ keyword: dresses })).body);
		expect(byDefault).toEqual(
			emu.catalog
				.search(dresses)
				.items.slice(0, 20)
				.map((i) => String(i.itemId)),
		);
	});

	it("filters by price range, echoing the bounds as sent", async () => {
		const { body } = await search({
			keyword: dresses,
			price_start: "5",
			price_end: "20.5",
			sort: "price_up",
		});
		expect(body.data).toMatchObject({ price_start: "5", price_end: "20.5" });
		const expected = emu.catalog
			.search(dresses)
			.items.filter((i) => i.salePriceFen >= 500 && i.salePriceFen <= 2050);
		expect(body.data.total_count).toBe(Math.min(expected.length, 2000));
		expect(body.data.items.length).toBeGreaterThan(0);
		for (const item of body.data.items) {
			expect(Number(item.price)).toBeGreaterThanOrEqual(5);
			expect(Number(item.price)).toBeLessThanOrEqual(20.5);
		}
	});

	it("filters by free shipping, super factory and the undocumented moq", async () => {
		const { body } = await search({ keyword: dresses, free_shipping: "true", is_super_factory: "1" });
		expect(body.data.items.length).toBeGreaterThan(0);
		for (const item of body.data.items) {
			expect(item.tags).toContain("包邮");
			expect(item.shop_info.is_super_factory).toBe(true);
		}
		const moq = await search({ keyword: dresses, moq: "2", page_size: "20" });
		const pool = emu.catalog.search(dresses).items;
		expect(moq.body.data.total_count).toBe(pool.filter((i) => i.moq <= 2).length);
		for (const item of moq.body.data.items) {
			const first = item.quantity_prices[0];
			if (first) expect(Number.parseInt(first.begin_num, 10)).toBeLessThanOrEqual(2);
		}
		const fresh = await search({ keyword: dresses, new_arrival: "true", support_dropshipping: "true" });
		const wanted = new Set(
			pool.filter((i) => i.newArrival && i.supportDropshipping).map((i) => String(i.itemId)),
		);
		expect(fresh.body.data.total_count).toBe(wanted.size);
		for (const id of ids(fresh.body)) expect(wanted.has(id)).toBe(true);
	});

	it.each([
		["no keyword", {}],
		["a blank keyword", { keyword: "  " }],
		["page_size above 20", { keyword: dresses, page_size: "21" }],
		["page_size 0", { keyword: dresses, page_size: "0" }],
		["page 0", { keyword: dresses, page: "0" }],
		["a fractional page", { keyword: dresses, page: "1.5" }],
		["an unknown sort", { keyword: dresses, sort: "cheapest" }],
		["a price that is not a number", { keyword: dresses, price_start: "ten" }],
		["a negative price", { keyword: dresses, price_end: "-1" }],
		["a moq that is not a positive integer", { keyword: dresses, moq: "many" }],
	])("answers 422 Parameter error. for %s", async (_name, query) => {
		const { status, body } = await search(query);
		expect(status).toBe(422);
		expect(body).toEqual({ code: 422, msg: "Parameter error.", data: null });
	});

	it("ignores parameters it does not have, such as language and cat_id", async () => {
		const plain = await search({ keyword: dresses });
		const extra = await search({ keyword: dresses, language: "en", cat_id: "54" });
		expect(extra.body).toEqual(plain.body);
	});
});
