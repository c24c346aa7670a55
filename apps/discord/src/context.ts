import {
	type Actor,
	type Catalog,
	discordChannelPlace,
	type Logger,
	type Place,
	type Shortlist,
	type Watches,
} from "@catbot/core";
import type { Interaction } from "discord.js";

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

/** The shortlist a channel of a server keeps; null in DMs, which have none. */
export function placeOf(interaction: Interaction): Place | null {
	return interaction.guildId && interaction.channelId
		? discordChannelPlace(interaction.guildId, interaction.channelId)
		: null;
}

/** The name the channel shows for whoever acted (server nickname first), to say who saved a card. */
export function shownName(interaction: Interaction): string {
	const member = interaction.member;
	if (member && "displayName" in member) return member.displayName;
	return interaction.user.globalName ?? interaction.user.username;
}
