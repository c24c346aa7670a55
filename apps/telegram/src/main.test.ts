import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { startFakeTelegram } from "@catbot/fake-telegram";
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
		const tg = await startFakeTelegram();
		const emu = await startTmapiEmulator({ apiToken: "process-test-token" });
		try {
			const bot = run({
				TELEGRAM_BOT_TOKEN: tg.token,
				TELEGRAM_API_ROOT: tg.apiRoot,
				TMAPI_TOKEN: "process-test-token",
				TMAPI_BASE_URL: emu.url,
			});
			await until(() => bot.output().includes("telegram bot ready"), "the ready line");
			const chat = tg.privateChat(5);
			tg.sendText({ chat, text: "/category 1031910" });
			await tg.waitForCall("sendMessage", (c) => c.params.chat_id === chat.id, 8_000);
			bot.child.kill("SIGTERM");
			const [code] = await bot.exited;
			expect(code).toBe(0);
			expect(bot.output()).toContain("telegram bot stopped");
			expect(bot.output()).not.toContain("process-test-token");
			expect(bot.output()).not.toContain(tg.token);
		} finally {
			await tg.close();
			await emu.close();
		}
	});

	it("exits with every missing variable named when nothing is configured", async () => {
		const bot = run({});
		const [code] = await bot.exited;
		expect(code).toBe(2);
		expect(bot.output()).toContain("TMAPI_TOKEN is required");
		expect(bot.output()).toContain("TELEGRAM_BOT_TOKEN is required");
		expect(bot.output()).not.toMatch(/at .*\.js:\d+/);
	});
});
