import { existsSync } from "node:fs";
import { ConfigError } from "@catbot/core";
import { startDiscordBot } from "./app.js";
import { loadDiscordConfig } from "./config.js";

// A .env in the folder the bot is started from is read if present; real environment variables win.
if (existsSync(".env")) process.loadEnvFile(".env");

let config: ReturnType<typeof loadDiscordConfig>;
try {
	config = loadDiscordConfig(process.env);
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(`catbot discord: ${error.message}\nSee .env.example for every variable.`);
	process.exit(2);
}

const bot = await startDiscordBot(config);

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
