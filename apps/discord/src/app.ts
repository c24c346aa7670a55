import { createRuntime, type Logger, PlatformUnreachableError } from "@catbot/runtime";
import { Events } from "discord.js";
import { createClient } from "./bot.js";
import type { DiscordConfig } from "./config.js";
import { StoreUnavailableError } from "./storeFailure.js";

/** How long login and the gateway handshake may take at start. */
const READY_TIMEOUT_MS = 30_000;

/** A running bot. */
export interface RunningBot {
	readonly logger: Logger;
	/** The health and metrics server's port, when HEALTH_PORT is set. */
	readonly healthPort: number | undefined;
	/** Destroys the client, closes the durable store and disconnects from the shared cache. Idempotent. */
	stop(reason?: string): Promise<void>;
}

/**
 * Starts the Discord bot from configuration: opens the durable store (SQLite under DATA_DIR, or PostgreSQL
 * at DATABASE_URL), logs in through `DISCORD_API_BASE` (REST, and the gateway it names) and logs one
 * ready line. A database or a platform it cannot reach fails the start with one line saying which.
 */
export async function startDiscordBot(
	config: DiscordConfig,
	options: { logger?: Logger } = {},
): Promise<RunningBot> {
	const runtime = createRuntime(config.core, {
		platform: "discord",
		secrets: [config.token],
		...(options.logger ? { logger: options.logger } : {}),
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
		{ catalog: runtime.catalog, shortlist: runtime.shortlist, logger },
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
	let stopping: Promise<void> | undefined;
	return {
		logger,
		healthPort,
		stop(reason = "stop") {
			stopping ??= (async () => {
				connected = false;
				await client.destroy();
				await runtime.close();
				logger.info({ reason }, "discord bot stopped");
			})();
			return stopping;
		},
	};
}
