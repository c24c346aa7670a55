import { DEFAULT_APP_PERMISSIONS, DEFAULT_MEMBER_PERMISSIONS } from "../constants.js";
import type { JsonObject } from "../json.js";
import { apiChannel, type FakeChannel, type FakeGuild } from "../state/guilds.js";
import { discordTimestamp } from "../timestamp.js";
import { apiUser, type FakeUser } from "../users.js";

/** Who did what where: everything of an interaction except its type-specific `data`. */
export interface InteractionEnvelope {
	readonly id: string;
	readonly token: string;
	readonly applicationId: string;
	readonly type: number;
	readonly user: FakeUser;
	readonly guild: FakeGuild | undefined;
	readonly channel: FakeChannel;
	readonly locale: string | undefined;
	readonly appPermissions: string | undefined;
	readonly memberPermissions: string | undefined;
}

/** Bots get 10 MiB attachments by default. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

function member(envelope: InteractionEnvelope, guild: FakeGuild): JsonObject {
	return {
		user: apiUser(envelope.user),
		roles: [],
		nick: null,
		avatar: null,
		banner: null,
		premium_since: null,
		joined_at: discordTimestamp(guild.joinedAt),
		pending: false,
		deaf: false,
		mute: false,
		flags: 0,
		communication_disabled_until: null,
		unusual_dm_activity_until: null,
		permissions: envelope.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS,
	};
}

/**
 * INTERACTION_CREATE's payload: a guild interaction carries `member` (with its user) and guild fields, a DM
 * one carries `user` and a DM channel; both carry the token, app_permissions, locale and entitlements.
 */
export function interactionPayload(
	envelope: InteractionEnvelope,
	data: JsonObject,
	message?: JsonObject,
): JsonObject {
	const { guild } = envelope;
	const where: JsonObject = guild
		? {
				guild_id: guild.id,
				guild: { id: guild.id, locale: guild.locale, features: [] },
				guild_locale: guild.locale,
				member: member(envelope, guild),
				channel: apiChannel(envelope.channel, guild.channels.indexOf(envelope.channel)),
				// Context 0 is a guild; the guild-install owner is the guild.
				context: 0,
				authorizing_integration_owners: { "0": guild.id },
			}
		: {
				user: apiUser(envelope.user),
				channel: { ...apiChannel(envelope.channel), recipients: [apiUser(envelope.user)] },
				// Context 1 is the bot's DM, where the guild-install owner is "0".
				context: 1,
				authorizing_integration_owners: { "0": "0" },
			};
	return {
		id: envelope.id,
		application_id: envelope.applicationId,
		type: envelope.type,
		data,
		token: envelope.token,
		version: 1,
		channel_id: envelope.channel.id,
		...where,
		app_permissions: envelope.appPermissions ?? DEFAULT_APP_PERMISSIONS,
		locale: envelope.locale ?? "en-US",
		entitlements: [],
		entitlement_sku_ids: [],
		attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
		...(message ? { message } : {}),
	};
}
