import type { Logger } from "@catbot/core";
import { StoreError } from "@catbot/core";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { StoreDatabase } from "./schema.js";

const INT8_OID = 20;

/**
 * PostgreSQL sends `bigint` (and count(*)) as text so that no precision is lost; every bigint here is a
 * millisecond time, an id or a count, far below 2^53, so it is read as a number like on SQLite.
 */
const types = {
	getTypeParser(oid: number, format?: "text" | "binary") {
		if (oid === INT8_OID) return (value: string) => Number(value);
		return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
	},
} as pg.CustomTypesConfig;

/** True for a postgres:// or postgresql:// URL. Never throws, and never echoes the URL. */
export function isPostgresUrl(url: string): boolean {
	return URL.canParse(url) && /^postgres(ql)?:$/.test(new URL(url).protocol);
}

/**
 * A pool on DATABASE_URL. The URL may hold a password: it goes to pg and nowhere else, no error or log
 * line quotes it.
 */
export function openPostgres(databaseUrl: string, logger: Logger, poolSize = 10): Kysely<StoreDatabase> {
	if (!isPostgresUrl(databaseUrl)) {
		throw new StoreError("invalid", { detail: "DATABASE_URL must be a URL such as postgres://user@host/db" });
	}
	let pool: pg.Pool;
	try {
		pool = new pg.Pool({
			connectionString: databaseUrl,
			max: poolSize,
			connectionTimeoutMillis: 5_000,
			idleTimeoutMillis: 30_000,
			statement_timeout: 15_000,
			application_name: "catbot",
			types,
		});
	} catch {
		// pg's own parse error may quote the URL, so it is not kept as the cause.
		throw new StoreError("invalid", { detail: "DATABASE_URL could not be read" });
	}
	// An idle client whose server went away emits here; unhandled, it would end the process.
	pool.on("error", (error: Error & { code?: string }) => {
		logger.warn({ code: error.code ?? null }, "an idle database connection failed");
	});
	return new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
}
