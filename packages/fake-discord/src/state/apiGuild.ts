import { DEFAULT_APP_PERMISSIONS } from "../constants.js";
import type { JsonObject } from "../json.js";
import { discordTimestamp } from "../timestamp.js";
import { apiUser, type FakeUser } from "../users.js";
import type { FakeChannel, FakeGuild } from "./guilds.js";

/** The channel object Discord puts in GUILD_CREATE and in interactions. */
export function apiChannel(channel: FakeChannel, position = 0): JsonObject {
	if (channel.guildId === undefined)
		return { id: channel.id, type: channel.type, flags: 0, last_message_id: null };
	return {
		id: channel.id,
		type: channel.type,
		guild_id: channel.guildId,
		name: channel.name,
		position,
		flags: 0,
		parent_id: null,
		topic: null,
		nsfw: false,
		last_message_id: null,
		rate_limit_per_user: 0,
		permission_overwrites: [],
	};
}

/** GUILD_CREATE's payload: the guild, its channels, the @everyone role and the bot as the only member. */
export function guildCreatePayload(guild: FakeGuild, bot: FakeUser): JsonObject {
	return {
		id: guild.id,
		name: guild.name,
		icon: null,
		splash: null,
		discovery_splash: null,
		banner: null,
		description: null,
		// Nobody owns a fake guild; its own id is at least a valid snowflake for discord.js.
		owner_id: guild.id,
		afk_channel_id: null,
		afk_timeout: 300,
		verification_level: 0,
		default_message_notifications: 0,
		explicit_content_filter: 0,
		mfa_level: 0,
		nsfw_level: 0,
		premium_tier: 0,
		premium_subscription_count: 0,
		premium_progress_bar_enabled: false,
		preferred_locale: guild.locale,
		features: [],
		system_channel_id: null,
		system_channel_flags: 0,
		rules_channel_id: null,
		public_updates_channel_id: null,
		safety_alerts_channel_id: null,
		application_id: null,
		vanity_url_code: null,
		max_members: 500_000,
		max_video_channel_users: 25,
		max_stage_video_channel_users: 50,
		joined_at: discordTimestamp(guild.joinedAt),
		large: false,
		unavailable: false,
		member_count: 2,
		roles: [
			{
				id: guild.id,
				name: "@everyone",
				permissions: DEFAULT_APP_PERMISSIONS,
				position: 0,
				color: 0,
				hoist: false,
				managed: false,
				mentionable: false,
				icon: null,
				unicode_emoji: null,
				flags: 0,
			},
		],
		emojis: [],
		stickers: [],
		members: [
			{
				user: apiUser(bot, true),
				roles: [],
				nick: null,
				avatar: null,
				joined_at: discordTimestamp(guild.joinedAt),
				premium_since: null,
				deaf: false,
				mute: false,
				pending: false,
				flags: 0,
			},
		],
		channels: guild.channels.map((channel, index) => apiChannel(channel, index)),
		threads: [],
		presences: [],
		voice_states: [],
		stage_instances: [],
		guild_scheduled_events: [],
		soundboard_sounds: [],
		incidents_data: null,
	};
}
