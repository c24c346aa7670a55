import {
	type Actor,
	type Catalog,
	discordChannelPlace,
	type Logger,
	type Place,
	type Shortlist,
	type Watches,
} from "@catbot/core";
import { type Interaction, InteractionContextType } from "discord.js";

/** What every handler needs. */
export interface Deps {
	readonly catalog: Catalog;
	/** The channels' shared shortlists, on the durable store. */
	readonly shortlist: Shortlist;
	/** The channels' category watches, on the durable store. */
	readonly watches: Watches;
	readonly logger: Logger;
}

/** Who is acting, as the engine knows them: the user, in a guild or a DM. */
export function actorOf(interaction: Interaction): Actor {
	return {
		platform: "discord",
		userId: interaction.user.id,
		...(interaction.guildId ? { placeId: interaction.guildId } : {}),
	};
}

/**
 * The place of a DM between users or a group DM, reached through a user install: keyed by the channel,
 * with a prefix no server channel's place ("<guildId>:<channelId>", digits only) can have.
 */
export function privateChannelPlace(channelId: string): Place {
	return { platform: "discord", id: `dm:${channelId}` };
}

/**
 * The shortlist a channel keeps: a server's channel (whether the bot is in the server or a user install
 * brought it), or a DM between users or a group DM, which its members share. Null in the bot's own DM,
 * where nobody would share it.
 */
export function placeOf(interaction: Interaction): Place | null {
	if (!interaction.channelId) return null;
	if (interaction.guildId) return discordChannelPlace(interaction.guildId, interaction.channelId);
	return interaction.context === InteractionContextType.PrivateChannel
		? privateChannelPlace(interaction.channelId)
		: null;
}

/** The name the channel shows for whoever acted (server nickname first), to say who saved a card. */
export function shownName(interaction: Interaction): string {
	const member = interaction.member;
	if (member && "displayName" in member) return member.displayName;
	return interaction.user.globalName ?? interaction.user.username;
}
