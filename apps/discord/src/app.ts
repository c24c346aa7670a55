import { createWatchScheduler } from "@catbot/core";
import { createRuntime, type Logger, PlatformUnreachableError, StoreUnavailableError } from "@catbot/runtime";
import { Events } from "discord.js";
import { createClient } from "./bot.js";
import type { DiscordConfig } from "./config.js";
import { isChannelGone, sendWatchPost } from "./watchPost.js";

/** How long login and the gateway handshake may take at start. */
const READY_TIMEOUT_MS = 30_000;

/** A running bot. */
export interface RunningBot {
	readonly logger: Logger;
	/** The health and metrics server's port, when HEALTH_PORT is set. */
	readonly healthPort: number | undefined;
	/**
	 * Runs the due watches once and posts what they found, as the scheduler's timer does; resolves to the
	 * posts sent. For tests, which move the injected clock instead of waiting.
	 */
	runWatchesNow(): Promise<number>;
	/** Stops the watch scheduler, destroys the client, closes the durable store and disconnects from the shared cache. Idempotent. */
	stop(reason?: string): Promise<void>;
}

/**
 * Starts the Discord bot from configuration: opens the durable store (SQLite under DATA_DIR, or PostgreSQL
 * at DATABASE_URL), logs in through `DISCORD_API_BASE` (REST, and the gateway it names) and logs one
 * ready line. A database or a platform it cannot reach fails the start with one line saying which.
 */
/** Options of {@link startDiscordBot}. */
export interface StartOptions {
	readonly logger?: Logger;
	/** The engine's clock (cache ages, limits, watch schedules); tests move it instead of waiting. */
	readonly now?: () => number;
	/** How often the watch scheduler looks for due watches. Default 60 s. */
	readonly watchIntervalMs?: number;
}

export async function startDiscordBot(
	config: DiscordConfig,
	options: StartOptions = {},
): Promise<RunningBot> {
	const runtime = createRuntime(config.core, {
		platform: "discord",
		secrets: [config.token],
		...(options.logger ? { logger: options.logger } : {}),
		...(options.now ? { now: options.now } : {}),
	});
	const { logger } = runtime;
	// Before logging in: a bot that cannot keep shortlists should not appear online at all.
	try {
		await runtime.openStore();
	} catch (error) {
		await runtime.close();
		throw new StoreUnavailableError(config.core, error);
	}
	const client = createClient(
		{ catalog: runtime.catalog, shortlist: runtime.shortlist, watches: runtime.watches, logger },
		{ apiBase: config.apiBase },
	);
	const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
	let timer: NodeJS.Timeout | undefined;
	const gatewayTimeout = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() => reject(new Error(`the gateway did not become ready within ${READY_TIMEOUT_MS / 1000} s`)),
			READY_TIMEOUT_MS,
		);
	});
	try {
		// discord.js keeps retrying a gateway it cannot reach; a start that never ends helps nobody.
		await Promise.race([client.login(config.token).then(() => ready), gatewayTimeout]);
	} catch (error) {
		await client.destroy();
		await runtime.close();
		throw new PlatformUnreachableError("Discord", config.apiBase, error);
	} finally {
		clearTimeout(timer);
	}
	let connected = true;
	const healthPort = await runtime.startHealth(() => connected);
	logger.info(
		{ bot: client.user?.username, guilds: client.guilds.cache.size, healthPort },
		"discord bot ready",
	);
	// Started once the client is ready: a post needs the bot's user and a working REST client.
	const scheduler = createWatchScheduler({
		watches: runtime.watches,
		// Only this bot's places: the Telegram bot may share the database (the default SQLite file).
		platform: "discord",
		send: (post) => sendWatchPost(client, post),
		isGone: isChannelGone,
		logger,
		...(options.watchIntervalMs === undefined ? {} : { intervalMs: options.watchIntervalMs }),
	});
	scheduler.start();
	let stopping: Promise<void> | undefined;
	return {
		logger,
		healthPort,
		runWatchesNow: () => scheduler.tick(),
		stop(reason = "stop") {
			stopping ??= (async () => {
				connected = false;
				await scheduler.stop();
				await client.destroy();
				await runtime.close();
				logger.info({ reason }, "discord bot stopped");
			})();
			return stopping;
		},
	};
}
