import { fileURLToPath } from "node:url";
import { startFakeTelegram } from "@catbot/fake-telegram";
import { closedPort, killAll, runUntilExit } from "@catbot/testkit";
import { afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const TMAPI_TOKEN = "startup-test-tmapi-token";
afterEach(killAll);

// JSON log lines from before the failure are fine; what a person reads (`plain`) must be one line.
const start = (env: Record<string, string>) =>
	runUntilExit(MAIN, { env: { TMAPI_TOKEN, TMAPI_BASE_URL: "http://127.0.0.1:9", ...env } });

describe("a bot that cannot reach Telegram at start", () => {
	it("prints one line with the platform, the URL root and the cause, and exits 1", async () => {
		const port = await closedPort();
		const token = "4242:AAStartupTestTokenThatMustNotBePrinted";
		const { code, output, plain } = await start({
			TELEGRAM_BOT_TOKEN: token,
			TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
		});
		expect(code).toBe(1);
		expect(plain).toBe(
			`catbot telegram: could not connect to Telegram at http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
		);
		expect(output).not.toContain("AAStartupTestToken");
	});

	it("says the token was refused when Telegram answers 401", async () => {
		const tg = await startFakeTelegram();
		try {
			const wrong = "4242:AAWrongTokenOfTheRightShape";
			const { code, output, plain } = await start({
				TELEGRAM_BOT_TOKEN: wrong,
				TELEGRAM_API_ROOT: tg.apiRoot,
			});
			expect(code).toBe(1);
			expect(plain).toMatch(
				/^catbot telegram: could not connect to Telegram at http:\/\/127\.0\.0\.1:\d+: the bot token was refused \(401 Unauthorized\)$/,
			);
			expect(output).not.toContain("AAWrongToken");
		} finally {
			await tg.close();
		}
	});

	it("reports a malformed token as malformed, with exit code 2", async () => {
		const { code, output } = await start({ TELEGRAM_BOT_TOKEN: "AAOnlyTheSecretPartWasPasted" });
		expect(code).toBe(2);
		expect(output).toContain("TELEGRAM_BOT_TOKEN is malformed");
		expect(output).not.toContain("TELEGRAM_BOT_TOKEN is required");
		expect(output).not.toContain("AAOnlyTheSecretPartWasPasted");
	});
});
