import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeDiscord } from "@catbot/fake-discord";
import { killAll, runProcess, runUntilExit, stopProcess } from "@catbot/testkit";
import { startTmapiEmulator } from "@catbot/tmapi-emulator";
import { afterEach, describe, expect, it } from "vitest";
import { asker, CHANNEL, GUILD } from "./test-support/harness.js";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
afterEach(killAll);

describe("the bot process (dist/main.js)", () => {
	it("starts from the environment, answers, and stops cleanly on SIGTERM", async () => {
		const discord = await startFakeDiscord();
		discord.addGuild({ id: GUILD, name: "Sourcing", channels: [{ id: CHANNEL, name: "products", type: 0 }] });
		const emu = await startTmapiEmulator({ apiToken: "process-test-token" });
		const dataDir = mkdtempSync(join(tmpdir(), "catbot-discord-main-"));
		try {
			const bot = runProcess(MAIN, {
				env: {
					DISCORD_TOKEN: discord.token,
					DISCORD_APPLICATION_ID: discord.applicationId,
					DISCORD_API_BASE: discord.apiBase,
					TMAPI_TOKEN: "process-test-token",
					TMAPI_BASE_URL: emu.url,
					DATA_DIR: dataDir,
				},
			});
			await bot.waitFor("discord bot ready");
			const command = await discord.runCommand({
				guildId: GUILD,
				channelId: CHANNEL,
				user: asker,
				name: "category",
				options: [{ name: "cat_id", type: 4, value: 1031910 }],
			});
			await command.waitUntil((h) => (h.original && !h.original.loading ? h.original : undefined), 8_000);
			const { code, output } = await stopProcess(bot, "SIGTERM");
			expect(code).toBe(0);
			expect(output).toContain("discord bot stopped");
			expect(output).not.toContain("process-test-token");
			expect(output).not.toContain(discord.token);
		} finally {
			await discord.close();
			await emu.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});

	it("exits with every missing variable named when nothing is configured", async () => {
		const { code, output } = await runUntilExit(MAIN);
		expect(code).toBe(2);
		expect(output).toContain("TMAPI_TOKEN is required");
		expect(output).toContain("DISCORD_TOKEN is required");
		expect(output).not.toMatch(/at .*\.js:\d+/);
	});
});
