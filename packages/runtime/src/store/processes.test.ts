import { describe, expect, it } from "vitest";
import { STORE_KINDS, useStoreBackends } from "../test-support/storeBackends.js";
import { freshPlace, newWatch, savedCard } from "../test-support/storeFixtures.js";
import { runProcesses } from "../test-support/storeProcesses.js";

// Separate Node processes on one SQLite file or one PostgreSQL database, as `pnpm start` runs the bots.
const backends = useStoreBackends();

// Each test starts Node processes, and the first one a PostgreSQL server: slower than the default allows.
describe.each(STORE_KINDS)("several processes on one %s database", { timeout: 90_000 }, (kind) => {
	it("migrate an empty database at once, each migration applied once", async () => {
		for (let round = 0; round < 3; round++) {
			const where = await backends.location(kind);
			const results = await runProcesses(where, [
				{ task: "migrate" },
				{ task: "migrate" },
				{ task: "migrate" },
			]);
			expect(results).toEqual([kind, kind, kind]);
			const store = await backends.openAt(where);
			expect(await store.shortlist.list(freshPlace(), { offset: 0, limit: 1 })).toMatchObject({ total: 0 });
		}
	});

	it("never pass SHORTLIST_MAX together", async () => {
		const where = await backends.location(kind);
		const place = freshPlace();
		const store = await backends.openAt(where, { shortlistMax: 10 });
		for (let i = 1; i <= 9; i++) await store.shortlist.save(place, savedCard(String(i), i));
		const job = (base: number) => ({
			task: "save" as const,
			place,
			shortlistMax: 10,
			cards: Array.from({ length: 5 }, (_, i) => savedCard(String(base + i), 100)),
		});
		const results = (await runProcesses(where, [job(100), job(200)])) as string[][];
		expect(results.flat().filter((status) => status === "saved")).toHaveLength(1);
		expect(results.flat().filter((status) => status === "full")).toHaveLength(9);
		expect((await store.shortlist.list(place, { offset: 0, limit: 20 })).total).toBe(10);
	});

	it("claim each due watch exactly once", async () => {
		const where = await backends.location(kind);
		const store = await backends.openAt(where, { watchesPerPlace: 100 });
		const place = freshPlace();
		for (let cat = 1; cat <= 40; cat++) await store.watches.create(place, newWatch(cat, cat));
		const job = { task: "claim" as const, now: 1_000, batch: 3 };
		const results = (await runProcesses(where, [job, job, job])) as number[][];
		const claimed = results.flat();
		expect(claimed).toHaveLength(40);
		expect(new Set(claimed).size).toBe(40);
		expect(await store.watches.claimDue({ now: 1_000, limit: 100, leaseMs: 60_000 })).toEqual([]);
	});
});
