import { fileURLToPath } from "node:url";
import { startFakeTelegram } from "@catbot/fake-telegram";
import { createLogger } from "@catbot/runtime";
import { killAll, runProcess } from "@catbot/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { startTelegramBot } from "./app.js";
import { loadTelegramConfig } from "./config.js";
import { tempDataDir } from "./test-support/dataDir.js";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const CONFLICT =
	"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
afterEach(killAll);

describe("long polling that stops for good", () => {
	it("turns /healthz to 503 and settles `failed` once the reason is logged", async () => {
		const tg = await startFakeTelegram();
		const lines: string[] = [];
		const logger = createLogger({
			level: "info",
			destination: { write: (line: string) => lines.push(line) },
		});
		const config = loadTelegramConfig({
			TELEGRAM_BOT_TOKEN: tg.token,
			TELEGRAM_API_ROOT: tg.apiRoot,
			TMAPI_TOKEN: "polling-loss-token",
			HEALTH_PORT: "0",
			HEALTH_HOST: "127.0.0.1",
			DATA_DIR: tempDataDir(),
		});
		const bot = await startTelegramBot(config, { logger });
		try {
			const health = `http://127.0.0.1:${bot.healthPort}/healthz`;
			expect((await fetch(health)).status).toBe(200);
			tg.failNext("getUpdates", { error_code: 409, description: CONFLICT });
			// Ends the long poll in flight, so the next getUpdates meets the conflict.
			tg.sendText({ chat: tg.privateChat(5), text: "/help" });
			await bot.failed;
			expect((await fetch(health)).status).toBe(503);
			const stops = lines.filter((line) => line.includes("telegram polling stopped"));
			expect(stops).toHaveLength(1);
			expect(stops[0]).toContain("another process is using this bot token (409 Conflict)");
		} finally {
			await bot.stop();
			await tg.close();
		}
	});

	it("ends the process with exit code 1 when the token is revoked, saying why once", async () => {
		const tg = await startFakeTelegram();
		try {
			const bot = runProcess(MAIN, {
				env: {
					TELEGRAM_BOT_TOKEN: tg.token,
					TELEGRAM_API_ROOT: tg.apiRoot,
					TMAPI_TOKEN: "polling-loss-token",
					DATA_DIR: tempDataDir(),
				},
			});
			await bot.waitFor("telegram bot ready");
			tg.failNext("getUpdates", { error_code: 401, description: "Unauthorized" });
			tg.sendText({ chat: tg.privateChat(5), text: "/help" });
			const [code] = await bot.exited;
			expect(code).toBe(1);
			expect(bot.output().match(/telegram polling stopped/g)).toHaveLength(1);
			expect(bot.output()).toContain("the bot token was refused (401 Unauthorized)");
			expect(bot.output()).not.toContain(tg.token);
		} finally {
			await tg.close();
		}
	});
});
