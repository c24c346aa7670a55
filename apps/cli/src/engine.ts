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

/**
 * The same engine the bots use (cache, limits, budgets), configured from the environment. With no
 * TMAPI_TOKEN and `allowDemo`, it runs against the bundled emulator instead, so a newcomer can try
 * everything before buying a token. Logs go to stderr (warnings and up, unless LOG_LEVEL says otherwise),
 * so stdout stays clean for tables, JSON and CSV.
 */
export async function openEngine(
	env: Record<string, string | undefined>,
	allowDemo: boolean,
): Promise<Engine> {
	const hasToken = (env.TMAPI_TOKEN ?? "").trim() !== "";
	if (!hasToken && !allowDemo) {
		throw new ConfigError([
			"TMAPI_TOKEN is required (your TMAPI apiToken); add --demo to use the bundled demo data",
		]);
	}
	const emulator = hasToken ? undefined : await startTmapiEmulator({ apiToken: "demo" });
	try {
		const config = loadConfig({
			LOG_LEVEL: "warn",
			...env,
			...(emulator ? { TMAPI_TOKEN: "demo", TMAPI_BASE_URL: emulator.url } : {}),
		});
		const logger = createLogger({
			level: config.logLevel,
			destination: pino.destination(2),
			secrets: [config.tmapiToken],
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
