import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeDiscord } from "@catbot/fake-discord";
import { closedPort, killAll, runUntilExit } from "@catbot/testkit";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const TMAPI_TOKEN = "startup-test-tmapi-token";
const APP = "123456789012345678";
// Shaped like a real bot token, so only the platform can refuse it.
const TOKEN = `MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.${"S".repeat(38)}`;
// The shortlist's SQLite file goes to a temp dir, never into the package.
const dataDir = mkdtempSync(join(tmpdir(), "catbot-discord-startup-"));
afterEach(killAll);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// JSON log lines from before the failure are fine; what a person reads (`plain`) must be one line.
const start = (env: Record<string, string>) =>
	runUntilExit(MAIN, {
		env: { TMAPI_TOKEN, TMAPI_BASE_URL: "http://127.0.0.1:9", DATA_DIR: dataDir, ...env },
	});

describe("a bot that cannot reach Discord at start", () => {
	it("prints one line with the platform, the URL root and the cause, and exits 1", async () => {
		const port = await closedPort();
		const { code, output, plain } = await start({
			DISCORD_TOKEN: TOKEN,
			DISCORD_APPLICATION_ID: APP,
			DISCORD_API_BASE: `http://127.0.0.1:${port}/api`,
		});
		expect(code).toBe(1);
		expect(plain).toBe(
			`catbot discord: could not connect to Discord at http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
		);
		expect(output).not.toContain("SSSSSSSSSS");
	});

	it("says the token was refused when Discord answers 401", async () => {
		const discord = await startFakeDiscord();
		try {
			const { code, output, plain } = await start({
				DISCORD_TOKEN: TOKEN,
				DISCORD_APPLICATION_ID: APP,
				DISCORD_API_BASE: discord.apiBase,
			});
			expect(code).toBe(1);
			expect(plain).toMatch(
				/^catbot discord: could not connect to Discord at http:\/\/127\.0\.0\.1:\d+: the bot token was refused \((invalid token|401 Unauthorized)\)$/,
			);
			expect(output).not.toContain("SSSSSSSSSS");
		} finally {
			await discord.close();
		}
	});

	it("reports a malformed token as malformed, with exit code 2", async () => {
		const { code, output } = await start({
			DISCORD_TOKEN: "only-the-secret-was-pasted-here-xxxxxxxx",
			DISCORD_APPLICATION_ID: APP,
		});
		expect(code).toBe(2);
		expect(output).toContain("DISCORD_TOKEN is malformed");
		expect(output).not.toContain("DISCORD_TOKEN is required");
		expect(output).not.toContain("only-the-secret");
	});
});

describe("a bot that cannot open its database at start", () => {
	it("names DATABASE_URL's host and the cause in one line, never the password, and exits 1", async () => {
		const port = await closedPort();
		const password = "pg-password-never-printed";
		const { code, output, plain } = await start({
			DISCORD_TOKEN: TOKEN,
			DISCORD_APPLICATION_ID: APP,
			DATABASE_URL: `postgres://catbot:${password}@127.0.0.1:${port}/catbot`,
		});
		expect(code).toBe(1);
		expect(plain).toBe(
			`catbot discord: could not start: the saved data (PostgreSQL at 127.0.0.1:${port} from DATABASE_URL) could not be opened: connection refused (ECONNREFUSED)`,
		);
		expect(output).not.toContain(password);
		// It never went online: the store is opened before logging in.
		expect(output).not.toContain("discord bot ready");
	});

	it("names DATA_DIR when the SQLite file cannot be made there", async () => {
		const notADirectory = join(dataDir, "a-file");
		writeFileSync(notADirectory, "");
		const { code, plain } = await start({
			DISCORD_TOKEN: TOKEN,
			DISCORD_APPLICATION_ID: APP,
			DATA_DIR: notADirectory,
		});
		expect(code).toBe(1);
		expect(plain).toMatch(
			new RegExp(
				`^catbot discord: could not start: the saved data \\(SQLite in DATA_DIR ${notADirectory}\\) could not be opened: .+$`,
			),
		);
	});
});
