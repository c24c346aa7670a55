import { isStoreError, StoreError } from "@catbot/core";

// Error codes that mean "the database is not there or too busy", not "this statement is wrong":
// SQLite's busy and locked codes; PostgreSQL's connection, login, missing-database, shutdown and resource
// classes, and its deadlock and serialization failures (the statement was fine, another transaction was
// in the way); socket errors.
const UNAVAILABLE =
	/^(SQLITE_(BUSY|LOCKED|CANTOPEN|FULL|IOERR)|08|28|3D000|57P|53|40P01|40001|E(CONNREFUSED|CONNRESET|TIMEDOUT|PIPE|HOSTUNREACH|NOTFOUND|AI_AGAIN))/;
const UNAVAILABLE_MESSAGE =
	/timeout exceeded when trying to connect|Connection terminated|connection timeout/i;

/** Any failure of a store call as a StoreError, keeping the original as `cause`. */
export function toStoreError(error: unknown): StoreError {
	if (isStoreError(error)) return error;
	const code = (error as { code?: unknown } | null)?.code;
	const message = error instanceof Error ? error.message : "";
	if ((typeof code === "string" && UNAVAILABLE.test(code)) || UNAVAILABLE_MESSAGE.test(message)) {
		return new StoreError("unavailable", { cause: error });
	}
	if (/driver has already been destroyed/.test(message)) return new StoreError("closed", { cause: error });
	return new StoreError("failed", { cause: error });
}
