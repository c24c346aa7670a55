import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
	answer,
	ENDPOINTS,
	indexed,
	itemPages,
	manifest,
	sent,
	useRealdataServer,
} from "../test-support/realdata.js";
import { TmapiApiError } from "./errors.js";
import { CategoryInfoSchema, CategoryPageSchema } from "./product.js";

const { requests, clientFor, readPage } = useRealdataServer();

describe("every real success answer reads", () => {
	it("covers the whole manifest", () => {
		expect(itemPages.length).toBeGreaterThanOrEqual(60);
		expect(indexed.filter((e) => e.serveAs === "info")).toHaveLength(2);
		expect(indexed.filter((e) => e.group === "error")).toHaveLength(2);
	});

	it.each(itemPages)(
		"$file ($serveAs) with no schema error and no item left out",
		async ({ file, index }) => {
			const rawItems = answer(file).data?.items ?? [];
			const page = await readPage(index);
			expect(v.is(CategoryPageSchema, page)).toBe(true);
			expect(page.droppedItems).toBe(0);
			expect(page.duplicateItems).toBe(0);
			expect(page.items.map((p) => p.itemId)).toEqual(rawItems.map((i) => String(i.item_id)));
			page.items.forEach((product, i) => {
				const raw = rawItems[i] ?? { item_id: null };
				const sale = raw.sale_info ?? {};
				const score = [
					raw.shop_info?.score_info?.composite_score,
					raw.shop_info?.sore_info?.composite_new_score,
				];
				expect(product.title).toBe(raw.title?.trim());
				expect(product.url).toMatch(/^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);
				expect(product.imageUrl).toMatch(/^https:\/\/cbu01(-overseas)?\.(alicdn|1688)\.com\/[^/]/);
				// Whatever field carried sales, MOQ or a shop score, the product has it.
				const sales = [
					raw.sales_count,
					sale.sale_quantity,
					sale.sale_quantity_int,
					sale.sale_quantity_90days,
				];
				expect(product.sales !== null).toBe(sent(...sales));
				expect(product.moq !== null).toBe(
					sent(raw.moq, raw.quantity_begin, raw.quantity_prices?.[0]?.begin_num),
				);
				expect(product.shop.score !== null).toBe(sent(...score));
			});
		},
	);

	it.each(indexed.filter((e) => e.serveAs === "info"))(
		"$file (info) with its children and breadcrumb",
		async ({ file, index }) => {
			const info = await clientFor(index).categoryInfo(201149004);
			expect(v.is(CategoryInfoSchema, info)).toBe(true);
			expect(info.category).toMatchObject({
				id: "201149004",
				name: "儿童饰品",
				nameEn: "Children's Jewelry",
			});
			expect(info.children).toHaveLength(answer(file).data?.children?.length ?? -1);
			expect(info.path.map((c) => c.id)).toEqual(["54", "201149004"]);
		},
	);

	it("called each file's own endpoint", () => {
		for (const path of requests) {
			const [, index, ...rest] = path.split("/");
			const entry = manifest[Number(index)];
			expect(entry && `/${rest.join("/")}`).toBe(entry && ENDPOINTS[entry.serveAs]);
		}
	});
});

describe("the real error answer", () => {
	it.each(indexed.filter((e) => e.group === "error"))(
		"$file served with HTTP $status is a TmapiApiError with its code and message",
		async ({ file, index, status, expectCode }) => {
			const error = await readPage(index).then(
				() => null,
				(e: unknown) => e,
			);
			expect(error).toBeInstanceOf(TmapiApiError);
			expect(error).toMatchObject({
				code: expectCode,
				status,
				reason: "error-code",
				retryable: false,
				upstreamMessage: answer(file).msg,
			});
			expect((error as TmapiApiError).upstreamMessage).toBe(
				"Invalid image url. Please first use the convert endpoint",
			);
		},
	);
});
