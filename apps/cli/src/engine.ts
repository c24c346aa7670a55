import {
	ConfigError,
	type CoreConfig,
	createLogger,
	createRuntime,
	loadConfig,
	type Runtime,
} from "@catbot/runtime";
import { startTmapiEmulator } from "@catbot/tmapi-emulator";
import pino from "pino";

/** The engine the terminal uses, and whether it runs on demo data. */
export interface Engine {
	readonly runtime: Runtime;
	/** True when the data comes from the bundled emulator, not TMAPI. */
	readonly demo: boolean;
	close(): Promise<void>;
}

/** Options of {@link openEngine}. */
export interface EngineOptions {
	/** Use the bundled emulator when TMAPI_TOKEN is not set (else that is a configuration error). */
	readonly allowDemo: boolean;
	/** A person typing at a prompt: no per-user action limit gets in their way. */
	readonly interactive: boolean;
}

// Levels at least as severe as warn; anything chattier would interleave JSON with the tables and prompt.
const QUIET_LEVELS = new Set(["warn", "error", "fatal", "silent"]);
const CHATTY_LEVELS = new Set(["info", "debug", "trace"]);

/** The terminal logs at warn, or at a stricter LOG_LEVEL; an unknown level is left for the config to report. */
function terminalLogLevel(level: string | undefined): string {
	const wanted = level?.trim() ?? "";
	if (QUIET_LEVELS.has(wanted)) return wanted;
	if (wanted === "" || CHATTY_LEVELS.has(wanted)) return "warn";
	return wanted;
}

/**
 * Logs on stderr, so stdout stays clean for tables, JSON and CSV, with every configured secret scrubbed:
 * the tokens, and the database and Redis URLs, which may hold passwords.
 */
function terminalLogger(config: CoreConfig) {
	const urls = [config.databaseUrl, config.redisUrl].filter((url): url is string => url !== undefined);
	return createLogger({
		level: config.logLevel,
		destination: pino.destination(2),
		secrets: [config.tmapiToken, config.pageTokenSecret, ...urls],
	});
}

// The store needs no TMAPI token, but the configuration insists on one: this stands in for it, so a
// command that only reads the store works without TMAPI_TOKEN, and a real token never enters it (TMAPI
// would refuse this one, were a call ever made; none is).
const STORE_ONLY_TOKEN = "store-only-no-tmapi-calls";

/**
 * A runtime for commands that only read the durable store (`catbot shortlist`): the bots' store, chosen
 * by the same configuration (DATA_DIR, else DATABASE_URL), with no TMAPI token and no Redis. Nothing it
 * is used for is cached, paid for or shared, so one person at a terminal meets no rate limit.
 */
export function openStoreRuntime(env: Record<string, string | undefined>): Runtime {
	const loaded = loadConfig({
		...env,
		LOG_LEVEL: terminalLogLevel(env.LOG_LEVEL),
		TMAPI_TOKEN: STORE_ONLY_TOKEN,
	});
	const config = { ...loaded, redisUrl: undefined, actionsPerWindow: 1_000_000, actionWindowMs: 1_000 };
	return createRuntime(config, { logger: terminalLogger(config), platform: "cli" });
}

/**
 * The same engine the bots use (cache, limits, budgets), configured from the environment. With no
 * TMAPI_TOKEN and `allowDemo`, it runs against the bundled emulator instead, so a newcomer can try
 * everything before buying a token; demo data never touches REDIS_URL, so its cache and budget are its
 * own and in memory. Logs go to stderr at warn (or a stricter LOG_LEVEL), so stdout stays clean for
 * tables, JSON and CSV and no JSON line lands in the middle of an interactive session.
 */
export async function openEngine(
	env: Record<string, string | undefined>,
	options: EngineOptions,
): Promise<Engine> {
	const hasToken = (env.TMAPI_TOKEN ?? "").trim() !== "";
	if (!hasToken && !options.allowDemo) {
		throw new ConfigError([
			"TMAPI_TOKEN is required (your TMAPI apiToken); add --demo to use the bundled demo data",
		]);
	}
	const emulator = hasToken ? undefined : await startTmapiEmulator({ apiToken: "demo" });
	try {
		const loaded = loadConfig({
			...env,
			LOG_LEVEL: terminalLogLevel(env.LOG_LEVEL),
			...(emulator ? { TMAPI_TOKEN: "demo", TMAPI_BASE_URL: emulator.url } : {}),
		});
		const config = {
			...loaded,
			// Demo calls cost nothing and must not spend a team's shared budget or fill its Redis.
			...(emulator ? { redisUrl: undefined } : {}),
			// One person at a prompt cannot flood anything; the daily budgets still bound paid calls.
			...(options.interactive ? { actionsPerWindow: 1_000_000, actionWindowMs: 1_000 } : {}),
		};
		const runtime = createRuntime(config, { logger: terminalLogger(config), platform: "cli" });
		return {
			runtime,
			demo: emulator !== undefined,
			async close() {
				await runtime.close();
				await emulator?.close();
			},
		};
	} catch (error) {
		await emulator?.close();
		throw error;
	}
}
