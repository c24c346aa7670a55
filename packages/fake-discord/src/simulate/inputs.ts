import type { RecordedMessage } from "../state/apiMessage.js";
import type { FakeUser } from "../users.js";

/** Where and as whom a simulated user acts. Without guildId the interaction comes from a DM with the bot. */
export interface InteractionContextInput {
	readonly guildId?: string;
	readonly channelId: string;
	readonly user: FakeUser;
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

/** A user clicking a component of a message the bot posted. Channel and guild default to the message's. */
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
