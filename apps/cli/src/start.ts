import { fileURLToPath } from "node:url";
import { runSupervisor as supervise } from "@catbot/runtime";

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The bots `pnpm start` knows, and the variables that switch each on. */
const BOTS = [
	{ name: "telegram", entry: entry("../../telegram/dist/main.js"), needs: ["TELEGRAM_BOT_TOKEN"] },
	{
		name: "discord",
		entry: entry("../../discord/dist/main.js"),
		needs: ["DISCORD_TOKEN", "DISCORD_APPLICATION_ID"],
	},
];

/** `pnpm start`: the runtime's supervisor over both bots. */
export function runSupervisor(): Promise<number> {
	return supervise(BOTS);
}
