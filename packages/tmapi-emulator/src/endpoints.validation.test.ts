import { describe, expect, it } from "vitest";
import { useSharedEmulator } from "./emulator.fixtures.js";
import { categoryCalls } from "./endpoints.fixtures.js";
import { startTmapiEmulator } from "./server.js";

const emu = useSharedEmulator();
const { get } = categoryCalls(emu);

describe("validation", () => {
	it.each([
		["/1688/category/items", ""],
		["/1688/category/items", "cat_id="],
		["/1688/category/items", "cat_id=abc"],
		["/1688/category/items", "cat_id=0"],
		["/1688/category/items", "cat_id=-5"],
		["/1688/category/items", "cat_id=1.5"],
		["/1688/category/items", "cat_id=1&page=0"],
		["/1688/category/items/v2", "cat_id=1&page_size=51"],
		["/1688/category/items/v2", "cat_id=1&page_size=0"],
		["/1688/category/items/v2", "cat_id=1&sort=cheapest"],
		["/1688/category/items/v2", "cat_id=1&language=de"],
		["/1688/category/items/v2", "cat_id=1&price_start=ten"],
		["/1688/category/info", "cat_id=x"],
	])("%s?%s answers 422 Parameter error.", async (path, query) => {
		const { status, body } = await get(`${path}?${query}`);
		expect(status).toBe(422);
		expect(body).toEqual({ code: 422, msg: "Parameter error.", data: null });
	});

	it("answers unknown paths with a JSON 404", async () => {
		const { status, body } = await get("/1688/item/detail?num_iid=1");
		expect(status).toBe(404);
		expect(body).toEqual({ code: 404, msg: "Not Found" });
	});
});

describe("apiToken", () => {
	it("rejects a missing or wrong token with 401 and accepts the right one", async () => {
		const guarded = await startTmapiEmulator({ apiToken: "s3cret" });
		try {
			const path = `${guarded.url}/1688/category/items?cat_id=1`;
			for (const url of [path, `${path}&apiToken=wrong`]) {
				const res = await fetch(url);
				expect(res.status).toBe(401);
				expect(await res.json()).toEqual({ code: 401, msg: "Invalid apiToken" });
			}
			expect((await fetch(`${path}&apiToken=s3cret`)).status).toBe(200);
		} finally {
			await guarded.close();
		}
	});
});
