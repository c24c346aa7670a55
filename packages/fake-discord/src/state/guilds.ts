import { ChannelKind } from "../constants.js";
import type { SnowflakeFactory } from "../snowflake.js";

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
	/**
	 * Whether the bot is in it: a channel of a guild it was added to, or its own DM. False for the channels
	 * only a user install reaches (a server the bot is not in, another user's DM, a group DM): the channel
	 * routes answer 403 Missing Access there.
	 */
	readonly botMember: boolean;
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
	/**
	 * Remembers a channel the bot is not in, reached through a user install: a channel of a guild the bot
	 * was not added to (guildId given), or a private channel (a DM between users, a group DM). The type is
	 * used when the channel is new (default: a text channel in a guild, a DM otherwise).
	 */
	addOutside(channelId: string, guildId: string | undefined, type?: number): FakeChannel;
}

function fail(problem: string): never {
	throw new Error(`Fake Discord: ${problem}`);
}

/** Creates an empty registry. */
export function createGuildRegistry(nextId: SnowflakeFactory): GuildRegistry {
	const guilds = new Map<string, FakeGuild>();
	const channels = new Map<string, FakeChannel>();
	return {
		add(input) {
			if (guilds.has(input.id)) fail(`guild ${input.id} was already added`);
			if ([...channels.values()].some((c) => c.guildId === input.id)) {
				fail(`guild ${input.id} was used as a server the bot is not in; add it before using it`);
			}
			const list = input.channels ?? [{ id: nextId(), name: "general", type: ChannelKind.GuildText }];
			const guild: FakeGuild = {
				id: input.id,
				name: input.name,
				locale: input.locale ?? "en-US",
				channels: list.map((c) => ({
					id: c.id,
					name: c.name,
					type: c.type ?? ChannelKind.GuildText,
					guildId: input.id,
					botMember: true,
				})),
				joinedAt: Date.now(),
			};
			for (const channel of guild.channels) {
				if (channels.has(channel.id)) fail(`channel ${channel.id} already exists`);
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
				if (existing.guildId !== undefined)
					fail(`channel ${channelId} belongs to guild ${existing.guildId}, not a DM`);
				if (!existing.botMember) fail(`channel ${channelId} is a private channel, not the bot's DM`);
				return existing;
			}
			const channel: FakeChannel = {
				id: channelId,
				name: "",
				type: ChannelKind.Dm,
				guildId: undefined,
				botMember: true,
			};
			channels.set(channelId, channel);
			return channel;
		},
		addOutside(channelId, guildId, type) {
			if (guildId !== undefined && guilds.has(guildId)) fail(`the bot is in guild ${guildId}`);
			const existing = channels.get(channelId);
			if (existing) {
				if (existing.botMember) fail(`the bot is in channel ${channelId}`);
				if (existing.guildId !== guildId || (type !== undefined && existing.type !== type)) {
					fail(`channel ${channelId} was used before as another kind of channel`);
				}
				return existing;
			}
			const channel: FakeChannel = {
				id: channelId,
				name: guildId === undefined ? "" : "elsewhere",
				type: type ?? (guildId === undefined ? ChannelKind.Dm : ChannelKind.GuildText),
				guildId,
				botMember: false,
			};
			channels.set(channelId, channel);
			return channel;
		},
	};
}
