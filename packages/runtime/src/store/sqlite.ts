import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { StoreError } from "@catbot/core";
import Sqlite from "better-sqlite3";
import {
	CompiledQuery,
	type DatabaseConnection,
	type Driver,
	Kysely,
	SqliteAdapter,
	type SqliteDatabase,
	SqliteDialect,
	type SqliteDialectConfig,
	SqliteDriver,
} from "kysely";
import type { StoreDatabase } from "./schema.js";

/** File name of the SQLite database inside DATA_DIR. */
export const SQLITE_FILE_NAME = "catbot.sqlite";
/** How long a statement waits for another process's write lock before failing as "unavailable". */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Takes the write lock when a transaction begins, not at its first write: a deferred transaction that
 * read first cannot be upgraded once another process has written (SQLITE_BUSY_SNAPSHOT, no waiting),
 * while BEGIN IMMEDIATE simply waits for the lock under busy_timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw("begin immediate"));
	}
}

/**
 * SQLite runs DDL inside transactions. Saying so makes Kysely's Migrator run all pending migrations in one
 * transaction, which BEGIN IMMEDIATE turns into a lock between processes (Kysely's own SQLite adapter
 * runs them with no transaction and no lock, since it assumes one process).
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
	override get supportsTransactionalDdl(): boolean {
		return true;
	}
}

class StoreSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig;
	constructor(config: SqliteDialectConfig) {
		super(config);
		this.#config = config;
	}
	override createDriver(): Driver {
		return new ImmediateSqliteDriver(this.#config);
	}
	override createAdapter(): SqliteAdapter {
		return new TransactionalSqliteAdapter();
	}
}

/** A SQLite database shared by the stores of this process that opened the same file. */
export interface SharedSqlite {
	readonly db: Kysely<StoreDatabase>;
	readonly file: string;
	/** Drops this opener's share; the connection closes with the last one. */
	release(): Promise<void>;
}

const open = new Map<string, { db: Kysely<StoreDatabase>; users: number }>();

/**
 * Opens (and creates) `<dataDir>/catbot.sqlite` in WAL mode, so readers never wait for the writer.
 * Stores of one process on one file share a connection: better-sqlite3 waits for a lock synchronously,
 * so a second connection waiting on the first in the same thread would block the very code that holds
 * the lock, until busy_timeout. Other processes on the file wait for the lock as usual.
 */
export function openSqlite(dataDir: string): SharedSqlite {
	const file = join(resolve(dataDir), SQLITE_FILE_NAME);
	let entry = open.get(file);
	if (!entry) {
		entry = {
			db: new Kysely<StoreDatabase>({
				dialect: new StoreSqliteDialect({ database: keepingStatements(connect(file)) }),
			}),
			users: 0,
		};
		open.set(file, entry);
	}
	const shared = entry;
	shared.users += 1;
	let released = false;
	return {
		db: shared.db,
		file,
		async release() {
			if (released) return;
			released = true;
			shared.users -= 1;
			if (shared.users > 0) return;
			open.delete(file);
			await shared.db.destroy();
		},
	};
}

function connect(file: string): Sqlite.Database {
	try {
		mkdirSync(dirname(file), { recursive: true });
		const database = new Sqlite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
		// exec, not pragma(): pragma() prepares a statement and drops it (see keepingStatements).
		// FULL: a commit is on disk before it is acknowledged, so an acknowledged save survives a power cut.
		database.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
		return database;
	} catch (cause) {
		throw new StoreError("unavailable", { detail: `cannot open the SQLite file ${file}`, cause });
	}
}

/** better-sqlite3 objects this process made, kept until exit; see {@link keepingStatements}. */
const keptUntilExit: unknown[] = [];

/**
 * better-sqlite3 12 on Node 24 aborts the whole process when V8's garbage collector destroys one of its
 * objects (a Statement, a Database) at a moment Node has no current environment: node::ObjectWrap's
 * destructor asserts `env != nullptr` (WiseLibs/better-sqlite3#1515, closed without a fix; 13.x needs Node
 * 22). So none is ever left to the collector: each SQL text is prepared once per connection and kept, and
 * a connection and its statements stay referenced after close, until Node's own exit hooks destroy them
 * with an environment. Kysely's SQL is parameterised, so a connection has a bounded set of texts.
 */
function keepingStatements(database: Sqlite.Database): SqliteDatabase {
	const statements = new Map<string, Sqlite.Statement>();
	keptUntilExit.push(database, statements);
	return {
		close: () => database.close(),
		prepare(sql) {
			let statement = statements.get(sql);
			if (statement === undefined) {
				statement = database.prepare(sql);
				statements.set(sql, statement);
			}
			return statement;
		},
	};
}
