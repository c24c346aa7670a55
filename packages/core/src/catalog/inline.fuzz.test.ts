import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOptions } from "../query/command.js";
import { KEYWORD_MAX_LENGTH } from "../query/searchSchema.js";
import { alice, useCatalog } from "../test-support/catalog.js";
import { cpuMsSync } from "../test-support/cpu.js";

const { emu, setup } = useCatalog();
const CPU_BUDGET_MS = 50;

/** An offset the catalog itself writes: "" or an upstream page from 2 to 100 (2000 items of 20). */
const servable = (offset: string) =>
	offset === "" || (/^[1-9]\d{0,2}$/.test(offset) && Number(offset) <= 100);

describe("inline queries and search options from any client", () => {
	it("Catalog.inline refuses every offset it did not write, before any call, whatever the text", async () => {
		// A budget of one action a window would refuse the second run if refused input were counted.
		const { catalog } = setup({ limits: { actionsPerWindow: 1 } });
		const offsets = fc.oneof(
			fc.string({ maxLength: 80 }),
			fc.integer({ min: -5, max: 10_000 }).map(String),
			fc.constantFrom("0", "01", "1", "101", "2.0", " 2", "2 ", "１２", "1e2", "0x10"),
		);
		const texts = fc.oneof(fc.constant("1031910 sales"), fc.constant("search summer dress"), fc.string());
		await fc.assert(
			fc.asyncProperty(texts, offsets, async (text, offset) => {
				fc.pre(!servable(offset));
				const before = emu.current.stats.requests;
				const outcome = await catalog.inline(alice, { text, offset });
				expect(outcome.ok).toBe(false);
				expect(emu.current.stats.requests).toBe(before);
			}),
			{ numRuns: 300 },
		);
		// Nothing above was counted: the one action of the window is still there.
		expect((await catalog.inline(alice, { text: "1031910 sales", offset: "" })).ok).toBe(true);
	});

	it("search options as a Discord client may send them are bounded within the CPU budget", () => {
		const value = fc.oneof(
			fc.string({ maxLength: 200 }),
			fc.string({ unit: "grapheme", maxLength: 80 }),
			fc.double(),
			fc.integer(),
			fc.boolean(),
			fc.constant(null),
			fc.constant(undefined),
		);
		const options = fc.record(
			{
				keyword: value,
				catId: value,
				sort: value,
				page: value,
				pageSize: value,
				priceMin: value,
				priceMax: value,
				freeShipping: value,
				language: value,
				api: value,
			},
			{ requiredKeys: [] },
		);
		fc.assert(
			fc.property(options, (input) => {
				let result: ReturnType<typeof checkOptions> | undefined;
				expect(cpuMsSync(() => (result = checkOptions(input)))).toBeLessThan(CPU_BUDGET_MS);
				if (result?.ok && "keyword" in result.query) {
					expect(Array.from(result.query.keyword).length).toBeLessThanOrEqual(KEYWORD_MAX_LENGTH);
					expect(result.query.keyword).not.toMatch(/[:=\p{Cc}]/u);
					expect(input.catId ?? null).toBeNull();
				}
			}),
			{ numRuns: 3000 },
		);
	});
});
