import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastServablePage } from "../query/schema.js";
import { parseShortlistCommand } from "../shortlist/command.js";
import { SHORTLIST_PAGES_MAX } from "../shortlist/limits.js";
import { WATCH_INTERVAL_HOURS_MAX } from "../store/watches.js";
import { commandText, edgeNumber, optionObject } from "../test-support/arbitraries.js";
import { cpuMsSync } from "../test-support/cpu.js";
import { parseWatchCommand, WATCH_POSITION_MAX, watchCommandFromOptions } from "./command.js";

const CPU_BUDGET_MS = 50;

/** Text a user might type after each command: the category grammar's inputs, and noise. */
const tail = fc.oneof(
	commandText,
	fc.string({ maxLength: 2_000 }),
	fc.string({ unit: "grapheme", maxLength: 300 }),
);
const watchText = fc.tuple(
	fc.constantFrom("/watch", "/watches", "/unwatch", "/watch@Bot", "/unwatch@Bot"),
	tail,
);
const everyWord = fc.oneof(
	edgeNumber.map((n) => `every:${n}h`),
	fc.string({ maxLength: 12 }).map((s) => `every:${s}`),
	fc.constantFrom("every:6h", "every:1d", "every:0h", "every:721h", "every:99999999999999999999d"),
);

describe("the shortlist and watch commands, on any input", () => {
	it("parseShortlistCommand answers within the CPU budget with a bounded page or a refusal", () => {
		fc.assert(
			fc.property(fc.constantFrom("/shortlist", "/shortlist@Bot", "shortlist"), tail, (head, rest) => {
				let result: ReturnType<typeof parseShortlistCommand> | undefined;
				expect(cpuMsSync(() => (result = parseShortlistCommand(`${head} ${rest}`)))).toBeLessThan(
					CPU_BUDGET_MS,
				);
				if (result?.ok && result.command === "list") {
					expect(Number.isSafeInteger(result.page) && result.page >= 1).toBe(true);
					expect(result.page).toBeLessThanOrEqual(SHORTLIST_PAGES_MAX);
				}
				if (result && !result.ok) expect(result.refusal.message.length).toBeGreaterThan(0);
			}),
			{ numRuns: 1500 },
		);
	}, 60_000);

	it("parseWatchCommand answers within the CPU budget with a bounded query, interval and position", () => {
		fc.assert(
			fc.property(watchText, fc.option(everyWord), ([head, rest], every) => {
				const text = `${head} ${rest}${every ? ` ${every}` : ""}`;
				let result: ReturnType<typeof parseWatchCommand> | undefined;
				expect(cpuMsSync(() => (result = parseWatchCommand(text)))).toBeLessThan(CPU_BUDGET_MS);
				if (result?.ok && result.command === "watch") {
					expect(result.intervalHours >= 1 && result.intervalHours <= WATCH_INTERVAL_HOURS_MAX).toBe(true);
					expect(result.query.page).toBeLessThanOrEqual(lastServablePage(result.query.pageSize));
				}
				if (result?.ok && result.command === "unwatch") {
					expect(result.position >= 1 && result.position <= WATCH_POSITION_MAX).toBe(true);
				}
			}),
			{ numRuns: 1500 },
		);
	}, 60_000);

	it("watchCommandFromOptions (Discord) takes any options object without throwing, bounded", () => {
		const withEvery = fc.tuple(
			optionObject,
			fc.oneof(edgeNumber, fc.string({ maxLength: 20 }), fc.anything()),
		);
		fc.assert(
			fc.property(withEvery, ([options, every]) => {
				const input = typeof options === "object" && options !== null ? { ...options, every } : options;
				let result: ReturnType<typeof watchCommandFromOptions> | undefined;
				expect(cpuMsSync(() => (result = watchCommandFromOptions(input)))).toBeLessThan(CPU_BUDGET_MS);
				if (result?.ok && result.command === "watch") {
					expect(result.intervalHours >= 1 && result.intervalHours <= WATCH_INTERVAL_HOURS_MAX).toBe(true);
				}
			}),
			{ numRuns: 1500 },
		);
	}, 60_000);
});
