import { type DurableStore, isStoreError } from "@catbot/core";
import { beforeAll, describe, expect, it } from "vitest";
import { STORE_KINDS, useStoreBackends } from "../test-support/storeBackends.js";
import { freshPlace, newWatch } from "../test-support/storeFixtures.js";
import { LEASE } from "../test-support/storeWatches.js";

const backends = useStoreBackends();

describe.each(STORE_KINDS)("watches on %s", (kind) => {
	// One database for these tests: each uses places of its own.
	let store: DurableStore;
	beforeAll(async () => {
		store = await backends.open(kind, { watchesPerPlace: 3 });
	});

	it("creates, lists oldest first, and refuses a duplicate query or a fourth watch", async () => {
		const place = freshPlace();
		const created = await store.watches.create(place, newWatch(1, 1_000, { intervalHours: 6 }));
		expect(created).toMatchObject({ status: "created", total: 1 });
		if (created.status !== "created") throw new Error("not created");
		expect(created.watch).toEqual({
			id: created.watch.id,
			place,
			queryKey: "cat=1&api=v2&lang=en&sort=default",
			command: "/category 1",
			intervalHours: 6,
			createdBy: "42",
			createdAt: 1_000,
			nextRunAt: 1_000,
			lastRun: null,
			failures: 0,
			pausedReason: null,
			placePaused: false,
		});
		const again = await store.watches.create(place, newWatch(1, 5_000, { command: "/category 1 page:3" }));
		expect(again).toEqual({ status: "exists", watch: created.watch, total: 1 });
		await store.watches.create(place, newWatch(2, 1_000));
		await store.watches.create(place, newWatch(3, 1_000));
		expect(await store.watches.create(place, newWatch(4, 1_000))).toEqual({
			status: "full",
			limit: 3,
			total: 3,
		});
		expect((await store.watches.list(place)).map((watch) => watch.command)).toEqual([
			"/category 1",
			"/category 2",
			"/category 3",
		]);
		expect(await store.watches.list(freshPlace())).toEqual([]);
	});

	it("never passes WATCHES_PER_PLACE when creates race", async () => {
		const place = freshPlace("discord");
		await Promise.all(Array.from({ length: 6 }, () => store.watches.list(place)));
		const results = await Promise.all(
			Array.from({ length: 6 }, (_, i) => store.watches.create(place, newWatch(10 + i, 0))),
		);
		expect(results.filter((result) => result.status === "created")).toHaveLength(3);
		expect(await store.watches.list(place)).toHaveLength(3);
	});

	it("removes by number or id, only within the place", async () => {
		const place = freshPlace();
		for (const cat of [1, 2, 3]) await store.watches.create(place, newWatch(cat, 0));
		const [, second] = await store.watches.list(place);
		if (!second) throw new Error("no second watch");
		expect(await store.watches.remove(freshPlace(), { id: second.id })).toBeUndefined();
		expect(await store.watches.remove(freshPlace(), { position: 1 })).toBeUndefined();
		expect(await store.watches.remove(place, { position: 2 })).toEqual(second);
		expect(await store.watches.remove(place, { id: second.id })).toBeUndefined();
		expect(await store.watches.remove(place, { position: 3 })).toBeUndefined();
		expect((await store.watches.remove(place, { position: 2 }))?.command).toBe("/category 3");
		expect((await store.watches.list(place)).map((watch) => watch.command)).toEqual(["/category 1"]);
	});

	it("refuses input outside its bounds", async () => {
		const place = freshPlace();
		const attempts: (() => Promise<unknown>)[] = [
			() => store.watches.create(place, newWatch(1, 0, { intervalHours: 0 })),
			() => store.watches.create(place, newWatch(1, 0, { command: "x".repeat(1_001) })),
			() => store.watches.create(place, newWatch(1, -5)),
			() => store.watches.remove(place, { position: 0 }),
			() => store.watches.claimDue({ now: 0, limit: 101, leaseMs: LEASE }),
			() => store.watches.claimDue({ now: 0, limit: 1, leaseMs: 10 }),
			() =>
				store.watches.recordResult(
					{ claim: 1, watch: { id: 1 } },
					{ at: 0, status: "ok", nextRunAt: 0, itemIds: Array(201).fill("1") },
				),
			() =>
				store.watches.recordResult(
					{ claim: 1, watch: { id: 1 } },
					{ at: 0, status: "done" as "ok", nextRunAt: 0 },
				),
		];
		for (const attempt of attempts) {
			const error = await attempt().then(
				() => undefined,
				(caught: unknown) => caught,
			);
			expect(isStoreError(error) && error.code).toBe("invalid");
		}
		expect(await store.watches.list(place)).toEqual([]);
	});
});
