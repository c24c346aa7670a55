import type { JsonObject } from "../json.js";
import type { BotIdentity } from "../state/apiMessage.js";
import { apiUser } from "../users.js";

/** What READY depends on besides who the bot is. */
export interface ReadyContext {
	readonly sessionId: string;
	readonly shard: readonly [number, number];
	/** The guilds of this shard; READY lists them as unavailable, GUILD_CREATE follows for each. */
	readonly guildIds: readonly string[];
	readonly resumeUrl: string;
}

/**
 * READY's payload with what discord.js reads: the user (ClientUser), the application (id and flags),
 * guilds as unavailable stubs, session_id and resume_gateway_url (for RESUME), and the shard.
 */
export function readyPayload(bot: BotIdentity, context: ReadyContext): JsonObject {
	return {
		v: 10,
		user: { ...apiUser(bot.user, true), verified: true, mfa_enabled: false, email: null },
		guilds: context.guildIds.map((id) => ({ id, unavailable: true })),
		session_id: context.sessionId,
		session_type: "normal",
		resume_gateway_url: context.resumeUrl,
		shard: [...context.shard],
		application: { id: bot.applicationId, flags: 0 },
		private_channels: [],
		presences: [],
		relationships: [],
		guild_join_requests: [],
		geo_ordered_rtc_regions: [],
		user_settings: {},
		auth: {},
		_trace: ["fake-discord"],
	};
}
