import { describe, expect, it } from "vitest";
import { DEMO_CATEGORY_IDS } from "./constants.js";
import { useSharedEmulator } from "./emulator.fixtures.js";
import { categoryCalls } from "./endpoints.fixtures.js";

const emu = useSharedEmulator();
const { get } = categoryCalls(emu);

describe("info /1688/category/info", () => {
	it("describes a category with string ids, children and path", async () => {
		const { body } = await get(`/1688/category/info?cat_id=${DEMO_CATEGORY_IDS.childrensJewelry}`);
		expect(body.data).toEqual({
			id: "201149004",
			name: "儿童饰品",
			name_en: "Children's Jewelry",
			level: 1,
			parent_id: "54",
			has_children: true,
			children: [
				{ id: "201545016", name: "儿童脚饰", name_en: "Children's Anklets", level: 2, has_children: false },
				{
					id: "201553012",
					name: "儿童发饰",
					name_en: "Children's Hair Accessories",
					level: 2,
					has_children: false,
				},
			],
			path: [
				{ id: "54", name: "服饰配件、饰品", name_en: "Apparel Accessories & Jewelry" },
				{ id: "201149004", name: "儿童饰品", name_en: "Children's Jewelry" },
			],
		});
	});

	it("lists the top level without cat_id", async () => {
		const { body } = await get("/1688/category/info");
		expect(body.data.children).toHaveLength(8);
		expect(body.data.children).toContainEqual({
			id: "54",
			name: "服饰配件、饰品",
			name_en: "Apparel Accessories & Jewelry",
			level: 1,
			has_children: true,
		});
	});

	it("answers 417 for ids outside the tree", async () => {
		const { status, body } = await get(`/1688/category/info?cat_id=${DEMO_CATEGORY_IDS.unknown}`);
		expect(status).toBe(417);
		expect(body).toMatchObject({ code: 417, data: null });
	});
});
