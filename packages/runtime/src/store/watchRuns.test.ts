import { type DurableStore, WATCH_SEEN_KEEP } from "@catbot/core";
import { describe, expect, it } from "vitest";
import { STORE_KINDS, useStoreBackends } from "../test-support/storeBackends.js";
import { freshPlace, newWatch } from "../test-support/storeFixtures.js";
import { HOUR, LEASE } from "../test-support/storeWatches.js";

const backends = useStoreBackends();

describe.each(STORE_KINDS)("watches on %s", (kind) => {
	// Each test gets its own database: claimDue sees every place's watches.
	const fresh = () => backends.open(kind);

	it("claims only the watches of the asking bot's platform, so bots sharing a database keep to their own", async () => {
		const db = await fresh();
		const chat = freshPlace();
		const channel = { platform: "discord" as const, id: `${Date.now()}1:2` };
		await db.watches.create(chat, newWatch(1, 100));
		await db.watches.create(channel, newWatch(2, 100));
		const telegram = await db.watches.claimDue({
			now: 1_000,
			limit: 10,
			leaseMs: LEASE,
			platform: "telegram",
		});
		expect(telegram.map((claim) => claim.watch.place.platform)).toEqual(["telegram"]);
		const discord = await db.watches.claimDue({ now: 1_000, limit: 10, leaseMs: LEASE, platform: "discord" });
		expect(discord.map((claim) => claim.watch.place)).toEqual([channel]);
	});

	it("claims due watches once, soonest first, and a lapsed lease is claimed again", async () => {
		const db = await fresh();
		const place = freshPlace();
		for (const [cat, at] of [
			[1, 300],
			[2, 100],
			[3, 200],
			[4, 5_000],
		] as const) {
			await db.watches.create(place, newWatch(cat, at));
		}
		const first = await db.watches.claimDue({ now: 1_000, limit: 2, leaseMs: LEASE });
		expect(first.map((claim) => claim.watch.command).sort()).toEqual(["/category 2", "/category 3"]);
		expect(first.every((claim) => claim.watch.nextRunAt === 1_000 + LEASE)).toBe(true);
		const second = await db.watches.claimDue({ now: 1_000, limit: 10, leaseMs: LEASE });
		expect(second.map((claim) => claim.watch.command)).toEqual(["/category 1"]);
		expect(await db.watches.claimDue({ now: 1_000, limit: 10, leaseMs: LEASE })).toEqual([]);
		// The runner of watch 2 died: after the lease, watch 2 (and 3, 1, and now-due 4) come back.
		const retried = await db.watches.claimDue({ now: 1_000 + LEASE, limit: 10, leaseMs: LEASE });
		expect(retried.map((claim) => claim.watch.command).sort()).toEqual([
			"/category 1",
			"/category 2",
			"/category 3",
			"/category 4",
		]);
		// The dead runner's claim no longer records; the new one does.
		const [old] = first;
		const renewed = retried.find((claim) => claim.watch.id === old?.watch.id);
		if (!old || !renewed) throw new Error("claims missing");
		const result = { at: 2_000, status: "ok", nextRunAt: 90_000, itemIds: ["1"] } as const;
		expect(await db.watches.recordResult(old, result)).toEqual({ recorded: false, newItemIds: [] });
		expect(await db.watches.recordResult(renewed, result)).toEqual({ recorded: true, newItemIds: ["1"] });
	});

	it("gives each due watch to one of two stores claiming at once", async () => {
		const where = await backends.location(kind);
		const [a, b] = [await backends.openAt(where, { watchesPerPlace: 60 }), await backends.openAt(where)];
		const place = freshPlace();
		for (let cat = 1; cat <= 60; cat++) await a.watches.create(place, newWatch(cat, cat));
		const claimAll = async (store: DurableStore) => {
			const ids: number[] = [];
			for (;;) {
				const claims = await store.watches.claimDue({ now: 100, limit: 4, leaseMs: LEASE });
				if (claims.length === 0) return ids;
				expect(claims.length).toBeLessThanOrEqual(4);
				ids.push(...claims.map((claim) => claim.watch.id));
			}
		};
		const claimed = (await Promise.all([claimAll(a), claimAll(b), claimAll(a), claimAll(b)])).flat();
		expect(claimed).toHaveLength(60);
		expect(new Set(claimed).size).toBe(60);
	});

	it("records results, posts only unseen products, and keeps the schedule", async () => {
		const db = await fresh();
		const place = freshPlace();
		await db.watches.create(place, newWatch(7, 0));
		const run = async (now: number, result: Parameters<DurableStore["watches"]["recordResult"]>[1]) => {
			const [claim] = await db.watches.claimDue({ now, limit: 1, leaseMs: LEASE });
			if (!claim) throw new Error(`nothing due at ${now}`);
			return db.watches.recordResult(claim, result);
		};
		const ok1 = await run(0, { at: 10, status: "ok", nextRunAt: 24 * HOUR, itemIds: ["3", "1", "2", "1"] });
		expect(ok1).toEqual({ recorded: true, newItemIds: ["3", "1", "2"] });
		expect(await db.watches.filterUnseen(1, ["2", "4", "3", "5"])).toEqual(["4", "5"]);
		expect(await db.watches.claimDue({ now: 24 * HOUR - 1, limit: 5, leaseMs: LEASE })).toEqual([]);

		const ok2 = await run(24 * HOUR, {
			at: 24 * HOUR,
			status: "ok",
			nextRunAt: 48 * HOUR,
			itemIds: ["4", "2", "5"],
		});
		expect(ok2.newItemIds).toEqual(["4", "5"]);
		await run(48 * HOUR, {
			at: 48 * HOUR,
			status: "skipped-budget",
			message: "Daily budget spent.",
			nextRunAt: 72 * HOUR,
		});
		let [watch] = await db.watches.list(place);
		expect(watch?.lastRun).toEqual({
			at: 48 * HOUR,
			status: "skipped-budget",
			message: "Daily budget spent.",
			newItems: 0,
		});
		expect(watch?.nextRunAt).toBe(72 * HOUR);

		await run(72 * HOUR, {
			at: 72 * HOUR,
			status: "failed",
			message: "TMAPI timed out.",
			nextRunAt: 73 * HOUR,
		});
		await run(73 * HOUR, {
			at: 73 * HOUR,
			status: "failed",
			message: "TMAPI timed out.",
			nextRunAt: 75 * HOUR,
		});
		[watch] = await db.watches.list(place);
		expect(watch?.failures).toBe(2);
		await run(75 * HOUR, { at: 75 * HOUR, status: "ok", nextRunAt: 99 * HOUR, itemIds: ["5", "6"] });
		[watch] = await db.watches.list(place);
		expect(watch).toMatchObject({ failures: 0, lastRun: { status: "ok", newItems: 1, message: null } });

		await run(99 * HOUR, {
			at: 99 * HOUR,
			status: "paused",
			message: "Category 7 no longer exists.",
			nextRunAt: 123 * HOUR,
		});
		[watch] = await db.watches.list(place);
		expect(watch).toMatchObject({
			pausedReason: "Category 7 no longer exists.",
			lastRun: { status: "paused" },
		});
		expect(await db.watches.claimDue({ now: 10_000 * HOUR, limit: 5, leaseMs: LEASE })).toEqual([]);
	});

	it("forgets the oldest seen products past WATCH_SEEN_KEEP", async () => {
		const db = await fresh();
		await db.watches.create(freshPlace(), newWatch(8, 0));
		const page = (start: number) => Array.from({ length: 200 }, (_, i) => String(start + i));
		let now = 0;
		for (let run = 0; run * 200 < WATCH_SEEN_KEEP + 400; run++) {
			const [claim] = await db.watches.claimDue({ now, limit: 1, leaseMs: LEASE });
			if (!claim) throw new Error("not due");
			const outcome = await db.watches.recordResult(claim, {
				at: now,
				status: "ok",
				nextRunAt: now + HOUR,
				itemIds: page(run * 200),
			});
			expect(outcome.newItemIds).toHaveLength(200);
			now += HOUR;
		}
		const [watch] = await db.watches.claimDue({ now, limit: 1, leaseMs: LEASE });
		if (!watch) throw new Error("not due");
		// The first two pages were forgotten; the last WATCH_SEEN_KEEP ids are still known.
		expect(
			await db.watches.filterUnseen(watch.watch.id, ["0", "399", "400", String(WATCH_SEEN_KEEP + 399)]),
		).toEqual(["0", "399"]);
	});

	it("pauses and resumes a place's watches, keeping their schedule and their own pauses", async () => {
		const db = await fresh();
		const place = freshPlace();
		const other = freshPlace();
		await db.watches.create(place, newWatch(1, 100));
		await db.watches.create(place, newWatch(2, 100));
		await db.watches.create(other, newWatch(3, 100));
		const [own] = await db.watches.claimDue({ now: 100, limit: 1, leaseMs: LEASE });
		if (!own) throw new Error("not due");
		await db.watches.recordResult(own, { at: 100, status: "paused", message: "Gone.", nextRunAt: 200 });

		expect(await db.watches.pausePlace(place)).toBe(2);
		expect((await db.watches.list(place)).every((watch) => watch.placePaused)).toBe(true);
		const due = await db.watches.claimDue({ now: 10_000, limit: 10, leaseMs: LEASE });
		expect(due.map((claim) => claim.watch.place)).toEqual([other]);

		expect(await db.watches.resumePlace(place)).toBe(2);
		const after = await db.watches.claimDue({ now: 10_000, limit: 10, leaseMs: LEASE });
		expect(after).toHaveLength(1);
		expect(after[0]?.watch.id).not.toBe(own.watch.id);
		expect(await db.watches.pausePlace(freshPlace())).toBe(0);
	});
});
