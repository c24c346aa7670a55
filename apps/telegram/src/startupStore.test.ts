import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeTelegram } from "@catbot/fake-telegram";
import { closedPort, killAll, runUntilExit } from "@catbot/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { tempDataDir } from "./test-support/dataDir.js";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const TMAPI_TOKEN = "startup-store-test-tmapi-token";
afterEach(killAll);

/** Starts dist/main.js against a working fake Telegram, so only the store can stop it. */
async function start(env: Record<string, string>) {
	const tg = await startFakeTelegram();
	try {
		return await runUntilExit(MAIN, {
			env: {
				TMAPI_TOKEN,
				TMAPI_BASE_URL: "http://127.0.0.1:9",
				TELEGRAM_BOT_TOKEN: tg.token,
				TELEGRAM_API_ROOT: tg.apiRoot,
				...env,
			},
		});
	} finally {
		await tg.close();
	}
}

describe("a bot whose saved data cannot be opened at start", () => {
	it("names the PostgreSQL server and the cause in one line, never DATABASE_URL, and exits 1", async () => {
		const port = await closedPort();
		const password = "pg-password-that-must-not-be-printed";
		const { code, output, plain } = await start({
			DATABASE_URL: `postgres://catbot:${password}@127.0.0.1:${port}/catbot`,
		});
		expect(code).toBe(1);
		expect(plain).toBe(
			`catbot telegram: could not start: the saved data (PostgreSQL at 127.0.0.1:${port} from DATABASE_URL) could not be opened: connection refused (ECONNREFUSED)`,
		);
		expect(output).not.toContain(password);
		expect(output).not.toContain("telegram bot ready");
	});

	it("names DATA_DIR when the SQLite file cannot be made there", async () => {
		const notADir = join(tempDataDir(), "a-file");
		writeFileSync(notADir, "not a directory");
		const { code, output, plain } = await start({ DATA_DIR: notADir });
		expect(code).toBe(1);
		expect(plain).toMatch(
			new RegExp(
				`^catbot telegram: could not start: the saved data \\(SQLite in DATA_DIR ${notADir}\\) could not be opened: .+$`,
			),
		);
		expect(output).not.toContain("telegram bot ready");
	});
});
