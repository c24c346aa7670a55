import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../tmapi/params.js";
import { fullDate, shortDate } from "./entries.js";
import { shortlistTexts } from "./texts.js";

const NOON = Date.UTC(2026, 10, 30, 12);

describe("shortlist texts", () => {
	it("are written in every output language, each its own", () => {
		const english = shortlistTexts("en");
		for (const language of LANGUAGES) {
			const texts = shortlistTexts(language);
			const samples = [
				texts.saved(texts.places.telegram, "12", "500"),
				texts.exists("Ann", "30 Nov 2026"),
				texts.exists(null, "30 Nov 2026"),
				texts.full("500"),
				texts.heading(texts.places.discord),
				texts.empty,
				texts.priceWhenSaved("¥12.50"),
				texts.savedBy("Ann", "30 Nov"),
				texts.removed("Dress"),
				texts.notOnList,
				texts.exported(2),
			];
			for (const sample of samples) expect(sample.trim().length, language).toBeGreaterThan(3);
			if (language !== "en") expect(texts.empty).not.toBe(english.empty);
		}
	});

	it("say dates the language's way, in UTC, with the year only when it is not this year's", () => {
		expect(fullDate(NOON, "en")).toBe("30 Nov 2026");
		expect(shortDate(NOON, NOON, "en")).toBe("30 Nov");
		expect(shortDate(Date.UTC(2025, 11, 31, 23, 59), NOON, "en")).toBe("31 Dec 2025");
		expect(fullDate(Date.UTC(2026, 10, 30, 23, 30), "en")).toBe("30 Nov 2026");
		expect(fullDate(NOON, "zh")).toBe("2026年11月30日");
	});
});
