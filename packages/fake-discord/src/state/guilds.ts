import { DEFAULT_APP_PERMISSIONS } from "../constants.js";
import type { JsonObject } from "../json.js";
import type { SnowflakeFactory } from "../snowflake.js";
import { discordTimestamp } from "../timestamp.js";
import { apiUser, type FakeUser } from "../users.js";

/** Channel type 0 is a guild text channel, 1 a DM; others are accepted and passed through. */
export interface ChannelInput {
	readonly id: string;
	readonly name: string;
	readonly type?: number;
}

/** What {@link FakeDiscord.addGuild} takes. */
export interface GuildInput {
	readonly id: string;
	readonly name: string;
	/** Defaults to one text channel named "general" with a fresh id. */
	readonly channels?: readonly ChannelInput[];
	/** Sent as `preferred_locale` and the interactions' `guild_locale`; default "en-US". */
	readonly locale?: string;
}

/** A channel the fake knows; DMs have no guildId. */
export interface FakeChannel {
	readonly id: string;
	readonly name: string;
	readonly type: number;
	readonly guildId: string | undefined;
}

/** A guild the bot is in. */
export interface FakeGuild {
	readonly id: string;
	readonly name: string;
	readonly locale: string;
	readonly channels: readonly FakeChannel[];
	/** When the bot joined, as epoch milliseconds. */
	readonly joinedAt: number;
}

/** The guilds and channels of one fake. */
export interface GuildRegistry {
	add(input: GuildInput): FakeGuild;
	get(id: string): FakeGuild | undefined;
	list(): readonly FakeGuild[];
	channel(id: string): FakeChannel | undefined;
	/** Remembers a DM channel so the bot can post and fetch messages there, as after a DM interaction. */
	addDm(channelId: string): FakeChannel;
}

const TEXT_CHANNEL = 0;
const DM_CHANNEL = 1;

/** Creates an empty registry. */
export function createGuildRegistry(nextId: SnowflakeFactory): GuildRegistry {
	const guilds = new Map<string, FakeGuild>();
	const channels = new Map<string, FakeChannel>();
	return {
		add(input) {
			if (guilds.has(input.id)) throw new Error(`Fake Discord: guild ${input.id} was already added`);
			const list = input.channels ?? [{ id: nextId(), name: "general", type: TEXT_CHANNEL }];
			const guild: FakeGuild = {
				id: input.id,
				name: input.name,
				locale: input.locale ?? "en-US",
				channels: list.map((c) => ({
					id: c.id,
					name: c.name,
					type: c.type ?? TEXT_CHANNEL,
					guildId: input.id,
				})),
				joinedAt: Date.now(),
			};
			for (const channel of guild.channels) {
				if (channels.has(channel.id)) throw new Error(`Fake Discord: channel ${channel.id} already exists`);
			}
			guilds.set(guild.id, guild);
			for (const channel of guild.channels) channels.set(channel.id, channel);
			return guild;
		},
		get: (id) => guilds.get(id),
		list: () => [...guilds.values()],
		channel: (id) => channels.get(id),
		addDm(channelId) {
			const existing = channels.get(channelId);
			if (existing) {
				if (existing.guildId !== undefined) {
					throw new Error(
						`Fake Discord: channel ${channelId} belongs to guild ${existing.guildId}, not a DM`,
					);
				}
				return existing;
			}
			const channel: FakeChannel = { id: channelId, name: "", type: DM_CHANNEL, guildId: undefined };
			channels.set(channelId, channel);
			return channel;
		},
	};
}

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
