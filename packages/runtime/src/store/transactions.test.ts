import { isStoreError } from "@catbot/core";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { captureLogs } from "../test-support/logs.js";
import {
	STORE_KINDS,
	type StoreLocation,
	type TestStoreKind,
	useStoreBackends,
} from "../test-support/storeBackends.js";
import { freshPlace, newWatch, savedCard } from "../test-support/storeFixtures.js";
import { openDatabase } from "./openStore.js";

const backends = useStoreBackends();

/** Makes every insert into `table` fail, as a full disk or a killed connection would mid-transaction. */
async function breakInserts(where: StoreLocation, kind: TestStoreKind, table: string, broken: boolean) {
	const database = openDatabase({ ...where, logger: captureLogs().logger });
	try {
		if (kind === "sqlite") {
			await sql
				.raw(
					broken
						? `create trigger broken before insert on ${table} begin select raise(abort, 'disk gone'); end`
						: "drop trigger broken",
				)
				.execute(database.db);
		} else if (broken) {
			await sql
				.raw(
					"create function broken() returns trigger language plpgsql as $$ begin raise exception 'disk gone'; end $$",
				)
				.execute(database.db);
			await sql
				.raw(`create trigger broken before insert on ${table} for each row execute function broken()`)
				.execute(database.db);
		} else {
			await sql.raw(`drop trigger broken on ${table}; drop function broken()`).execute(database.db);
		}
	} finally {
		await database.close();
	}
}

async function placeRows(where: StoreLocation): Promise<number> {
	const database = openDatabase({ ...where, logger: captureLogs().logger });
	try {
		const row = await database.db
			.selectFrom("place")
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	} finally {
		await database.close();
	}
}

describe.each(STORE_KINDS)("a failure between two statements on %s", (kind) => {
	it("leaves no half-saved card: the place row written first is rolled back too", async () => {
		const where = await backends.location(kind);
		const store = await backends.openAt(where);
		const place = freshPlace();
		await breakInserts(where, kind, "shortlist_card", true);
		const error = await store.shortlist.save(place, savedCard("1", 1)).catch((caught: unknown) => caught);
		expect(isStoreError(error) && error.code).toBe("failed");
		expect(await placeRows(where)).toBe(0);
		await breakInserts(where, kind, "shortlist_card", false);
		expect((await store.shortlist.save(place, savedCard("1", 1))).status).toBe("saved");
	});

	it("leaves a run unrecorded as a whole when marking its products seen fails", async () => {
		const where = await backends.location(kind);
		const store = await backends.openAt(where);
		const place = freshPlace();
		await store.watches.create(place, newWatch(1, 0));
		const [claim] = await store.watches.claimDue({ now: 0, limit: 1, leaseMs: 60_000 });
		if (!claim) throw new Error("not due");
		await breakInserts(where, kind, "watch_seen", true);
		const result = { at: 10, status: "ok", nextRunAt: 99_000, itemIds: ["5", "6"] } as const;
		const error = await store.watches.recordResult(claim, result).catch((caught: unknown) => caught);
		expect(isStoreError(error) && error.code).toBe("failed");
		const [watch] = await store.watches.list(place);
		expect(watch).toMatchObject({ lastRun: null, nextRunAt: 60_000 });
		// Nothing was marked: the retry still finds both products new, under the same claim.
		await breakInserts(where, kind, "watch_seen", false);
		expect(await store.watches.recordResult(claim, result)).toEqual({
			recorded: true,
			newItemIds: ["5", "6"],
		});
	});
});
