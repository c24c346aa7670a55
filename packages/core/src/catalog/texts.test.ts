import { describe, expect, it } from "vitest";
import { alice, SLOW_MACHINE_MS, useCatalog, view } from "../test-support/catalog.js";
import { LANGUAGES } from "../tmapi/params.js";
import { badButtonText, catalogTexts, exportFileName } from "./texts.js";

const { setup } = useCatalog();

describe("texts the bots share", () => {
	it("label every sort button, in the query's language", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS });
		const page = await view(catalog, alice, { text: "/category 1031910" });
		expect(page.sortLabels).toEqual({
			default: "⭐ Best match",
			sales: "🔥 Best selling",
			price_up: "💲 Cheapest",
			price_down: "💎 Priciest",
		});
		for (const sort of Object.keys(page.sortTokens)) expect(page.sortLabels).toHaveProperty(sort);
		const ru = await view(catalog, alice, { text: "/category 1031910 lang:ru" });
		expect(ru.sortLabels.sales).toBe("🔥 Хиты продаж");
	});

	it("name and sum up an export, and word its progress", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS });
		const progress: string[] = [];
		const outcome = await catalog.export(
			alice,
			{ text: "/export 1031910 sort:sales pages:2" },
			{ onProgress: (_done, _total, text) => progress.push(text) },
		);
		expect(outcome).toMatchObject({
			ok: true,
			view: { fileName: "catbot-1031910-sales.csv", summary: "40 products from 2 page(s)." },
		});
		expect(progress).toEqual(["📦 Exporting… page 1 of 2", "📦 Exporting… page 2 of 2"]);
	});

	it("say why an export stopped early", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS, limits: { userDailyBudget: 1 }, nameWaitMs: 0 });
		const outcome = await catalog.export(alice, { text: "/export 1031910 pages:3" });
		if (!outcome.ok) throw new Error(outcome.refusal.message);
		expect(outcome.view.summary).toMatch(
			/^20 products from 1 page\(s\)\. Stopped early: You have used your /,
		);
	});

	it("refuse a bad button in the same words the adapters show for theirs", async () => {
		const { catalog } = setup();
		const outcome = await catalog.show(alice, { token: "garbage" });
		expect(outcome).toMatchObject({ ok: false, refusal: { kind: "bad-token", message: badButtonText() } });
		expect(badButtonText()).toBe(
			"This button is no longer valid. Send the command again to get fresh results.",
		);
		expect(badButtonText("ja")).toMatch(/ボタン/);
	});

	it("exist in every language, as sentences where they are sentences", () => {
		for (const language of LANGUAGES) {
			const texts = catalogTexts(language);
			expect(Object.values(texts.sortButtons)).toHaveLength(4);
			for (const sentence of [texts.noSuchPage(99, 28), texts.badButton, texts.exportSummary(40, 2)]) {
				expect(sentence).toMatch(/[.。]$/);
				expect(sentence).toMatch(/^\P{Ll}/u);
			}
			expect(texts.noSuchPage(99, 28)).toMatch(/99[\s\S]*28/);
			expect(texts.lastPageButton(28)).toContain("28");
			expect(texts.exportProgress(1, 3)).toMatch(/1[\s\S]*3/);
		}
		expect(catalogTexts("en").exportSummary(1, 1)).toBe("1 product from 1 page(s).");
	});

	it("name export files in ASCII", () => {
		expect(exportFileName(1031910, "price_up")).toBe("catbot-1031910-price_up.csv");
	});
});

describe("suggestions", () => {
	it("stay bounded whatever text and limit they are asked with", async () => {
		const { catalog } = setup({ timeoutMs: SLOW_MACHINE_MS });
		await catalog.browse(alice);
		const all = catalog.suggestCategories("");
		expect(all.length).toBeGreaterThan(0);
		expect(all.length).toBeLessThanOrEqual(25);
		expect(catalog.suggestCategories("", 1_000_000)).toHaveLength(all.length);
		expect(catalog.suggestCategories("", -5)).toEqual([]);
		expect(catalog.suggestCategories("", Number.NaN)).toHaveLength(all.length);
		const started = performance.now();
		expect(catalog.suggestCategories("a".repeat(1_000_000))).toEqual([]);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});
