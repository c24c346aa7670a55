import { runBotProcess } from "@catbot/runtime";
import { startTelegramBot } from "./app.js";
import { loadTelegramConfig } from "./config.js";

await runBotProcess({
	name: "catbot telegram",
	loadConfig: loadTelegramConfig,
	start: (config) => startTelegramBot(config),
});
