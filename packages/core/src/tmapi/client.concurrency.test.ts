import { describe, expect, it } from "vitest";
import { clientOf, useEmulatorPerTest } from "../test-support/tmapiClient.js";

const emu = useEmulatorPerTest();
const client = clientOf(emu);

describe("upstream economy", () => {
	it("never has more than maxConcurrent requests in flight under a burst of 50", async () => {
		emu.current.setLatency(30);
		const tmapi = client({ maxConcurrent: 4 });
		const pages = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				tmapi.categoryItemsV2({ catId: 1031910, page: i + 1, pageSize: 5 }),
			),
		);
		expect(pages).toHaveLength(50);
		expect(emu.current.stats.requests).toBe(50);
		expect(emu.current.stats.peakConcurrency).toBe(4);
	});

	it("coalesces 10 identical concurrent calls into one request", async () => {
		emu.current.setLatency(30);
		const tmapi = client();
		const pages = await Promise.all(
			Array.from({ length: 10 }, () => tmapi.categoryItemsV2({ catId: 1031910 })),
		);
		expect(emu.current.stats.requests).toBe(1);
		expect(new Set(pages).size).toBe(1);
	});

	it("does not coalesce different queries or calls that do not overlap", async () => {
		const tmapi = client();
		await Promise.all([
			tmapi.categoryItemsV2({ catId: 1031910 }),
			tmapi.categoryItemsV2({ catId: 1031910, page: 2 }),
		]);
		await tmapi.categoryItemsV2({ catId: 1031910 });
		expect(emu.current.stats.requests).toBe(3);
	});

	it("coalesces a failure too: all waiting callers get the same error", async () => {
		emu.current.setLatency(20);
		emu.current.inject({ kind: "code", code: 439 });
		const tmapi = client();
		const results = await Promise.allSettled(
			Array.from({ length: 5 }, () => tmapi.categoryItemsV2({ catId: 7 })),
		);
		expect(results.every((r) => r.status === "rejected")).toBe(true);
		expect(emu.current.stats.requests).toBe(1);
	});
});
