import { describe, expect, it } from "vitest";
import { alice, bob, useCatalog, view } from "../test-support/catalog.js";

const { emu, setup } = useCatalog();

describe("categories", () => {
	it("browses the tree and suggests names already known, without paid calls", async () => {
		const { catalog } = setup();
		expect(catalog.suggestCategories("dress")).toEqual([]);
		const top = await catalog.browse(alice);
		if (!top.ok) throw new Error(top.refusal.message);
		expect(top.view.category).toBeNull();
		expect(top.view.itemsToken).toBeNull();
		const first = top.view.children[0];
		if (!first) throw new Error("empty tree");
		const level = await catalog.browse(alice, Number(first.id));
		if (!level.ok) throw new Error(level.refusal.message);
		expect(level.view.category?.id).toBe(first.id);
		expect(level.view.children.length).toBeGreaterThan(0);
		const items = await view(catalog, alice, { token: level.view.itemsToken ?? "" });
		expect("catId" in items.query && items.query.catId).toBe(Number(first.id));
		const before = emu.current.stats.requests;
		const suggestions = catalog.suggestCategories((first.nameEn ?? first.name).slice(0, 4));
		expect(suggestions.map((s) => s.id)).toContain(first.id);
		expect(emu.current.stats.requests).toBe(before);
	});

	it("caches category lookups", async () => {
		const { catalog } = setup();
		await catalog.browse(alice, 54);
		await catalog.browse(bob, 54);
		await view(catalog, alice, { text: "/category 54" });
		expect(emu.current.stats.byEndpoint.info).toBe(1);
	});

	it("refuses a bad category id in the browser", async () => {
		const { catalog } = setup();
		expect(await catalog.browse(alice, -4)).toMatchObject({ ok: false, refusal: { kind: "invalid" } });
	});
});
