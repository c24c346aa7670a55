import { describe, expect, it } from "vitest";
import { createCacheThrough } from "../cache/cacheThrough.js";
import { createMemoryStore } from "../cache/memoryStore.js";
import { createLimits, type Limits } from "../limits/createLimits.js";
import { TEST_TOKEN, useEmulator } from "../test-support/emulator.js";
import { createTmapiClient } from "../tmapi/client.js";
import { createCategoryDirectory } from "./categories.js";

const emu = useEmulator();

function directory(limits: Limits, now: () => number) {
	return createCategoryDirectory({
		client: createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: emu.current.url, retries: 0 }),
		cache: createCacheThrough({ store: createMemoryStore({ maxBytes: 1_000_000, now }), now }),
		limits,
		ttlMs: 86_400_000,
		failureTtlMs: 60_000,
		now,
	});
}

describe("category names", () => {
	it("do not ask again for an id that failed, until the failure is an hour old", async () => {
		let now = 1_000_000;
		const names = directory(createLimits({ actionsPerWindow: 1_000 }), () => now);
		expect(await names.describe(999_999_999, "u")).toBeNull();
		const calls = emu.current.stats.byEndpoint.info;
		expect(await names.describe(999_999_999, "u")).toBeNull();
		expect(emu.current.stats.byEndpoint.info).toBe(calls);
		now += 60_001;
		expect(await names.describe(999_999_999, "u")).toBeNull();
		expect(emu.current.stats.byEndpoint.info).toBeGreaterThan(calls);
	});

	it("do not take a spent budget for a failed category", async () => {
		let budgetLeft = false;
		const open = createLimits({ actionsPerWindow: 1_000 });
		// The deployment's budget, spent until `budgetLeft` says it was topped up.
		const limits: Limits = {
			action: (key) => open.action(key),
			spendUpstream: async (key) =>
				budgetLeft ? open.spendUpstream(key) : { ok: false, retryAfterMs: 1_000, scope: "deployment" },
			refundUpstream: (key) => open.refundUpstream(key),
		};
		const names = directory(limits, Date.now);
		expect(await names.describe(1031910, "u")).toBeNull();
		budgetLeft = true;
		expect((await names.describe(1031910, "u"))?.category?.id).toBe("1031910");
	});
});
