import { createRuntime, type Logger } from "@catbot/runtime";
import { Events } from "discord.js";
import { createClient } from "./bot.js";
import type { DiscordConfig } from "./config.js";

/** A running bot. */
export interface RunningBot {
	readonly logger: Logger;
	/** The health and metrics server's port, when HEALTH_PORT is set. */
	readonly healthPort: number | undefined;
	/** Destroys the client and disconnects from the shared store. Idempotent. */
	stop(reason?: string): Promise<void>;
}

/**
 * Starts the Discord bot from configuration: logs in through `DISCORD_API_BASE` (REST, and the gateway it
 * names) and logs one ready line.
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
	const client = createClient({ catalog: runtime.catalog, logger }, { apiBase: config.apiBase });
	const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
	await client.login(config.token);
	await ready;
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
