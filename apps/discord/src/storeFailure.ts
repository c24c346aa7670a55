import { CatbotError } from "@catbot/core";
import { describeConnectionFailure } from "@catbot/runtime";

/** Where the durable store lives, as a person finds it in the configuration; never the password. */
function storeLocation(dataDir: string, databaseUrl: string | undefined): string {
	if (!databaseUrl) return `in DATA_DIR (${dataDir})`;
	try {
		const { hostname, port } = new URL(databaseUrl);
		return `at DATABASE_URL (PostgreSQL on ${hostname}:${port || "5432"})`;
	} catch {
		return "at DATABASE_URL";
	}
}

/**
 * The durable store (shortlists) could not be opened at start. Its message is the one line a person sees:
 * which setting points at the database and why it failed, never the connection string.
 */
export class StoreUnavailableError extends CatbotError<"store-unavailable"> {
	constructor(where: { readonly dataDir: string; readonly databaseUrl: string | undefined }, cause: unknown) {
		super(
			"store-unavailable",
			// The process prints it after "could not start: ".
			`the database ${storeLocation(where.dataDir, where.databaseUrl)} cannot be opened: ${describeConnectionFailure(cause)}`,
			{ cause },
		);
	}
}
