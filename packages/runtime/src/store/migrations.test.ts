import { type DurableStore, isStoreError, type Place, type SavedCard } from "@catbot/core";
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
const ALL = ["0001_shortlist", "0002_watches", "0003_card_category_optional"];

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

/** A card as a row, written with plain SQL as an older catbot would have. */
async function insertCard(db: Kysely<StoreDatabase>, where: Place, card: SavedCard): Promise<void> {
	await db
		.insertInto("shortlist_card")
		.values({
			platform: where.platform,
			place_id: where.id,
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

/** What a database at `version` may hold; each version adds to the previous one's data. */
async function seed(db: Kysely<StoreDatabase>, version: number): Promise<void> {
	if (version >= 1) {
		await db
			.insertInto("place")
			.values({ platform: place.platform, place_id: place.id, created_at: 1 })
			.execute();
		await insertCard(db, place, savedCard("4242", 1_000));
	}
}

async function expectWorking(store: DurableStore, version: number): Promise<void> {
	const page = await store.shortlist.list(place, { offset: 0, limit: 10 });
	expect(page.cards).toEqual(version >= 1 ? [savedCard("4242", 1_000)] : []);
	expect((await store.shortlist.save(place, savedCard("1", 2_000))).status).toBe("saved");
	expect((await store.watches.create(place, newWatch(5, 0))).status).toBe("created");
	expect(await store.watches.claimDue({ now: 0, limit: 5, leaseMs: 60_000 })).toHaveLength(1);
}

/** shortlist_card's columns (name, type, NOT NULL) and indexes (name, definition), as the database reports them. */
async function cardTableShape(db: Kysely<StoreDatabase>, kind: string) {
	if (kind === "sqlite") {
		const columns = await sql<{ name: string; type: string; notnull: number; pk: number }>`
			select name, type, "notnull", pk from pragma_table_info('shortlist_card') order by cid`.execute(db);
		const indexes = await sql<{ name: string; sql: string | null }>`
			select name, sql from sqlite_master where type = 'index' and tbl_name = 'shortlist_card' order by name`.execute(
			db,
		);
		const unique = await sql<{ name: string; unique: number; origin: string }>`
			select name, "unique", origin from pragma_index_list('shortlist_card') order by name`.execute(db);
		return { columns: columns.rows, indexes: indexes.rows, unique: unique.rows };
	}
	const columns = await sql<{ name: string; type: string; nullable: string; identity: string }>`
		select column_name as name, data_type as type, is_nullable as nullable, is_identity as identity
		from information_schema.columns where table_name = 'shortlist_card' order by ordinal_position`.execute(
		db,
	);
	const indexes = await sql<{ name: string; sql: string }>`
		select indexname as name, indexdef as sql from pg_indexes where tablename = 'shortlist_card' order by indexname`.execute(
		db,
	);
	const unique = await sql<{ name: string; type: string }>`
		select conname as name, contype as type from pg_constraint
		where conrelid = 'shortlist_card'::regclass order by conname`.execute(db);
	return { columns: columns.rows, indexes: indexes.rows, unique: unique.rows };
}

async function cardRows(db: Kysely<StoreDatabase>) {
	return db.selectFrom("shortlist_card").selectAll().orderBy("id").execute();
}

describe.each(STORE_KINDS)("migrations on %s", (kind) => {
	it("creates every table in an empty database, and a second start changes nothing", async () => {
		const where = await backends.location(kind);
		const logs = captureLogs();
		const store = await openStore({ ...where, logger: logs.logger });
		expect(
			logs.lines.filter((line) => line.msg === "store schema migrated").map((line) => line.migration),
		).toEqual(ALL);
		await expectWorking(store, 0);
		await store.close();
		const again = captureLogs();
		const reopened = await openStore({ ...where, logger: again.logger });
		expect(again.lines.filter((line) => line.msg === "store schema migrated")).toEqual([]);
		expect((await reopened.shortlist.list(place, { offset: 0, limit: 5 })).total).toBe(1);
		await reopened.close();
		expect(await appliedMigrations(where)).toEqual(ALL);
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

	it("brings a version 2 database with cards to version 3 with every row, field, index and id counter kept", async () => {
		const where = await backends.location(kind);
		const discord: Place = { platform: "discord", id: "1100:7" };
		const cards: [Place, SavedCard][] = [
			[place, savedCard("4242", 1_000)],
			[
				place,
				savedCard("884674536008", 1_000, {
					title: "长👗".repeat(100),
					price: 1234567.89,
					moq: 99_999_999_999,
					categoryId: 99_999_999_999,
				}),
			],
			[
				discord,
				savedCard("7", 3_000, {
					imageUrl: null,
					price: null,
					moq: null,
					shopName: null,
					shopUrl: null,
					categoryName: null,
					savedBy: { userId: "u-7", name: null },
				}),
			],
			[place, savedCard("99", 4_000)],
		];
		const before = await withDatabase(where, async (db) => {
			await migrateStore(db as Kysely<unknown>, kind, captureLogs().logger, 2);
			for (const at of [place, discord])
				await db
					.insertInto("place")
					.values({ platform: at.platform, place_id: at.id, created_at: 1 })
					.execute();
			for (const [at, card] of cards) await insertCard(db, at, card);
			// The newest id is removed: version 3 must not give it out again.
			await db.deleteFrom("shortlist_card").where("item_id", "=", "99").execute();
			return { rows: await cardRows(db), shape: await cardTableShape(db, kind) };
		});
		expect(before.rows).toHaveLength(3);

		const store = await backends.openAt(where);
		const searched = savedCard("5", 5_000, {
			categoryId: null,
			categoryName: null,
			command: "/search summer dress",
		});
		expect(await store.shortlist.save(place, searched)).toEqual({
			status: "saved",
			card: searched,
			total: 3,
		});
		expect((await store.shortlist.list(place, { offset: 0, limit: 10 })).cards).toEqual([
			searched,
			cards[1]?.[1],
			cards[0]?.[1],
		]);
		expect(await store.shortlist.get(discord, "7")).toEqual(cards[2]?.[1]);

		await withDatabase(where, async (db) => {
			const rows = await cardRows(db);
			expect(rows.slice(0, 3)).toEqual(before.rows);
			expect(rows[3]).toMatchObject({ id: 5, item_id: "5", category_id: null });
			// The same table but for category_id, which may now be null.
			const shape = await cardTableShape(db, kind);
			const optional = (columns: readonly Record<string, unknown>[]) =>
				columns.map((column) =>
					column.name !== "category_id"
						? column
						: kind === "sqlite"
							? { ...column, notnull: 0 }
							: { ...column, nullable: "YES" },
				);
			expect(shape).toEqual({ ...before.shape, columns: optional(before.shape.columns) });
			expect(shape.columns).not.toEqual(before.shape.columns);
			// Still one entry per product per place, and still no card without a title.
			await expect(insertCard(db, discord, savedCard("7", 6_000))).rejects.toThrow(/unique|duplicate/i);
			await expect(
				insertCard(db, discord, savedCard("8", 6_000, { title: null as unknown as string })),
			).rejects.toThrow(/not.null/i);
		});
	});

	it("refuses a database written by a newer catbot", async () => {
		const where = await backends.location(kind);
		await (await openStore({ ...where, logger: captureLogs().logger })).close();
		await withDatabase(where, async (db) => {
			const future = `${String(STORE_SCHEMA_VERSION + 1).padStart(4, "0")}_future`;
			await sql`insert into kysely_migration (name, timestamp) values (${future}, '2030-01-01T00:00:00Z')`.execute(
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
			expect(migrated.map((line) => line.migration).sort()).toEqual(ALL);
			expect(await appliedMigrations(where)).toEqual(ALL);
			for (const [n, store] of stores.entries()) {
				expect((await store.shortlist.save(place, savedCard(String(n + 1), n))).status).toBe("saved");
			}
			expect((await stores[0]?.shortlist.list(place, { offset: 0, limit: 5 }))?.total).toBe(3);
			await Promise.all(stores.map((store) => store.close()));
		}
	});
});
