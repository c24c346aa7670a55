import { type DurableStore, isStoreError } from "@catbot/core";
import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { captureLogs } from "../test-support/logs.js";
import { STORE_KINDS, type StoreLocation, useStoreBackends } from "../test-support/storeBackends.js";
import { newWatch, savedCard } from "../test-support/storeFixtures.js";
import { migrateStore, STORE_SCHEMA_VERSION } from "./migrations.js";
import { openDatabase, openStore } from "./openStore.js";
import type { StoreDatabase } from "./schema.js";

const backends = useStoreBackends();
const place = { platform: "telegram", id: "-100200" } as const;

/** Runs `work` on the raw database, outside any store. */
async function withDatabase<T>(
	where: StoreLocation,
	work: (db: Kysely<StoreDatabase>) => Promise<T>,
): Promise<T> {
	const database = openDatabase({ ...where, logger: captureLogs().logger });
	try {
		return await work(database.db);
	} finally {
		await database.close();
	}
}

async function appliedMigrations(where: StoreLocation): Promise<string[]> {
	return withDatabase(where, async (db) => {
		const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
		return rows.map((row) => row.name);
	});
}

/** What a database at `version` may hold; each version adds to the previous one's data. */
async function seed(db: Kysely<StoreDatabase>, version: number): Promise<void> {
	if (version >= 1) {
		await db
			.insertInto("place")
			.values({ platform: place.platform, place_id: place.id, created_at: 1 })
			.execute();
		const card = savedCard("4242", 1_000);
		await db
			.insertInto("shortlist_card")
			.values({
				platform: place.platform,
				place_id: place.id,
				item_id: card.itemId,
				title: card.title,
				image_url: card.imageUrl,
				product_url: card.productUrl,
				price: card.price,
				currency: card.currency,
				moq: card.moq,
				shop_name: card.shopName,
				shop_url: card.shopUrl,
				category_id: card.categoryId,
				category_name: card.categoryName,
				command: card.command,
				saved_by_id: card.savedBy.userId,
				saved_by_name: card.savedBy.name,
				saved_at: card.savedAt,
			})
			.execute();
	}
}

async function expectWorking(store: DurableStore, version: number): Promise<void> {
	const page = await store.shortlist.list(place, { offset: 0, limit: 10 });
	expect(page.cards).toEqual(version >= 1 ? [savedCard("4242", 1_000)] : []);
	expect((await store.shortlist.save(place, savedCard("1", 2_000))).status).toBe("saved");
	expect((await store.watches.create(place, newWatch(5, 0))).status).toBe("created");
	expect(await store.watches.claimDue({ now: 0, limit: 5, leaseMs: 60_000 })).toHaveLength(1);
}

describe.each(STORE_KINDS)("migrations on %s", (kind) => {
	it("creates every table in an empty database, and a second start changes nothing", async () => {
		const where = await backends.location(kind);
		const logs = captureLogs();
		const store = await openStore({ ...where, logger: logs.logger });
		expect(
			logs.lines.filter((line) => line.msg === "store schema migrated").map((line) => line.migration),
		).toEqual(["0001_shortlist", "0002_watches"]);
		await expectWorking(store, 0);
		await store.close();
		const again = captureLogs();
		const reopened = await openStore({ ...where, logger: again.logger });
		expect(again.lines.filter((line) => line.msg === "store schema migrated")).toEqual([]);
		expect((await reopened.shortlist.list(place, { offset: 0, limit: 5 })).total).toBe(1);
		await reopened.close();
		expect(await appliedMigrations(where)).toEqual(["0001_shortlist", "0002_watches"]);
	});

	for (let version = 1; version < STORE_SCHEMA_VERSION; version++) {
		it(`upgrades a database at version ${version} and keeps its data`, async () => {
			const where = await backends.location(kind);
			await withDatabase(where, async (db) => {
				await migrateStore(db as Kysely<unknown>, kind, captureLogs().logger, version);
				await seed(db, version);
			});
			expect(await appliedMigrations(where)).toHaveLength(version);
			const store = await backends.openAt(where);
			await expectWorking(store, version);
			expect(await appliedMigrations(where)).toHaveLength(STORE_SCHEMA_VERSION);
		});
	}

	it("refuses a database written by a newer catbot", async () => {
		const where = await backends.location(kind);
		await (await openStore({ ...where, logger: captureLogs().logger })).close();
		await withDatabase(where, async (db) => {
			await sql`insert into kysely_migration (name, timestamp) values ('0003_future', '2030-01-01T00:00:00Z')`.execute(
				db,
			);
		});
		const error = await openStore({ ...where, logger: captureLogs().logger }).catch(
			(caught: unknown) => caught,
		);
		expect(isStoreError(error) && error.code).toBe("migration");
		expect((error as Error).message).toBe("The saved data could not be prepared for this version of catbot.");
	});
});

describe("two stores migrating one PostgreSQL database at once", () => {
	it("apply each migration once, and both work", async () => {
		for (let round = 0; round < 3; round++) {
			const where = await backends.location("postgres");
			const logs = [captureLogs(), captureLogs(), captureLogs()];
			const stores = await Promise.all(logs.map((log) => openStore({ ...where, logger: log.logger })));
			const migrated = logs.flatMap((log) =>
				log.lines.filter((line) => line.msg === "store schema migrated"),
			);
			expect(migrated.map((line) => line.migration).sort()).toEqual(["0001_shortlist", "0002_watches"]);
			expect(await appliedMigrations(where)).toEqual(["0001_shortlist", "0002_watches"]);
			for (const [n, store] of stores.entries()) {
				expect((await store.shortlist.save(place, savedCard(String(n + 1), n))).status).toBe("saved");
			}
			expect((await stores[0]?.shortlist.list(place, { offset: 0, limit: 5 }))?.total).toBe(3);
			await Promise.all(stores.map((store) => store.close()));
		}
	});
});
