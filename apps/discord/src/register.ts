import type { Logger } from "@catbot/core";
import { REST, Routes } from "discord.js";
import { COMMANDS } from "./commands.js";
import { withInstallContexts } from "./installation.js";

/** Options of {@link registerCommands}. */
export interface RegisterOptions {
	readonly token: string;
	readonly applicationId: string;
	readonly apiBase: string;
	/** Register to this guild only (instant, for testing); globally otherwise. */
	readonly guildId?: string | undefined;
	readonly logger: Logger;
}

/**
 * Registers the slash commands with one bulk overwrite, which is idempotent: running it again with the
 * same definitions changes nothing. Each command says where it can be installed (server, user) and used
 * (servers, the bot's DM, other DMs and group DMs); Discord reads those of global commands only.
 */
export async function registerCommands(options: RegisterOptions): Promise<number> {
	const rest = new REST({ api: options.apiBase }).setToken(options.token);
	const route = options.guildId
		? Routes.applicationGuildCommands(options.applicationId, options.guildId)
		: Routes.applicationCommands(options.applicationId);
	const saved = (await rest.put(route, { body: COMMANDS.map(withInstallContexts) })) as unknown[];
	options.logger.info(
		{ scope: options.guildId ? "guild" : "global", count: saved.length },
		"slash commands registered",
	);
	return saved.length;
}
