import { MessageFlag } from "../constants.js";
import type { JsonObject } from "../json.js";
import { discordTimestamp } from "../timestamp.js";
import { apiUser, type FakeUser } from "../users.js";
import type { MessageSource, StoredMessage } from "./messages.js";

/** Who the fake is: what messages name as their author and application. */
export interface BotIdentity {
	readonly applicationId: string;
	readonly user: FakeUser;
}

/**
 * The message object Discord returns and puts in component interactions, with what discord.js needs to
 * build a Message: author, timestamps, embeds, components, flags, mentions, interaction metadata.
 */
export function apiMessage(message: StoredMessage, bot: BotIdentity): JsonObject {
	const fromInteraction = message.interaction !== undefined;
	const meta = message.interaction;
	return {
		id: message.id,
		type: message.type,
		channel_id: message.channelId,
		...(message.guildId !== undefined ? { guild_id: message.guildId } : {}),
		author: apiUser(bot.user, true),
		content: message.content,
		timestamp: discordTimestamp(message.createdAt),
		edited_timestamp: message.editedAt === undefined ? null : discordTimestamp(message.editedAt),
		tts: message.tts,
		mention_everyone: false,
		mentions: [],
		mention_roles: [],
		attachments: structuredClone(message.attachments),
		embeds: structuredClone(message.embeds),
		components: structuredClone(message.components),
		pinned: false,
		flags: message.flags,
		...(fromInteraction ? { webhook_id: bot.applicationId, application_id: bot.applicationId } : {}),
		...(meta
			? {
					interaction_metadata: {
						id: meta.id,
						type: meta.type,
						user: apiUser(meta.user),
						authorizing_integration_owners: { ...meta.owners },
						...(meta.name !== undefined ? { name: meta.name } : {}),
					},
					interaction: {
						id: meta.id,
						type: meta.type,
						name: meta.name ?? "",
						user: apiUser(meta.user),
					},
				}
			: {}),
	};
}

/** Loose view of an embed as the bot sent it (snake_case, as on the wire). */
export interface ApiEmbed {
	readonly title?: string;
	readonly description?: string;
	readonly url?: string;
	readonly color?: number;
	readonly fields?: readonly { readonly name: string; readonly value: string; readonly inline?: boolean }[];
	readonly footer?: { readonly text: string; readonly icon_url?: string };
	readonly author?: { readonly name: string; readonly url?: string; readonly icon_url?: string };
	readonly image?: { readonly url: string };
	readonly thumbnail?: { readonly url: string };
	readonly [key: string]: unknown;
}

/** Loose view of a component (action row, button, select menu...) as the bot sent it. */
export interface ApiComponent {
	readonly type: number;
	readonly custom_id?: string;
	readonly label?: string;
	readonly style?: number;
	readonly url?: string;
	readonly disabled?: boolean;
	readonly placeholder?: string;
	readonly options?: readonly {
		readonly label: string;
		readonly value: string;
		readonly [key: string]: unknown;
	}[];
	readonly components?: readonly ApiComponent[];
	readonly [key: string]: unknown;
}

/** A message the bot made, as a test sees it: a snapshot taken when read, not updated afterwards. */
export interface RecordedMessage {
	readonly id: string;
	readonly channelId: string;
	readonly guildId: string | undefined;
	readonly source: MessageSource;
	readonly content: string;
	readonly embeds: readonly ApiEmbed[];
	readonly components: readonly ApiComponent[];
	readonly attachments: readonly { readonly id: string; readonly filename: string; readonly size: number }[];
	readonly flags: number;
	readonly ephemeral: boolean;
	/** A deferred response nobody has filled in yet ("Bot is thinking..."). */
	readonly loading: boolean;
	/** The user who alone can see it when ephemeral, else undefined. */
	readonly visibleTo: string | undefined;
	/** `allowed_mentions` of the latest create or edit (undefined when that write did not send any). */
	readonly allowedMentions: unknown;
	/** The interaction it answers, if any. */
	readonly interactionId: string | undefined;
	readonly createdAt: number;
	readonly editedAt: number | undefined;
	readonly edits: number;
	/** The message object Discord would return for it. */
	readonly api: JsonObject;
}

/** A snapshot of a stored message for tests. */
export function recordedMessage(message: StoredMessage, bot: BotIdentity): RecordedMessage {
	return {
		id: message.id,
		channelId: message.channelId,
		guildId: message.guildId,
		source: message.source,
		content: message.content,
		embeds: structuredClone(message.embeds) as ApiEmbed[],
		components: structuredClone(message.components) as unknown as ApiComponent[],
		attachments: structuredClone(message.attachments) as unknown as RecordedMessage["attachments"],
		flags: message.flags,
		ephemeral: (message.flags & MessageFlag.Ephemeral) !== 0,
		loading: (message.flags & MessageFlag.Loading) !== 0,
		visibleTo: message.visibleTo,
		allowedMentions: structuredClone(message.allowedMentions),
		interactionId: message.interaction?.id,
		createdAt: message.createdAt,
		editedAt: message.editedAt,
		edits: message.edits,
		api: apiMessage(message, bot),
	};
}
