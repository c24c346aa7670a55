import { DEMO_CATEGORY_IDS, KNOWN_ITEM_COUNTS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { alice, useCatalog, view } from "../test-support/catalog.js";

const { setup, itemCalls } = useCatalog();

describe("catalog.export", () => {
	it("reads several upstream pages once each, reporting progress, and counts as one action", async () => {
		const { catalog } = setup({ limits: { actionsPerWindow: 2, windowMs: 60_000 } });
		const progress: number[] = [];
		const outcome = await catalog.export(
			alice,
			{ text: "/category 1031910 sort:sales" },
			{ pages: 3, onProgress: (done) => progress.push(done) },
		);
		if (!outcome.ok) throw new Error(outcome.refusal.message);
		expect(outcome.view.products).toHaveLength(60);
		expect(outcome.view.pagesRead).toBe(3);
		expect(progress).toEqual([1, 2, 3]);
		expect(itemCalls()).toBe(3);
		// Chat pages of the same query are now free.
		await view(catalog, alice, { text: "/category 1031910 sort:sales page:9" });
		expect(itemCalls()).toBe(3);
	});

	it("takes the page count from /export text", async () => {
		const { catalog } = setup();
		const outcome = await catalog.export(alice, { text: "/export 1031910 pages:2" }, {});
		expect(outcome).toMatchObject({ ok: true, view: { pagesRead: 2 } });
		expect(await catalog.export(alice, { text: "/export 1031910 pages:zero" }, {})).toMatchObject({
			ok: false,
			refusal: { kind: "invalid" },
		});
	});

	it("stops at the last page and at the configured bound", async () => {
		const { catalog } = setup();
		const all = await catalog.export(alice, { options: { catId: DEMO_CATEGORY_IDS.dresses } }, { pages: 50 });
		if (!all.ok) throw new Error(all.refusal.message);
		expect(all.view.pagesRead).toBe(7);
		expect(all.view.products).toHaveLength(KNOWN_ITEM_COUNTS[DEMO_CATEGORY_IDS.dresses] ?? 0);
	});

	it("spends the budget and returns what it read when the budget runs out", async () => {
		const { catalog } = setup({ limits: { userDailyBudget: 2, dailyBudget: 100 }, nameWaitMs: 0 });
		const outcome = await catalog.export(alice, { text: "/category 1031910" }, { pages: 5 });
		if (!outcome.ok) throw new Error(outcome.refusal.message);
		expect(outcome.view.pagesRead).toBe(2);
		expect(outcome.view.stoppedEarly).toMatchObject({ kind: "budget", scope: "user" });
		expect(await catalog.export(alice, { text: "/category 1031910 sort:sales" }, { pages: 1 })).toMatchObject(
			{ ok: false, refusal: { kind: "budget" } },
		);
	});
});
