import { CatbotError } from "@catbot/core";
import { type CoreConfig, describeConnectionFailure } from "@catbot/runtime";

/** Where the durable store is, in words safe to print: the host and port, never DATABASE_URL itself. */
function storeLocation(config: Pick<CoreConfig, "databaseUrl" | "dataDir">): string {
	if (config.databaseUrl === undefined) return `SQLite in DATA_DIR ${config.dataDir}`;
	try {
		const url = new URL(config.databaseUrl);
		return `PostgreSQL at ${url.hostname}:${url.port || "5432"} from DATABASE_URL`;
	} catch {
		return "PostgreSQL from DATABASE_URL";
	}
}

/**
 * The durable store (shortlists) could not be opened at start. Its message is the one line a person sees:
 * which database and why (a network error by its code), never the connection string or a stack trace.
 */
export class StoreUnavailableError extends CatbotError {
	constructor(config: Pick<CoreConfig, "databaseUrl" | "dataDir">, cause: unknown) {
		super(
			"store-unavailable",
			`the saved data (${storeLocation(config)}) could not be opened: ${describeConnectionFailure(cause)}`,
			{ cause },
		);
	}
}
