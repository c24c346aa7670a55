import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { startFakeDiscord } from "@catbot/fake-discord";
import { startTmapiEmulator } from "@catbot/tmapi-emulator";
import { afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill("SIGKILL");
});

function run(env: Record<string, string>) {
	const child = spawn(process.execPath, [MAIN], {
		env: { PATH: process.env.PATH ?? "", ...env },
		stdio: ["ignore", "pipe", "pipe"],
		cwd: fileURLToPath(new URL("..", import.meta.url)),
	});
	children.push(child);
	let output = "";
	child.stdout?.on("data", (chunk) => {
		output += String(chunk);
	});
	child.stderr?.on("data", (chunk) => {
		output += String(chunk);
	});
	const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
	return { child, exited, output: () => output };
}

async function until(check: () => boolean, what: string, timeoutMs = 8_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe("the bot process (dist/main.js)", () => {
	it("starts from the environment, answers, and stops cleanly on SIGTERM", async () => {
		const discord = await startFakeDiscord();
		discord.addGuild({
			id: "810000000000000001",
			name: "Sourcing",
			channels: [{ id: "810000000000000002", name: "products", type: 0 }],
		});
		const emu = await startTmapiEmulator({ apiToken: "process-test-token" });
		try {
			const bot = run({
				DISCORD_TOKEN: discord.token,
				DISCORD_APPLICATION_ID: discord.applicationId,
				DISCORD_API_BASE: discord.apiBase,
				TMAPI_TOKEN: "process-test-token",
				TMAPI_BASE_URL: emu.url,
			});
			await until(() => bot.output().includes("discord bot ready"), "the ready line");
			const command = await discord.runCommand({
				guildId: "810000000000000001",
				channelId: "810000000000000002",
				user: { id: "820000000000000001", username: "asker" },
				name: "category",
				options: [{ name: "cat_id", type: 4, value: 1031910 }],
			});
			await command.waitUntil((h) => (h.original && !h.original.loading ? h.original : undefined), 8_000);
			bot.child.kill("SIGTERM");
			const [code] = await bot.exited;
			expect(code).toBe(0);
			expect(bot.output()).toContain("discord bot stopped");
			expect(bot.output()).not.toContain("process-test-token");
			expect(bot.output()).not.toContain(discord.token);
		} finally {
			await discord.close();
			await emu.close();
		}
	});

	it("exits with every missing variable named when nothing is configured", async () => {
		const bot = run({});
		const [code] = await bot.exited;
		expect(code).toBe(2);
		expect(bot.output()).toContain("TMAPI_TOKEN is required");
		expect(bot.output()).toContain("DISCORD_TOKEN is required");
		expect(bot.output()).not.toMatch(/at .*\.js:\d+/);
	});
});
