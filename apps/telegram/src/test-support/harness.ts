import { Writable } from "node:stream";
import { type FakeTelegram, startFakeTelegram } from "@catbot/fake-telegram";
import { createLogger } from "@catbot/runtime";
import { startTmapiEmulator, type TmapiEmulator } from "@catbot/tmapi-emulator";
import { afterEach } from "vitest";
import { type RunningBot, type StartOptions, startTelegramBot } from "../app.js";
import { loadTelegramConfig } from "../config.js";

export const TMAPI_TOKEN = "tmapi-secret-token-for-tests";

/** Everything one end-to-end test runs against: the fake Telegram, the TMAPI emulator, the real bot. */
export interface Harness {
	readonly tg: FakeTelegram;
	readonly emu: TmapiEmulator;
	readonly bot: RunningBot;
	readonly logs: () => string;
	/** Stops the bot and starts a new one on the same servers (a process restart). */
	restart(): Promise<RunningBot>;
}

const open: Array<() => Promise<void>> = [];
const checks: Array<() => void> = [];

afterEach(async () => {
	// Checked before anything closes; a failed check still lets everything close.
	const failures: unknown[] = [];
	for (const check of checks.splice(0)) {
		try {
			check();
		} catch (error) {
			failures.push(error);
		}
	}
	while (open.length > 0) await open.pop()?.();
	if (failures.length > 0) throw failures[0];
});

/**
 * After every test: the log holds no bot token (nor its secret half), no TMAPI token, no webhook secret
 * and no Redis password, whatever path the test took.
 */
function assertNoSecretsLogged(botToken: string, logs: () => string, env: Record<string, string>): void {
	const redisPassword = env.REDIS_URL ? decodeURIComponent(new URL(env.REDIS_URL).password) : "";
	const secrets = [
		TMAPI_TOKEN,
		botToken,
		botToken.slice(botToken.indexOf(":") + 1),
		env.TELEGRAM_WEBHOOK_SECRET ?? "",
		redisPassword,
	].filter((secret) => secret.length >= 8);
	const text = logs();
	for (const secret of secrets) {
		if (text.includes(secret)) throw new Error(`a secret reached the log: ${secret.slice(0, 4)}…`);
	}
}

/**
 * Starts the fake Telegram Bot API, the TMAPI emulator and the bot in long-polling (or webhook) mode,
 * configured only through environment variables as in production. Everything stops after the test.
 */
export async function startHarness(
	env: Record<string, string> = {},
	options: Omit<StartOptions, "logger"> = {},
): Promise<Harness> {
	const tg = await startFakeTelegram();
	open.push(() => tg.close());
	const emu = await startTmapiEmulator({ apiToken: TMAPI_TOKEN });
	open.push(() => emu.close());
	const lines: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		},
	});
	const config = loadTelegramConfig({
		TELEGRAM_BOT_TOKEN: tg.token,
		TELEGRAM_API_ROOT: tg.apiRoot,
		TMAPI_TOKEN,
		TMAPI_BASE_URL: emu.url,
		TMAPI_RETRIES: "0",
		TMAPI_TIMEOUT_MS: "1000",
		PAGE_TOKEN_SECRET: "telegram-e2e-page-secret",
		...env,
	});
	const logger = createLogger({ level: "debug", destination, secrets: [TMAPI_TOKEN, tg.token] });
	const start = async () => {
		const bot = await startTelegramBot(config, { logger, maxSendWaitMs: 3_000, ...options });
		open.push(() => bot.stop("test"));
		return bot;
	};
	const bot = await start();
	checks.push(() => assertNoSecretsLogged(tg.token, () => lines.join(""), env));
	return {
		tg,
		emu,
		bot,
		logs: () => lines.join(""),
		async restart() {
			await bot.stop("restart");
			return start();
		},
	};
}
