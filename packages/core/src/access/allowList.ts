import type { Actor } from "./actor.js";

/** Allow-lists per platform: places (Telegram chats, Discord guilds) and users. */
export interface AllowLists {
	readonly telegramChats?: readonly string[];
	readonly telegramUsers?: readonly string[];
	readonly discordGuilds?: readonly string[];
	readonly discordUsers?: readonly string[];
}

/** Decides who may use the bot. */
export interface AccessPolicy {
	allows(actor: Actor): boolean;
	/** Platforms with no list at all, which therefore serve everyone (worth a warning at start). */
	readonly openPlatforms: readonly Actor["platform"][];
}

/**
 * Builds the access policy. A platform with neither list set serves everyone; otherwise an actor is
 * allowed when their place (chat or guild) or they themselves are listed. The terminal is always
 * allowed: whoever runs it already holds the tokens.
 *
 * @example
 * const access = createAccessPolicy({ telegramChats: ["-1001234"], discordGuilds: ["81384788765712384"] });
 */
export function createAccessPolicy(lists: AllowLists): AccessPolicy {
	const sets = {
		telegram: { places: new Set(lists.telegramChats ?? []), users: new Set(lists.telegramUsers ?? []) },
		discord: { places: new Set(lists.discordGuilds ?? []), users: new Set(lists.discordUsers ?? []) },
	};
	const open = (platform: "telegram" | "discord") =>
		sets[platform].places.size === 0 && sets[platform].users.size === 0;
	return {
		allows(actor) {
			if (actor.platform === "cli" || open(actor.platform)) return true;
			const { places, users } = sets[actor.platform];
			return users.has(actor.userId) || (actor.placeId !== undefined && places.has(actor.placeId));
		},
		openPlatforms: (["telegram", "discord"] as const).filter(open),
	};
}
