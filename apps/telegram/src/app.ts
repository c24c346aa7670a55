import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createWatchScheduler } from "@catbot/core";
import {
	createRuntime,
	describeConnectionFailure,
	type Logger,
	PlatformUnreachableError,
	StoreUnavailableError,
} from "@catbot/runtime";
import { ALLOWED_UPDATES, COMMANDS, createBot } from "./bot.js";
import type { TelegramConfig } from "./config.js";
import type { UpdateLimits } from "./dispatch.js";
import type { InlineOptions } from "./features/inline.js";
import { isChatGone, sendWatchPost } from "./features/watches.js";
import { createTasks } from "./tasks.js";

/** A running bot. */
export interface RunningBot {
	/** The bot's logger (secrets scrubbed), for the process-level handlers. */
	readonly logger: Logger;
	/** The webhook server's port, in webhook mode. */
	readonly webhookPort: number | undefined;
	/** The health and metrics server's port, when HEALTH_PORT is set. */
	readonly healthPort: number | undefined;
	/** Settles once polling has stopped for good (401, 409) and the reason is logged; /healthz is 503 by then. */
	readonly failed: Promise<void>;
	/**
	 * Runs the due watches now, as the scheduler's next tick would, and resolves to the posts sent (a tick
	 * already running is joined). Tests move the clock given as `now` and call this instead of waiting.
	 */
	runWatchesNow(): Promise<number>;
	/** Stops taking updates, lets running handlers finish (up to 5 s), disconnects. Idempotent. */
	stop(reason?: string): Promise<void>;
}

/** Options of {@link startTelegramBot}. */
export interface StartOptions {
	readonly logger?: Logger;
	readonly maxSendWaitMs?: number;
	readonly updates?: UpdateLimits;
	/** Timing of inline answers (tests shorten them). */
	readonly inline?: InlineOptions;
	/** How often the watch scheduler looks for due watches. Default 60 s; at least 1 s. */
	readonly watchIntervalMs?: number;
	/** The clock of the engine, its limits and its watches; tests move it instead of waiting a day. */
	readonly now?: () => number;
}

/**
 * Starts the Telegram bot from configuration: registers the command menu, then long-polls, or serves a
 * webhook (checking Telegram's secret header) when TELEGRAM_WEBHOOK_URL is set. Logs one ready line.
 */
export async function startTelegramBot(
	config: TelegramConfig,
	options: StartOptions = {},
): Promise<RunningBot> {
	const secrets = [config.botToken, ...(config.webhook ? [config.webhook.secret] : [])];
	const runtime = createRuntime(config.core, {
		platform: "telegram",
		secrets,
		...(options.logger ? { logger: options.logger } : {}),
		...(options.now ? { now: options.now } : {}),
	});
	const { logger } = runtime;
	const tasks = createTasks(logger);
	const bot = createBot(
		{ catalog: runtime.catalog, shortlist: runtime.shortlist, watches: runtime.watches, logger, tasks },
		{
			token: config.botToken,
			apiRoot: config.apiRoot,
			...(options.maxSendWaitMs ? { maxSendWaitMs: options.maxSendWaitMs } : {}),
			...(options.updates ? { updates: options.updates } : {}),
			...(options.inline ? { inline: options.inline } : {}),
		},
	);
	try {
		bot.botInfo = await bot.telegram.getMe();
	} catch (error) {
		await runtime.close();
		throw new PlatformUnreachableError("Telegram", config.apiRoot, error);
	}
	try {
		await runtime.openStore();
	} catch (error) {
		await runtime.close();
		throw new StoreUnavailableError(config.core, error);
	}
	await bot.telegram
		.setMyCommands(COMMANDS)
		.catch((error: unknown) => logger.warn({ err: error }, "setMyCommands failed"));

	let server: Server | undefined;
	let fail: () => void = () => undefined;
	const failed = new Promise<void>((resolve) => {
		fail = resolve;
	});
	// Declared before polling starts, because a polling failure reads them.
	let stopping: Promise<void> | undefined;
	// Health reads it only once startHealth below is called.
	let ready = true;
	if (config.webhook) {
		const path = new URL(config.webhook.url).pathname || "/";
		server = createServer(bot.webhookCallback(path, { secretToken: config.webhook.secret }));
		server.listen(config.webhook.port);
		await once(server, "listening");
		await bot.telegram.setWebhook(config.webhook.url, {
			secret_token: config.webhook.secret,
			allowed_updates: [...ALLOWED_UPDATES],
		});
	} else {
		await bot.telegram.deleteWebhook();
		// launch() settles only when polling stops. Telegraf retries network errors, 429 and 5xx itself; what
		// ends it (401 token revoked, 409 another poller) will not heal, so the bot reports unhealthy and fails.
		bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
			if (stopping !== undefined) return;
			ready = false;
			logger.error({ err: error }, `telegram polling stopped: ${describeConnectionFailure(error)}`);
			fail();
		});
	}
	const webhookPort = server ? (server.address() as AddressInfo).port : undefined;
	const healthPort = await runtime.startHealth(() => ready);
	// Posts go through the bot's paced client; a 403 (bot kicked or blocked) pauses that chat's watches.
	const scheduler = createWatchScheduler({
		watches: runtime.watches,
		// Only this bot's places: the Discord bot may share the database (the default SQLite file).
		platform: "telegram",
		send: (post) => sendWatchPost(bot.telegram, post),
		isGone: isChatGone,
		logger,
		...(options.watchIntervalMs ? { intervalMs: options.watchIntervalMs } : {}),
	});
	scheduler.start();
	logger.info(
		{ bot: bot.botInfo.username, mode: server ? "webhook" : "polling", webhookPort },
		"telegram bot ready",
	);

	return {
		logger,
		failed,
		webhookPort,
		healthPort,
		runWatchesNow: () => scheduler.tick(),
		stop(reason = "stop") {
			stopping ??= (async () => {
				ready = false;
				if (!server) {
					try {
						bot.stop(reason);
					} catch {
						// Not polling yet or already stopped: nothing to stop.
					}
				}
				if (server) {
					server.closeAllConnections();
					server.close();
				}
				await scheduler.stop();
				await tasks.drain(5_000);
				await runtime.close();
				logger.info({ reason }, "telegram bot stopped");
			})();
			return stopping;
		},
	};
}
