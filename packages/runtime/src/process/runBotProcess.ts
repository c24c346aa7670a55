import { existsSync } from "node:fs";
import { ConfigError } from "../config/loadConfig.js";
import type { Logger } from "../logging/logger.js";

/** A started bot, as {@link runBotProcess} drives it. */
export interface StartedBot {
	readonly logger: Logger;
	stop(reason: string): Promise<void>;
}

/** Options of {@link runBotProcess}. */
export interface BotProcessOptions<TConfig> {
	/** Shown before configuration problems, e.g. "catbot telegram". */
	readonly name: string;
	readonly loadConfig: (env: Record<string, string | undefined>) => TConfig;
	readonly start: (config: TConfig) => Promise<StartedBot>;
}

/**
 * The life of a bot process, the same for every adapter: read `.env` from the working folder if there is
 * one (real environment variables win), check the configuration (every problem listed, exit code 2),
 * start, log stray promise rejections instead of dying, and stop cleanly on SIGINT/SIGTERM.
 */
export async function runBotProcess<TConfig>(options: BotProcessOptions<TConfig>): Promise<void> {
	if (existsSync(".env")) process.loadEnvFile(".env");
	let config: TConfig;
	try {
		config = options.loadConfig(process.env);
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		console.error(`${options.name}: ${error.message}\nSee .env.example for every variable.`);
		process.exit(2);
	}
	const bot = await options.start(config);
	// Logged, never fatal: one stray promise must not take the team's bot down.
	process.on("unhandledRejection", (reason) => bot.logger.error({ err: reason }, "unhandled rejection"));
	for (const signal of ["SIGINT", "SIGTERM"] as const) {
		process.once(signal, () => {
			bot.stop(signal).then(
				() => process.exit(0),
				() => process.exit(1),
			);
		});
	}
}
