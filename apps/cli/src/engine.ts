import { ConfigError, createLogger, createRuntime, loadConfig, type Runtime } from "@catbot/runtime";
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
		const logger = createLogger({
			level: config.logLevel,
			destination: pino.destination(2),
			secrets: [config.tmapiToken, config.pageTokenSecret],
		});
		const runtime = createRuntime(config, { logger, platform: "cli" });
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
