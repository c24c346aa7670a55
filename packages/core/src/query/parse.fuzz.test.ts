import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cpuMsSync } from "../test-support/cpu.js";
import { MAX_COMMAND_LENGTH, MAX_COMMAND_WORDS, parseCategoryCommand } from "./parse.js";
import { toCategoryQuery } from "./schema.js";

/** Words real commands are made of, to fuzz with near-valid input rather than only noise. */
const fragments = fc.constantFrom(
	"/category",
	"/category@MyBot",
	"1031910",
	"0",
	"cat:",
	"sort:sales",
	"sort:",
	"sort",
	"price:10-50",
	"price:",
	"-",
	"~",
	"10",
	"50.5",
	"min:",
	"max=",
	"free_shipping",
	"free",
	"shipping:no",
	"new",
	"arrivals",
	"lang:ru",
	"ru",
	"v1",
	"page:",
	"p",
	"size:11",
	"https://s.1688.com/x?categoryId=5",
	"https://example.com",
	":",
	"=",
	"１０",
	"ｓｏｒｔ：",
);

function expectWellFormed(text: string): void {
	const result = parseCategoryCommand(text);
	if (result.ok) {
		expect(toCategoryQuery(result.query)).toStrictEqual({ ok: true, query: result.query });
	} else {
		expect(result.problems.length).toBeGreaterThan(0);
		for (const problem of result.problems) expect(problem).toMatch(/\S/);
		expect(new Set(result.problems).size).toBe(result.problems.length);
	}
}

describe("parseCategoryCommand on fuzzed input", () => {
	it("never throws and answers with a valid query or at least one problem", () => {
		fc.assert(fc.property(fc.string(), expectWellFormed), { numRuns: 2000 });
		fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), expectWellFormed), {
			numRuns: 1000,
		});
		fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), expectWellFormed), {
			numRuns: 500,
		});
		fc.assert(
			fc.property(
				fc.array(fc.oneof(fragments, fc.string({ maxLength: 6 })), { maxLength: 30 }),
				fc.constantFrom(" ", "", "\u3000", "  "),
				(words, glue) => expectWellFormed(words.join(glue)),
			),
			{ numRuns: 3000 },
		);
		// 6,500 inputs: seconds on an idle machine, far more while the whole suite shares two cores.
	}, 120_000);

	it("stays fast on hostile input", () => {
		const hostile = [
			" ".repeat(MAX_COMMAND_LENGTH),
			":".repeat(MAX_COMMAND_LENGTH),
			" :".repeat(MAX_COMMAND_LENGTH / 2),
			"-".repeat(MAX_COMMAND_LENGTH),
			`/category ${"1".repeat(MAX_COMMAND_LENGTH - 10)}`,
			`/category 1 price:${"1".repeat(MAX_COMMAND_LENGTH - 20)}-`,
			`https://a.1688.com/?${"categoryId=1&".repeat(70)}`,
			`/category 1 ${"qwertyuiopasdfghjklzxcvbnm".repeat(30)}`,
			Array.from({ length: MAX_COMMAND_WORDS }, () => "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz").join(" "),
			"\uFDFA".repeat(55),
		];
		// CPU time, least of three runs: wall time would also measure how busy the machine is.
		for (const text of hostile) expect(cpuMsSync(() => expectWellFormed(text))).toBeLessThan(50);
	});
});
