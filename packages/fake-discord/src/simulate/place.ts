import { InteractionContext } from "../constants.js";
import { contextOf, type IntegrationOwners, type InteractionContextType, ownersOf } from "../installation.js";
import type { FakeChannel, FakeGuild, GuildRegistry } from "../state/guilds.js";
import { checkSnowflake } from "./ids.js";
import type { InteractionContextInput } from "./inputs.js";

/** Where a simulated interaction happens, resolved and checked. */
export interface ResolvedPlace {
	/** The guild, when the bot is in it. */
	readonly guild: FakeGuild | undefined;
	readonly guildId: string | undefined;
	readonly channel: FakeChannel;
	readonly context: InteractionContextType;
	readonly owners: IntegrationOwners;
}

/** What a component press inherits from the interaction that made its message. */
export interface InheritedInstall {
	readonly context: InteractionContextType;
	readonly owners: IntegrationOwners;
}

function fail(problem: string): never {
	throw new Error(`Fake Discord: ${problem}`);
}

/**
 * Resolves where a simulated user acts: the context, the installs (checked against it) and the channel.
 * Channels of the bot's guilds must have been listed in addGuild; its DM, and the channels only a user
 * install reaches (a guild the bot is not in, a private channel), are remembered on first use.
 */
export function resolvePlace(
	guilds: GuildRegistry,
	input: InteractionContextInput,
	inherited?: InheritedInstall,
): ResolvedPlace {
	checkSnowflake("user", input.user.id);
	checkSnowflake("channel", input.channelId);
	const { guildId } = input;
	if (guildId !== undefined) checkSnowflake("guild", guildId);
	const context = contextOf(input.context ?? inherited?.context, guildId);
	const guild = guildId === undefined ? undefined : guilds.get(guildId);
	const owners = ownersOf(
		{ context, guildId, botInGuild: guild !== undefined },
		input.authorizingIntegrationOwners ?? inherited?.owners,
	);
	let channel: FakeChannel;
	if (guild) {
		channel =
			guild.channels.find((c) => c.id === input.channelId) ??
			fail(`channel ${input.channelId} is not in guild ${guild.id}; list it in addGuild({channels})`);
	} else if (context === InteractionContext.BotDm) channel = guilds.addDm(input.channelId);
	else channel = guilds.addOutside(input.channelId, guildId, input.channelType);
	return { guild, guildId, channel, context, owners };
}
