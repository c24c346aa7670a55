import { fileURLToPath } from "node:url";
import { startFakeTelegram } from "@catbot/fake-telegram";
import { killAll, runProcess, runUntilExit, stopProcess } from "@catbot/testkit";
import { startTmapiEmulator } from "@catbot/tmapi-emulator";
import { afterEach, describe, expect, it } from "vitest";
import { tempDataDir } from "./test-support/dataDir.js";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
afterEach(killAll);

describe("the bot process (dist/main.js)", () => {
	it("starts from the environment, answers, and stops cleanly on SIGTERM", async () => {
		const tg = await startFakeTelegram();
		const emu = await startTmapiEmulator({ apiToken: "process-test-token" });
		try {
			const bot = runProcess(MAIN, {
				env: {
					TELEGRAM_BOT_TOKEN: tg.token,
					TELEGRAM_API_ROOT: tg.apiRoot,
					TMAPI_TOKEN: "process-test-token",
					TMAPI_BASE_URL: emu.url,
					DATA_DIR: tempDataDir(),
				},
			});
			await bot.waitFor("telegram bot ready");
			const chat = tg.privateChat(5);
			tg.sendText({ chat, text: "/category 1031910" });
			await tg.waitForCall("sendMessage", (c) => c.params.chat_id === chat.id, 8_000);
			const { code, output } = await stopProcess(bot, "SIGTERM");
			expect(code).toBe(0);
			expect(output).toContain("telegram bot stopped");
			expect(output).not.toContain("process-test-token");
			expect(output).not.toContain(tg.token);
		} finally {
			await tg.close();
			await emu.close();
		}
	});

	it("exits with every missing variable named when nothing is configured", async () => {
		const { code, output } = await runUntilExit(MAIN);
		expect(code).toBe(2);
		expect(output).toContain("TMAPI_TOKEN is required");
		expect(output).toContain("TELEGRAM_BOT_TOKEN is required");
		expect(output).not.toMatch(/at .*\.js:\d+/);
	});
});
