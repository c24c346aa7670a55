import { existsSync } from "node:fs";
import { ConfigError, createLogger } from "@catbot/runtime";
import { loadRegisterConfig } from "./config.js";
import { registerCommands } from "./register.js";

if (existsSync(".env")) process.loadEnvFile(".env");

try {
	const config = loadRegisterConfig(process.env);
	const logger = createLogger({ level: "info", secrets: [config.token] });
	await registerCommands({ ...config, logger });
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(`catbot register:discord: ${error.message}`);
		process.exit(2);
	}
	console.error(
		`catbot register:discord: registration failed: ${error instanceof Error ? error.message : String(error)}`,
	);
	process.exit(1);
}
