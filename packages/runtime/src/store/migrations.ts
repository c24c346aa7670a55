import { isStoreError, type Logger, StoreError } from "@catbot/core";
import type { ColumnDefinitionBuilder, Kysely, Migration } from "kysely";
import { Migrator, sql } from "kysely";
import { toStoreError } from "./errors.js";
import type { StoreKind } from "./schema.js";

// The schema history. Never edit a released migration: add the next one. Names sort in version order.
const NAMES = ["0001_shortlist", "0002_watches", "0003_card_category_optional"] as const;

/** The schema version this code brings a database to. */
export const STORE_SCHEMA_VERSION = NAMES.length;

type Db = Kysely<unknown>;

/** An auto-numbered primary key: the two databases spell it differently, and ids are never reused. */
function idColumn(kind: StoreKind) {
	return kind === "sqlite"
		? (col: ColumnDefinitionBuilder) => col.primaryKey().autoIncrement()
		: (col: ColumnDefinitionBuilder) => col.primaryKey().generatedByDefaultAsIdentity();
}

function migrations(kind: StoreKind): Record<(typeof NAMES)[number], Migration> {
	const idType = kind === "sqlite" ? "integer" : "bigint";
	return {
		"0001_shortlist": {
			async up(db: Db) {
				await db.schema
					.createTable("place")
					.addColumn("platform", "text", (col) => col.notNull())
					.addColumn("place_id", "text", (col) => col.notNull())
					.addColumn("created_at", "bigint", (col) => col.notNull())
					.addPrimaryKeyConstraint("place_pk", ["platform", "place_id"])
					.execute();
				await db.schema
					.createTable("shortlist_card")
					.addColumn("id", idType, idColumn(kind))
					.addColumn("platform", "text", (col) => col.notNull())
					.addColumn("place_id", "text", (col) => col.notNull())
					.addColumn("item_id", "text", (col) => col.notNull())
					.addColumn("title", "text", (col) => col.notNull())
					.addColumn("image_url", "text")
					.addColumn("product_url", "text", (col) => col.notNull())
					.addColumn("price", "double precision")
					.addColumn("currency", "text", (col) => col.notNull())
					.addColumn("moq", "bigint")
					.addColumn("shop_name", "text")
					.addColumn("shop_url", "text")
					.addColumn("category_id", "bigint", (col) => col.notNull())
					.addColumn("category_name", "text")
					.addColumn("command", "text", (col) => col.notNull())
					.addColumn("saved_by_id", "text", (col) => col.notNull())
					.addColumn("saved_by_name", "text")
					.addColumn("saved_at", "bigint", (col) => col.notNull())
					.addUniqueConstraint("shortlist_card_item", ["platform", "place_id", "item_id"])
					.execute();
				await db.schema
					.createIndex("shortlist_card_newest")
					.on("shortlist_card")
					.columns(["platform", "place_id", "saved_at desc", "id desc"])
					.execute();
			},
		},
		"0002_watches": {
			async up(db: Db) {
				await db.schema
					.createTable("watch")
					.addColumn("id", idType, idColumn(kind))
					.addColumn("platform", "text", (col) => col.notNull())
					.addColumn("place_id", "text", (col) => col.notNull())
					.addColumn("query_key", "text", (col) => col.notNull())
					.addColumn("command", "text", (col) => col.notNull())
					.addColumn("interval_hours", "integer", (col) => col.notNull())
					.addColumn("created_by", "text", (col) => col.notNull())
					.addColumn("created_at", "bigint", (col) => col.notNull())
					.addColumn("next_run_at", "bigint", (col) => col.notNull())
					.addColumn("claim", "integer", (col) => col.notNull().defaultTo(0))
					.addColumn("last_run_at", "bigint")
					.addColumn("last_status", "text")
					.addColumn("last_message", "text")
					.addColumn("last_new_items", "integer")
					.addColumn("failures", "integer", (col) => col.notNull().defaultTo(0))
					.addColumn("paused_reason", "text")
					.addColumn("place_paused", "integer", (col) => col.notNull().defaultTo(0))
					.addUniqueConstraint("watch_query", ["platform", "place_id", "query_key"])
					.execute();
				await db.schema.createIndex("watch_due").on("watch").columns(["next_run_at", "id"]).execute();
				await db.schema
					.createTable("watch_seen")
					.addColumn("watch_id", idType, (col) => col.notNull().references("watch.id").onDelete("cascade"))
					.addColumn("item_id", "text", (col) => col.notNull())
					.addColumn("seen_at", "bigint", (col) => col.notNull())
					.addPrimaryKeyConstraint("watch_seen_pk", ["watch_id", "item_id"])
					.execute();
				await db.schema
					.createIndex("watch_seen_oldest")
					.on("watch_seen")
					.columns(["watch_id", "seen_at"])
					.execute();
			},
		},
		// A card saved from a keyword search may have no category.
		"0003_card_category_optional": {
			async up(db: Db) {
				if (kind === "postgres") {
					await db.schema
						.alterTable("shortlist_card")
						.alterColumn("category_id", (col) => col.dropNotNull())
						.execute();
					return;
				}
				await rebuildSqliteShortlist(db);
			},
		},
	};
}

/** shortlist_card's columns from 0001 on, in their order; 0003 copies them all. */
const CARD_COLUMNS = [
	"id",
	"platform",
	"place_id",
	"item_id",
	"title",
	"image_url",
	"product_url",
	"price",
	"currency",
	"moq",
	"shop_name",
	"shop_url",
	"category_id",
	"category_name",
	"command",
	"saved_by_id",
	"saved_by_name",
	"saved_at",
] as const;

/**
 * SQLite cannot drop a NOT NULL, so 0003 rebuilds shortlist_card as sqlite.org's "other ALTER TABLE
 * changes" says: new table, copy, drop, rename, index. It runs inside the migration's BEGIN IMMEDIATE
 * transaction, so no other process sees the table half-built. Nothing references shortlist_card, so the
 * drop needs no foreign key pause. The AUTOINCREMENT counter is carried over, so ids of removed cards
 * are still never reused.
 */
async function rebuildSqliteShortlist(db: Db): Promise<void> {
	await db.schema
		.createTable("shortlist_card_0003")
		.addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
		.addColumn("platform", "text", (col) => col.notNull())
		.addColumn("place_id", "text", (col) => col.notNull())
		.addColumn("item_id", "text", (col) => col.notNull())
		.addColumn("title", "text", (col) => col.notNull())
		.addColumn("image_url", "text")
		.addColumn("product_url", "text", (col) => col.notNull())
		.addColumn("price", "double precision")
		.addColumn("currency", "text", (col) => col.notNull())
		.addColumn("moq", "bigint")
		.addColumn("shop_name", "text")
		.addColumn("shop_url", "text")
		.addColumn("category_id", "bigint")
		.addColumn("category_name", "text")
		.addColumn("command", "text", (col) => col.notNull())
		.addColumn("saved_by_id", "text", (col) => col.notNull())
		.addColumn("saved_by_name", "text")
		.addColumn("saved_at", "bigint", (col) => col.notNull())
		.addUniqueConstraint("shortlist_card_item", ["platform", "place_id", "item_id"])
		.execute();
	const columns = sql.join(CARD_COLUMNS.map((name) => sql.ref(name)));
	await sql`insert into shortlist_card_0003 (${columns}) select ${columns} from shortlist_card order by id`.execute(
		db,
	);
	const { rows } = await sql<{ seq: number }>`
		select seq from sqlite_sequence where name = 'shortlist_card'`.execute(db);
	await db.schema.dropTable("shortlist_card").execute();
	await db.schema.alterTable("shortlist_card_0003").renameTo("shortlist_card").execute();
	const seq = rows[0]?.seq;
	if (seq !== undefined) {
		await sql`delete from sqlite_sequence where name = 'shortlist_card'`.execute(db);
		await sql`insert into sqlite_sequence (name, seq) values ('shortlist_card', ${seq})`.execute(db);
	}
	await db.schema
		.createIndex("shortlist_card_newest")
		.on("shortlist_card")
		.columns(["platform", "place_id", "saved_at desc", "id desc"])
		.execute();
}

/**
 * Brings the schema to `version` (default: the latest) with Kysely's Migrator. Each run is one
 * transaction under a lock (PostgreSQL: an advisory lock; SQLite: BEGIN IMMEDIATE, see sqlite.ts), so two
 * processes starting at once apply each migration once and the second finds nothing left to do.
 */
export async function migrateStore(
	db: Kysely<unknown>,
	kind: StoreKind,
	logger: Logger,
	version: number = STORE_SCHEMA_VERSION,
): Promise<void> {
	const all = migrations(kind);
	const target = NAMES[version - 1];
	if (target === undefined) throw new StoreError("migration", { detail: `no schema version ${version}` });
	const migrator = new Migrator({ db, provider: { getMigrations: async () => all } });
	const { error, results } = await migrator.migrateTo(target).catch((cause: unknown) => ({
		error: cause,
		results: undefined,
	}));
	for (const result of results ?? []) {
		if (result.status === "Success")
			logger.info({ migration: result.migrationName }, "store schema migrated");
	}
	if (error !== undefined) {
		if (isStoreError(error)) throw error;
		// A database that cannot be reached is not a broken schema: say so, so the operator looks there.
		const mapped = toStoreError(error);
		if (mapped.code === "unavailable") throw mapped;
		const failed = results?.find((result) => result.status === "Error")?.migrationName;
		throw new StoreError("migration", {
			detail: failed === undefined ? "the schema history could not be read" : `migration ${failed} failed`,
			cause: error,
		});
	}
}
