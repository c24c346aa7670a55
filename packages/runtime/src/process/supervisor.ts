import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";

/** A bot the supervisor can run: its entry point and the variables that switch it on. */
export interface SupervisedBot {
	readonly name: string;
	/** Absolute path of the bot's built main.js. */
	readonly entry: string;
	readonly needs: readonly string[];
}

const set = (name: string) => (process.env[name] ?? "").trim() !== "";

/**
 * `pnpm start`: runs every bot whose token is set (in the environment or `.env`), one process each,
 * restarting a bot that dies (with a growing pause), and passing SIGINT/SIGTERM on so they stop cleanly.
 * With no token at all it says exactly what to set, and points to the demo.
 */
export async function runSupervisor(bots: readonly SupervisedBot[]): Promise<number> {
	if (existsSync(".env")) process.loadEnvFile(".env");
	const chosen = bots.filter((bot) => bot.needs.every(set));
	if (chosen.length === 0) {
		process.stderr.write(
			[
				"No bot to start: no bot token is set (in the environment or .env).",
				"Set, for Telegram:  TELEGRAM_BOT_TOKEN  (and TMAPI_TOKEN)",
				"    for Discord:    DISCORD_TOKEN and DISCORD_APPLICATION_ID  (and TMAPI_TOKEN; run pnpm register:discord once)",
				"See .env.example for every variable. To try catbot without any token: pnpm demo",
				"",
			].join("\n"),
		);
		return 2;
	}
	let stopping = false;
	const children = new Map<string, ChildProcess>();
	const launch = (bot: SupervisedBot, attempt: number) => {
		const child = spawn(process.execPath, [bot.entry], {
			stdio: "inherit",
		});
		children.set(bot.name, child);
		const started = Date.now();
		child.on("exit", (code) => {
			children.delete(bot.name);
			if (stopping) return;
			// A bad configuration will not fix itself: do not restart on exit code 2.
			if (code === 2) {
				process.stderr.write(
					`catbot: the ${bot.name} bot's configuration is incomplete (see above); not restarting it\n`,
				);
				return;
			}
			const next = Date.now() - started > 60_000 ? 0 : attempt + 1;
			const pause = Math.min(30_000, 1_000 * 2 ** next);
			process.stderr.write(`catbot: the ${bot.name} bot exited (${code}); restarting in ${pause / 1000} s\n`);
			setTimeout(() => stopping || launch(bot, next), pause);
		});
	};
	for (const bot of chosen) launch(bot, 0);
	process.stderr.write(`catbot: started ${chosen.map((b) => b.name).join(" and ")}\n`);
	return new Promise((resolve) => {
		for (const signal of ["SIGINT", "SIGTERM"] as const) {
			process.once(signal, () => {
				stopping = true;
				for (const child of children.values()) child.kill(signal);
				const check = setInterval(() => {
					if (children.size === 0) {
						clearInterval(check);
						resolve(0);
					}
				}, 50);
			});
		}
	});
}
