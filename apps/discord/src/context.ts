import type { Actor, Catalog, Logger } from "@catbot/core";
import type { Interaction } from "discord.js";

/** What every handler needs. */
export interface Deps {
	readonly catalog: Catalog;
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
