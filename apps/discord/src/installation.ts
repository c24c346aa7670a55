import {
	ApplicationIntegrationType,
	type Interaction,
	InteractionContextType,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";

type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * Commands that need the bot in the channel: a watch posts there later, on its own, with no interaction to
 * answer; /watches and /unwatch manage those watches. They are offered only through the server install,
 * in servers and in the bot's DM (where they say watches belong to a server channel).
 */
const NEEDS_THE_BOT: ReadonlySet<string> = new Set(["watch", "watches", "unwatch"]);

/** Everything else answers through the interaction alone, so it works wherever a user install reaches. */
const EVERYWHERE = {
	integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
	contexts: [
		InteractionContextType.Guild,
		InteractionContextType.BotDM,
		InteractionContextType.PrivateChannel,
	],
};

const SERVER_INSTALL_ONLY = {
	integration_types: [ApplicationIntegrationType.GuildInstall],
	contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};

/**
 * A command definition with where it may be installed and used. Applied to every definition when they are
 * registered, so a command added later is offered everywhere unless it is listed as needing the bot.
 *
 * @example
 * COMMANDS.map(withInstallContexts); // what `register:discord` sends
 */
export function withInstallContexts(command: CommandDefinition): CommandDefinition {
	return { ...command, ...(NEEDS_THE_BOT.has(command.name) ? SERVER_INSTALL_ONLY : EVERYWHERE) };
}

/**
 * Whether the bot is in the channel of this interaction, from the interaction alone (never by fetching the
 * channel): its own DM, or a server whose server install authorized the interaction. Elsewhere (a server
 * it was not added to, another user's DM, a group DM) only a user install brought it, and everything must
 * go through the interaction: the bot cannot post or read there.
 */
export function botIsMember(interaction: Interaction): boolean {
	if (interaction.context === InteractionContextType.BotDM) return true;
	const serverInstall = interaction.authorizingIntegrationOwners.guildId;
	// "0" is the server install's owner in the bot's DM only: guilds are never "0".
	return serverInstall !== null && serverInstall === (interaction.guildId ?? "0");
}
