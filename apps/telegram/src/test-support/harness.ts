import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeTelegram, startFakeTelegram } from "@catbot/fake-telegram";
import { createLogger } from "@catbot/runtime";
import { assertNoSecrets, captureLog, emulatorEnv, redisPassword } from "@catbot/testkit";
import { useTestScope } from "@catbot/testkit/scope";
import { startTmapiEmulator, type TmapiEmulator } from "@catbot/tmapi-emulator";
import { type RunningBot, type StartOptions, startTelegramBot } from "../app.js";
import { loadTelegramConfig } from "../config.js";

export const TMAPI_TOKEN = "tmapi-secret-token-for-tests";

/** Everything one end-to-end test runs against: the fake Telegram, the TMAPI emulator, the real bot. */
export interface Harness {
	readonly tg: FakeTelegram;
	readonly emu: TmapiEmulator;
	readonly bot: RunningBot;
	readonly logs: () => string;
	/** The SQLite store's directory (DATA_DIR): the test's own temp dir unless `env` names one. */
	readonly dataDir: string;
	/** Stops the bot and starts a new one on the same servers and store (a process restart). */
	restart(): Promise<RunningBot>;
}

const scope = useTestScope();

/**
 * Checked after every test: the log holds no bot token (nor its secret half), no TMAPI token, no webhook
 * secret, no Redis password and no database password, whatever path the test took.
 */
function secretsOf(botToken: string, env: Record<string, string>): string[] {
	return [
		TMAPI_TOKEN,
		botToken,
		botToken.slice(botToken.indexOf(":") + 1),
		env.TELEGRAM_WEBHOOK_SECRET ?? "",
		redisPassword(env.REDIS_URL),
		redisPassword(env.DATABASE_URL),
	];
}

/**
 * Starts the fake Telegram Bot API, the TMAPI emulator and the bot in long-polling (or webhook) mode,
 * configured only through environment variables as in production. The shortlist is kept in SQLite in a
 * temp dir of the test's own (removed after it), or where `env` says (DATA_DIR, DATABASE_URL). Everything
 * stops after the test.
 */
export async function startHarness(
	env: Record<string, string> = {},
	options: Omit<StartOptions, "logger"> = {},
): Promise<Harness> {
	const tg = await startFakeTelegram();
	scope.defer(() => tg.close());
	const emu = await startTmapiEmulator({ apiToken: TMAPI_TOKEN });
	scope.defer(() => emu.close());
	let dataDir = env.DATA_DIR;
	if (dataDir === undefined) {
		const dir = mkdtempSync(join(tmpdir(), "catbot-telegram-"));
		scope.defer(async () => rmSync(dir, { recursive: true, force: true }));
		dataDir = dir;
	}
	const log = captureLog();
	// The logger's own scrubbing; the check after each test looks for these and more, scrubbed or not.
	const scrubbed = [TMAPI_TOKEN, tg.token];
	const config = loadTelegramConfig({
		TELEGRAM_BOT_TOKEN: tg.token,
		TELEGRAM_API_ROOT: tg.apiRoot,
		...emulatorEnv(emu, TMAPI_TOKEN),
		PAGE_TOKEN_SECRET: "telegram-e2e-page-secret",
		DATA_DIR: dataDir,
		...env,
	});
	const logger = createLogger({ level: "debug", destination: log.destination, secrets: scrubbed });
	const start = async () => {
		const bot = await startTelegramBot(config, { logger, maxSendWaitMs: 3_000, ...options });
		scope.defer(() => bot.stop("test"));
		return bot;
	};
	const bot = await start();
	scope.check(() => assertNoSecrets(log.text(), secretsOf(tg.token, env)));
	return {
		tg,
		emu,
		bot,
		logs: log.text,
		dataDir,
		async restart() {
			await bot.stop("restart");
			return start();
		},
	};
}
