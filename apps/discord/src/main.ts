import { runBotProcess } from "@catbot/runtime";
import { startDiscordBot } from "./app.js";
import { loadDiscordConfig } from "./config.js";

await runBotProcess({
	name: "catbot discord",
	loadConfig: loadDiscordConfig,
	start: (config) => startDiscordBot(config),
});
