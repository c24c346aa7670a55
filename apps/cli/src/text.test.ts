import { describe, expect, it } from "vitest";
import { clean, refusalText, sentence } from "./text.js";

describe("sentence", () => {
	it.each([
		["tell me a category id, e.g. /category 1031910", "Tell me a category id, e.g. /category 1031910."],
		["Unknown option 'sotr'. Did you mean 'sort'?.", "Unknown option 'sotr'. Did you mean 'sort'?"],
		["Slow down a little: try again in 3 s..", "Slow down a little: try again in 3 s."],
		["  Already a sentence.  ", "Already a sentence."],
	])("%j becomes %j", (text, expected) => {
		expect(sentence(text)).toBe(expected);
	});
});

describe("refusalText", () => {
	it("lists several problems as sentences under one lead-in", () => {
		const problems = [
			"Tell me a category id, e.g. /category 1031910",
			"Unknown option 'x'. Did you mean 'v1'?",
		];
		expect(refusalText({ kind: "invalid", problems, message: "" })).toBe(
			"Please fix these:\n• Tell me a category id, e.g. /category 1031910.\n• Unknown option 'x'. Did you mean 'v1'?",
		);
	});
});

describe("clean", () => {
	it("keeps upstream text on one line and drops terminal control characters", () => {
		expect(clean("Dress\n\t2025 \u001b[2J\u001b]0;pwned\u0007new\u009b31m")).toBe(
			"Dress 2025 [2J]0;pwnednew31m",
		);
	});
});
