import type { JsonObject } from "./json.js";

/** A Discord user as tests describe them: the person running a command or pressing a button. */
export interface FakeUser {
	readonly id: string;
	readonly username: string;
	/** Display name; Discord sends null when the user never set one. */
	readonly globalName?: string;
	/** Avatar hash, absent for the default avatar. */
	readonly avatar?: string;
	/** "0" for migrated usernames (the default); bots keep four digits. */
	readonly discriminator?: string;
}

/** The user object Discord sends for a user, with the fields discord.js reads. */
export function apiUser(user: FakeUser, bot = false): JsonObject {
	return {
		id: user.id,
		username: user.username,
		discriminator: user.discriminator ?? (bot ? "0001" : "0"),
		global_name: user.globalName ?? null,
		avatar: user.avatar ?? null,
		avatar_decoration_data: null,
		banner: null,
		accent_color: null,
		public_flags: 0,
		flags: 0,
		...(bot ? { bot: true } : {}),
	};
}
