import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../test-support/arbitraries.js";
import { alice, bob, SLOW_MACHINE_MS, useCatalog } from "../test-support/catalog.js";
import { encodePageToken } from "../tokens/pageToken.js";
import type { CatalogOutcome } from "./outcome.js";
import type { CatalogInput } from "./types.js";

const { emu, setup } = useCatalog();

const kindOf = (outcome: CatalogOutcome<unknown>) => (outcome.ok ? "ok" : outcome.refusal.kind);

/** Inputs every door of the engine must refuse as bad input. */
const REJECTED: readonly CatalogInput[] = [
	{ text: "/category sotr:sales" },
	{ text: "/category 0" },
	{ text: "/category 1031910 page:9007199254740984" },
	{ text: "x".repeat(100_000) },
	{ options: { catId: "1031910" } },
	{ options: { catId: 1031910, pageSize: 50 } },
	{ options: null },
	{ token: "garbage" },
	{ token: encodePageToken({ ...DEFAULTS, page: 2 }, "another-secret") },
];

describe("rejected input", () => {
	it("never counts against the rate limit, and never calls upstream", async () => {
		const { catalog } = setup({
			timeoutMs: SLOW_MACHINE_MS,
			limits: { actionsPerWindow: 2, windowMs: 60_000 },
		});
		for (let round = 0; round < 3; round++) {
			for (const input of REJECTED) {
				expect(["invalid", "bad-token"]).toContain(kindOf(await catalog.show(alice, input)));
				expect(["invalid", "bad-token"]).toContain(kindOf(await catalog.export(alice, input, {})));
			}
			expect(kindOf(await catalog.export(alice, { text: "/export 1031910 pages:zero" }, {}))).toBe("invalid");
			expect(kindOf(await catalog.browse(alice, -4))).toBe("invalid");
			expect(kindOf(await catalog.browse(alice, 2 ** 53))).toBe("invalid");
		}
		expect(emu.current.stats.requests).toBe(0);
		// The two actions this window allows are both still there.
		expect(kindOf(await catalog.show(alice, { text: "/category 1031910" }))).toBe("ok");
		expect(kindOf(await catalog.show(alice, { text: "/category 1031910 page:2" }))).toBe("ok");
		expect(kindOf(await catalog.show(alice, { text: "/category 1031910 page:3" }))).toBe("rate-limited");
	});

	it("is still logged as an action with its outcome", async () => {
		const { catalog, logs } = setup({ timeoutMs: SLOW_MACHINE_MS });
		await catalog.show(alice, { token: "garbage" });
		await catalog.browse(alice, 0);
		const lines = logs.lines.filter((line) => line.msg === "action");
		expect(lines).toMatchObject([
			{ action: "page", outcome: "bad-token" },
			{ action: "browse", outcome: "invalid", catId: 0 },
		]);
	});

	it("from outsiders is refused as forbidden, before the input is read", async () => {
		const { catalog } = setup({ allow: { telegramChats: ["-100999"], discordGuilds: ["1"] } });
		expect(kindOf(await catalog.show(alice, { text: "/category sotr:sales" }))).toBe("forbidden");
		expect(kindOf(await catalog.show(bob, { token: "garbage" }))).toBe("forbidden");
		expect(kindOf(await catalog.browse(alice, -4))).toBe("forbidden");
	});

	it("counts a valid request once, whatever it then costs", async () => {
		const { catalog } = setup({
			timeoutMs: SLOW_MACHINE_MS,
			limits: { actionsPerWindow: 2, windowMs: 60_000 },
		});
		expect(kindOf(await catalog.export(alice, { text: "/export 1031910 pages:3" }, {}))).toBe("ok");
		expect(kindOf(await catalog.browse(alice, 54))).toBe("ok");
		expect(kindOf(await catalog.browse(alice, 54))).toBe("rate-limited");
	});
});
