import { existsSync } from "node:fs";
import { ConfigError } from "../config/loadConfig.js";
import type { Logger } from "../logging/logger.js";
import { serializeError } from "../logging/serializeError.js";
import { PlatformUnreachableError } from "./startupFailure.js";

/** A started bot, as {@link runBotProcess} drives it. */
export interface StartedBot {
	readonly logger: Logger;
	/**
	 * Settles when the bot can no longer serve (e.g. Telegram polling stopped with 401 or 409), after the bot
	 * has logged why; the process then stops and exits 1 so that a supervisor restarts it.
	 */
	readonly failed?: Promise<void>;
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
 * start (a failure to connect is one line and exit code 1), log stray promise rejections instead of dying, and stop cleanly on SIGINT/SIGTERM.
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
	let bot: StartedBot;
	try {
		bot = await options.start(config);
	} catch (error) {
		// One line a person can act on, never a stack trace: the supervisor shows it once per restart.
		const reason =
			error instanceof PlatformUnreachableError
				? error.message
				: `could not start: ${serializeError(error).message}`;
		console.error(`${options.name}: ${reason}`);
		process.exit(1);
	}
	// Logged, never fatal: one stray promise must not take the team's bot down.
	process.on("unhandledRejection", (reason) => bot.logger.error({ err: reason }, "unhandled rejection"));
	void bot.failed?.then(() =>
		bot.stop("failed").then(
			() => process.exit(1),
			() => process.exit(1),
		),
	);
	for (const signal of ["SIGINT", "SIGTERM"] as const) {
		process.once(signal, () => {
			bot.stop(signal).then(
				() => process.exit(0),
				() => process.exit(1),
			);
		});
	}
}
