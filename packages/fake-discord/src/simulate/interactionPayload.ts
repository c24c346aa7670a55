import {
	ChannelKind,
	DEFAULT_APP_PERMISSIONS,
	DEFAULT_MEMBER_PERMISSIONS,
	EXTERNAL_APP_PERMISSIONS,
} from "../constants.js";
import type { IntegrationOwners, InteractionContextType } from "../installation.js";
import type { JsonObject } from "../json.js";
import { apiChannel } from "../state/apiGuild.js";
import type { FakeChannel, FakeGuild } from "../state/guilds.js";
import { discordTimestamp } from "../timestamp.js";
import { apiUser, type FakeUser } from "../users.js";

/** Who did what where: everything of an interaction except its type-specific `data`. */
export interface InteractionEnvelope {
	readonly id: string;
	readonly token: string;
	readonly applicationId: string;
	readonly type: number;
	readonly user: FakeUser;
	/** The guild, when the bot is in it. */
	readonly guild: FakeGuild | undefined;
	/** The guild's id, whether the bot is in it or not. */
	readonly guildId: string | undefined;
	readonly channel: FakeChannel;
	readonly context: InteractionContextType;
	readonly owners: IntegrationOwners;
	readonly locale: string | undefined;
	readonly appPermissions: string | undefined;
	readonly memberPermissions: string | undefined;
}

/** Bots get 10 MiB attachments by default. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

function member(envelope: InteractionEnvelope, joinedAt: number): JsonObject {
	return {
		user: apiUser(envelope.user),
		roles: [],
		nick: null,
		avatar: null,
		banner: null,
		premium_since: null,
		joined_at: discordTimestamp(joinedAt),
		pending: false,
		deaf: false,
		mute: false,
		flags: 0,
		communication_disabled_until: null,
		unusual_dm_activity_until: null,
		permissions: envelope.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS,
	};
}

/** The partial channel Discord sends for a server channel the bot cannot see: no overwrites, the user's permissions. */
function partialGuildChannel(envelope: InteractionEnvelope): JsonObject {
	const { permission_overwrites: _overwrites, ...channel } = apiChannel(envelope.channel);
	return { ...channel, permissions: envelope.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS };
}

/** A DM between users or a group DM, as an interaction there carries it. */
function privateChannel(envelope: InteractionEnvelope): JsonObject {
	const { channel, user } = envelope;
	const base = {
		id: channel.id,
		type: channel.type,
		flags: 0,
		last_message_id: null,
		recipients: [apiUser(user)],
	};
	return channel.type === ChannelKind.GroupDm ? { ...base, name: null, icon: null, owner_id: user.id } : base;
}

function guildFields(envelope: InteractionEnvelope, guildId: string): JsonObject {
	const { guild } = envelope;
	const locale = guild?.locale ?? "en-US";
	return {
		guild_id: guildId,
		guild: { id: guildId, locale, features: [] },
		guild_locale: locale,
		// Outside the bot's guilds the fake knows no join date; the epoch of the interaction will do.
		member: member(envelope, guild?.joinedAt ?? Date.now()),
		channel: guild
			? apiChannel(envelope.channel, guild.channels.indexOf(envelope.channel))
			: partialGuildChannel(envelope),
	};
}

/**
 * INTERACTION_CREATE's payload: a guild interaction carries `member` (with its user) and guild fields, a DM
 * one carries `user` and the channel; all carry the token, context, owners, app_permissions, locale and
 * entitlements. Where the bot is not a member, the channel is the partial one Discord sends and
 * app_permissions are those of an external app.
 */
export function interactionPayload(
	envelope: InteractionEnvelope,
	data: JsonObject,
	message?: JsonObject,
): JsonObject {
	const { guildId, channel } = envelope;
	const where: JsonObject =
		guildId !== undefined
			? guildFields(envelope, guildId)
			: {
					user: apiUser(envelope.user),
					channel: channel.botMember
						? { ...apiChannel(channel), recipients: [apiUser(envelope.user)] }
						: privateChannel(envelope),
				};
	return {
		id: envelope.id,
		application_id: envelope.applicationId,
		type: envelope.type,
		data,
		token: envelope.token,
		version: 1,
		channel_id: channel.id,
		...where,
		context: envelope.context,
		authorizing_integration_owners: { ...envelope.owners },
		app_permissions:
			envelope.appPermissions ?? (channel.botMember ? DEFAULT_APP_PERMISSIONS : EXTERNAL_APP_PERMISSIONS),
		locale: envelope.locale ?? "en-US",
		entitlements: [],
		entitlement_sku_ids: [],
		attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
		...(message ? { message } : {}),
	};
}
