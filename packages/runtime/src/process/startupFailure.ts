import { CatbotError } from "@catbot/core";
import { scrubCredentials } from "../logging/serializeError.js";

/** Network error codes a person can act on, in words. */
const NETWORK_CAUSES: Record<string, string> = {
	ECONNREFUSED: "connection refused",
	ECONNRESET: "connection reset",
	ENOTFOUND: "the host name does not resolve (DNS)",
	EAI_AGAIN: "the host name could not be resolved (DNS timeout)",
	ETIMEDOUT: "the connection timed out",
	UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
	EHOSTUNREACH: "the host is unreachable",
	ENETUNREACH: "the network is unreachable",
	CERT_HAS_EXPIRED: "its TLS certificate has expired",
	DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed",
};

function* causeChain(error: unknown): Generator<unknown> {
	let current = error;
	// Bounded: a cause chain can loop.
	for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
		yield current;
		current = (current as { cause?: unknown }).cause;
	}
}

function field(value: unknown, key: string): unknown {
	return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Says in a few words why a platform could not be reached: a network error by its code, a refused token by
 * its HTTP status (or discord.js's TokenInvalid), else the innermost message with credentials cut out.
 */
export function describeConnectionFailure(error: unknown): string {
	const chain = [...causeChain(error)];
	for (const link of chain) {
		const code = field(link, "code") ?? field(link, "errno");
		if (typeof code === "string" && code in NETWORK_CAUSES) return `${NETWORK_CAUSES[code]} (${code})`;
		if (code === "TokenInvalid") return "the bot token was refused (invalid token)";
		const status = field(link, "status") ?? field(field(link, "response"), "error_code") ?? code;
		if (status === 401) return "the bot token was refused (401 Unauthorized)";
		if (status === 409) return "another process is using this bot token (409 Conflict)";
		if (status === 404) return "not found (404): is the API root right, and is the bot token complete?";
	}
	const innermost = chain.at(-1);
	const message = innermost instanceof Error ? innermost.message : String(innermost);
	return scrubCredentials(message).split("\n")[0] ?? "unknown error";
}

/** The origin of a URL (no path, no credentials): safe to print, and enough to find the setting. */
function urlRoot(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return "(an invalid URL)";
	}
}

/**
 * A bot could not connect to its platform at start. Its message is the one line a person sees: the
 * platform, the URL root it tried and why, never a stack trace or a token.
 */
export class PlatformUnreachableError extends CatbotError {
	constructor(
		readonly platform: string,
		url: string,
		cause: unknown,
	) {
		super(
			"platform-unreachable",
			`could not connect to ${platform} at ${urlRoot(url)}: ${describeConnectionFailure(cause)}`,
			{ cause },
		);
	}
}

/** Where the durable store is configured (CoreConfig fits). */
export interface StoreLocation {
	readonly dataDir: string;
	readonly databaseUrl: string | undefined;
}

/** Where the durable store is, in words safe to print: the host and port, never DATABASE_URL itself. */
function storeLocation(config: StoreLocation): string {
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
	constructor(config: StoreLocation, cause: unknown) {
		super(
			"store-unavailable",
			`the saved data (${storeLocation(config)}) could not be opened: ${describeConnectionFailure(cause)}`,
			{ cause },
		);
	}
}
