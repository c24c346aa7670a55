import {
	type DurableStore,
	type Logger,
	parseStoreInput,
	SHORTLIST_MAX_DEFAULT,
	StoreError,
	WATCHES_PER_PLACE_DEFAULT,
} from "@catbot/core";
import type { Kysely } from "kysely";
import * as v from "valibot";
import { createContext } from "./context.js";
import { toStoreError } from "./errors.js";
import { migrateStore } from "./migrations.js";
import { openPostgres } from "./postgres.js";
import type { StoreDatabase, StoreKind } from "./schema.js";
import { createSqlShortlistStore } from "./shortlist.js";
import { openSqlite } from "./sqlite.js";
import { createSqlWatchStore } from "./watches.js";

/** Where DATA_DIR points when unset. */
export const DATA_DIR_DEFAULT = "./data";

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
	/** DATA_DIR: the SQLite file is `<dataDir>/catbot.sqlite`; created when missing. Default ./data. */
	readonly dataDir?: string | undefined;
	/** DATABASE_URL: when set, PostgreSQL is used instead of SQLite, so several processes share the data. */
	readonly databaseUrl?: string | undefined;
	readonly logger: Logger;
	/** SHORTLIST_MAX: cards per place. Default 500. */
	readonly shortlistMax?: number | undefined;
	/** WATCHES_PER_PLACE: watches per place. Default 10. */
	readonly watchesPerPlace?: number | undefined;
	/** PostgreSQL connections of this process. Default 10. */
	readonly poolSize?: number | undefined;
}

const LimitsSchema = v.object({
	shortlistMax: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
	watchesPerPlace: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000)),
	poolSize: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
});

/** The chosen database, open; exported for the migration tests and the benchmark. */
export interface OpenDatabase {
	readonly db: Kysely<StoreDatabase>;
	readonly kind: StoreKind;
	close(): Promise<void>;
}

/** Opens PostgreSQL when `databaseUrl` is set, else the SQLite file under `dataDir`; no migration. */
export function openDatabase(options: OpenStoreOptions, poolSize = 10): OpenDatabase {
	if (options.databaseUrl !== undefined && options.databaseUrl !== "") {
		const db = openPostgres(options.databaseUrl, options.logger, poolSize);
		return { db, kind: "postgres", close: () => db.destroy() };
	}
	const sqlite = openSqlite(options.dataDir ?? DATA_DIR_DEFAULT);
	options.logger.debug({ file: sqlite.file }, "store file");
	return { db: sqlite.db, kind: "sqlite", close: () => sqlite.release() };
}

/**
 * Opens the durable store: PostgreSQL when `databaseUrl` is set, else a SQLite file under `dataDir`. The
 * schema is migrated before this resolves, safely when several processes start at once. Close it on
 * shutdown.
 *
 * @example
 * const store = await openStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, logger });
 * const result = await store.shortlist.save(place, card);
 * await store.close();
 */
export async function openStore(options: OpenStoreOptions): Promise<DurableStore> {
	const limits = parseStoreInput(
		LimitsSchema,
		{
			shortlistMax: options.shortlistMax ?? SHORTLIST_MAX_DEFAULT,
			watchesPerPlace: options.watchesPerPlace ?? WATCHES_PER_PLACE_DEFAULT,
			poolSize: options.poolSize ?? 10,
		},
		"store options",
	);
	const { db, kind, close } = openDatabase(options, limits.poolSize);
	try {
		await migrateStore(db as Kysely<unknown>, kind, options.logger);
	} catch (error) {
		await close().catch(() => undefined);
		throw error instanceof StoreError ? error : toStoreError(error);
	}
	options.logger.info({ store: kind }, "store opened");
	let closed = false;
	const context = createContext(db, () => closed);
	return {
		kind,
		shortlist: createSqlShortlistStore(context, { maxPerPlace: limits.shortlistMax }),
		watches: createSqlWatchStore(context, { maxPerPlace: limits.watchesPerPlace, kind }),
		async close() {
			if (closed) return;
			closed = true;
			await close();
		},
	};
}
