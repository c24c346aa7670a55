import type { IntegrationOwners, InteractionContextType } from "../installation.js";
import type { RecordedMessage } from "../state/apiMessage.js";
import type { FakeUser } from "../users.js";

/**
 * Where and as whom a simulated user acts. Without guildId the interaction comes from a DM with the bot.
 *
 * Through a user install the user can also act where the bot is not: give `authorizingIntegrationOwners`
 * `{"1": userId}` with a guildId the bot was never added to (context 0), or with `context: 2` (another
 * user's DM, a group DM). Those channels exist for the interaction only: the bot's channel requests there
 * get 403 Missing Access.
 *
 * @example
 * ```ts
 * // A user-installed app in a group DM.
 * await discord.runCommand({ context: 2, channelId: "1300000000000000001", channelType: 3, user,
 *   authorizingIntegrationOwners: { "1": user.id }, name: "category", options });
 * ```
 */
export interface InteractionContextInput {
	readonly guildId?: string;
	readonly channelId: string;
	readonly user: FakeUser;
	/** 0 a server channel, 1 the DM with the bot, 2 another DM or a group DM. Default 0 with guildId, else 1. */
	readonly context?: InteractionContextType;
	/**
	 * Which installs let the user act here: `{"0": guildId}` (or `{"0": "0"}` in the bot's DM) for the
	 * server install, `{"1": userId}` for a user install, both when both apply. Default: the server install.
	 * For a command, Discord keeps only the installs in its `integration_types`, and refuses it if none is.
	 */
	readonly authorizingIntegrationOwners?: IntegrationOwners;
	/** Type of a channel the bot is not in, when first used: default 0 in a guild, 1 (DM) else; 3 a group DM. */
	readonly channelType?: number;
	/** The user's client language; default "en-US". */
	readonly locale?: string;
	/** `app_permissions` as a decimal bitfield string; default: ordinary text permissions. */
	readonly appPermissions?: string;
	/** The member's `permissions` in guilds; default: ordinary text permissions. */
	readonly memberPermissions?: string;
}

/** A slash command option as Discord sends it; subcommands and groups nest `options`. */
export interface CommandOptionInput {
	readonly name: string;
	/** 1 subcommand, 2 group, 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role, 9 mentionable, 10 number. */
	readonly type: number;
	readonly value?: string | number | boolean;
	readonly options?: readonly CommandOptionInput[];
	/** Autocomplete only: the option the user is typing in. */
	readonly focused?: boolean;
}

/** A user running a slash command. */
export interface RunCommandInput extends InteractionContextInput {
	readonly name: string;
	readonly options?: readonly CommandOptionInput[];
}

/** A user typing in an autocomplete option: exactly one option (at any depth) has `focused: true`. */
export interface AutocompleteInput extends InteractionContextInput {
	readonly name: string;
	readonly options: readonly CommandOptionInput[];
}

/**
 * A user clicking a component of a message the bot posted. Channel, guild, context and owners default to
 * the message's (those of the interaction it answered), as on Discord.
 */
export interface ComponentInput extends Omit<InteractionContextInput, "channelId" | "guildId"> {
	readonly guildId?: string;
	readonly channelId?: string;
	/** The message, as recorded by the fake (or its id); its current state is what the user sees. */
	readonly message: RecordedMessage | string;
	readonly customId: string;
}

/** A user picking values in a select menu. */
export interface SelectMenuInput extends ComponentInput {
	readonly values: readonly string[];
}
