import {
	DEFAULT_ACK_TIMEOUT_MS,
	DEFAULT_HEARTBEAT_INTERVAL_MS,
	DEFAULT_TOKEN_LIFETIME_MS,
	DEFAULT_WAIT_TIMEOUT_MS,
} from "./constants.js";

/** Options of {@link startFakeDiscord}; all optional. */
export interface FakeDiscordOptions {
	/** The bot token to accept (REST `Authorization: Bot ...` and gateway IDENTIFY); default: a random one. */
	readonly token?: string;
	/** Default: a fresh snowflake. */
	readonly applicationId?: string;
	/** Default: the application id, as for every bot created since 2020. */
	readonly botUserId?: string;
	/** Default "Fake Bot". */
	readonly botUsername?: string;
	/** Port on 127.0.0.1; default 0 picks a free one. */
	readonly port?: number;
	/** Sent in HELLO; default 41250 like Discord. */
	readonly heartbeatIntervalMs?: number;
	/** The acknowledgement window, 3000 on Discord; shorten it to test late answers quickly. */
	readonly ackTimeoutMs?: number;
	/** How long interaction tokens work for follow-ups and edits, 15 minutes on Discord. */
	readonly tokenLifetimeMs?: number;
	/** Default timeout of the `waitFor...` helpers and of waiting for a bot to connect; default 3000. */
	readonly waitTimeoutMs?: number;
	/** Refuse to simulate commands that were not registered (default false: they get a made-up id). */
	readonly strictCommands?: boolean;
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<FakeDiscordOptions, "token" | "applicationId" | "botUserId">>;

function positive(name: string, value: number): number {
	if (!(Number.isFinite(value) && value > 0))
		throw new RangeError(`${name} must be a positive number, got ${value}`);
	return value;
}

/** Fills in defaults and rejects nonsense early, before any socket is opened. */
export function resolveOptions(options: FakeDiscordOptions): ResolvedOptions {
	const port = options.port ?? 0;
	if (!(Number.isInteger(port) && port >= 0 && port <= 65_535)) throw new RangeError(`Invalid port: ${port}`);
	return {
		botUsername: options.botUsername ?? "Fake Bot",
		port,
		heartbeatIntervalMs: positive(
			"heartbeatIntervalMs",
			options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
		),
		ackTimeoutMs: positive("ackTimeoutMs", options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS),
		tokenLifetimeMs: positive("tokenLifetimeMs", options.tokenLifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS),
		waitTimeoutMs: positive("waitTimeoutMs", options.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS),
		strictCommands: options.strictCommands ?? false,
	};
}
