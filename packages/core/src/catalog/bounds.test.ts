import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseExportCommand } from "../query/export.js";
import { commandText, optionObject } from "../test-support/arbitraries.js";
import { alice, SLOW_MACHINE_MS, useCatalog } from "../test-support/catalog.js";
import { cpuMs } from "../test-support/cpu.js";
import type { CatalogOutcome } from "./outcome.js";
import type { CatalogInput } from "./types.js";

const { emu, setup } = useCatalog();

const input: fc.Arbitrary<CatalogInput> = fc.oneof(
	commandText.map((text) => ({ text })),
	optionObject.map((options) => ({ options })),
	fc.string({ maxLength: 200 }).map((token) => ({ token })),
);

describe("the engine on any input", () => {
	it("refuses invalid input within 50 ms of CPU, without an upstream call and without counting it", async () => {
		// One action a window: if any rejected input counted, the valid request at the end would be refused.
		const { catalog } = setup({
			timeoutMs: SLOW_MACHINE_MS,
			limits: { actionsPerWindow: 1, windowMs: 600_000 },
		});
		await fc.assert(
			fc.asyncProperty(input, async (candidate) => {
				const showable = (await catalog.resolve(candidate)).ok;
				// Typed text is an /export command to export, a /category command to show.
				const exportable = "text" in candidate ? parseExportCommand(candidate.text).ok : showable;
				fc.pre(!showable || !exportable);
				const outcomes: CatalogOutcome<unknown>[] = [];
				const used = await cpuMs(async () => {
					outcomes.length = 0;
					if (!showable) outcomes.push(await catalog.show(alice, candidate));
					if (!exportable) outcomes.push(await catalog.export(alice, candidate));
				});
				expect(used).toBeLessThan(50);
				for (const outcome of outcomes) {
					expect(outcome.ok ? "ok" : outcome.refusal.kind).toMatch(/^(invalid|bad-token)$/);
				}
			}),
			{ numRuns: 1000 },
		);
		expect(emu.current.stats.requests).toBe(0);
		expect((await catalog.show(alice, { text: "/category 1031910" })).ok).toBe(true);
	});
});
