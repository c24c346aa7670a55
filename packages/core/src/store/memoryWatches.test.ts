import { describe, expect, it } from "vitest";
import { isStoreError } from "./errors.js";
import { createMemoryWatchStore } from "./memoryWatches.js";
import type { Place } from "./place.js";
import type { NewWatch } from "./watches.js";

const place: Place = { platform: "telegram", id: "-100500" };
const LEASE = 600_000;

function newWatch(catId: number, nextRunAt: number): NewWatch {
	return {
		queryKey: `cat=${catId}`,
		command: `/category ${catId}`,
		intervalHours: 24,
		createdBy: "42",
		createdAt: 0,
		nextRunAt,
	};
}

describe("createMemoryWatchStore", () => {
	it("keeps one watch per query and at most maxPerPlace per place", async () => {
		const store = createMemoryWatchStore({ maxPerPlace: 2 });
		expect(await store.create(place, newWatch(1, 0))).toMatchObject({ status: "created", total: 1 });
		expect(await store.create(place, newWatch(1, 0))).toMatchObject({ status: "exists", total: 1 });
		await store.create(place, newWatch(2, 0));
		expect(await store.create(place, newWatch(3, 0))).toEqual({ status: "full", limit: 2, total: 2 });
		expect(await store.create({ ...place, id: "-1" }, newWatch(3, 0))).toMatchObject({ status: "created" });
	});

	it("claims due watches once, records only under the held claim, and gives back unseen items once", async () => {
		const store = createMemoryWatchStore();
		const created = await store.create(place, newWatch(1, 100));
		if (created.status !== "created") throw new Error("not created");
		expect(await store.claimDue({ now: 99, limit: 5, leaseMs: LEASE })).toEqual([]);
		const [claim] = await store.claimDue({ now: 100, limit: 5, leaseMs: LEASE });
		if (!claim) throw new Error("no claim");
		expect(claim).toMatchObject({ claim: 1, watch: { nextRunAt: 100 + LEASE } });
		expect(await store.claimDue({ now: 100, limit: 5, leaseMs: LEASE })).toEqual([]);
		// The creator's claim 0 is stale now.
		expect(
			await store.recordResult({ claim: 0, watch: created.watch }, { at: 1, status: "ok", nextRunAt: 5 }),
		).toEqual({ recorded: false, newItemIds: [] });
		const ok = await store.recordResult(claim, {
			at: 200,
			status: "ok",
			nextRunAt: 1_000,
			itemIds: ["1", "2", "1"],
		});
		expect(ok).toEqual({ recorded: true, newItemIds: ["1", "2"] });
		expect(await store.filterUnseen(claim.watch.id, ["2", "3"])).toEqual(["3"]);
		const [next] = await store.claimDue({ now: 1_000, limit: 5, leaseMs: LEASE });
		if (!next) throw new Error("no claim");
		const again = await store.recordResult(next, {
			at: 300,
			status: "ok",
			nextRunAt: 2_000,
			itemIds: ["3", "2"],
		});
		expect(again.newItemIds).toEqual(["3"]);
		expect((await store.list(place))[0]?.lastRun).toEqual({
			at: 300,
			status: "ok",
			message: null,
			newItems: 1,
		});
	});

	it("counts failures, pauses for good or per place, and refuses bad input with a StoreError", async () => {
		const store = createMemoryWatchStore();
		await store.create(place, newWatch(1, 0));
		const [claim] = await store.claimDue({ now: 0, limit: 1, leaseMs: LEASE });
		if (!claim) throw new Error("no claim");
		await store.recordResult(claim, { at: 0, status: "failed", message: "503", nextRunAt: 0 });
		expect((await store.list(place))[0]?.failures).toBe(1);
		expect(await store.pausePlace(place)).toBe(1);
		expect(await store.claimDue({ now: 0, limit: 1, leaseMs: LEASE })).toEqual([]);
		expect(await store.resumePlace(place)).toBe(1);
		const [paused] = await store.claimDue({ now: 0, limit: 1, leaseMs: LEASE });
		if (!paused) throw new Error("no claim");
		await store.recordResult(paused, { at: 0, status: "paused", message: "gone", nextRunAt: 0 });
		expect((await store.list(place))[0]).toMatchObject({ pausedReason: "gone", failures: 1 });
		await store.resumePlace(place);
		expect(await store.claimDue({ now: 10, limit: 1, leaseMs: LEASE })).toEqual([]);
		expect(await store.remove(place, { position: 1 })).toMatchObject({ command: "/category 1" });
		await expect(store.create({ platform: "telegram", id: "bad id!" }, newWatch(1, 0))).rejects.toSatisfy(
			isStoreError,
		);
	});

	it("claims only the watches of the asked platform", async () => {
		const store = createMemoryWatchStore({ maxPerPlace: 5 });
		await store.create(place, newWatch(1, 0));
		await store.create({ platform: "discord", id: "1:2" }, newWatch(2, 0));
		const claims = await store.claimDue({ now: 10, limit: 10, leaseMs: LEASE, platform: "discord" });
		expect(claims.map((claim) => claim.watch.place)).toEqual([{ platform: "discord", id: "1:2" }]);
	});
});
