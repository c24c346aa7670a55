import { MessageFlag } from "../constants.js";
import type { UploadedFile } from "../http/readBody.js";
import type { IntegrationOwners, InteractionContextType } from "../installation.js";
import { arrayOf, isJsonObject, type JsonObject } from "../json.js";
import type { SnowflakeFactory } from "../snowflake.js";
import type { FakeUser } from "../users.js";

/** How a message came to be: the first response to an interaction, a follow-up, or a plain channel post. */
export type MessageSource = "interaction-response" | "followup" | "channel";

/** The interaction a message answers, for `interaction_metadata`. */
export interface MessageInteractionRef {
	readonly id: string;
	readonly type: number;
	readonly name: string | undefined;
	readonly user: FakeUser;
	readonly guildId: string | undefined;
	/** Where it happened and through which installs: a press on the message happens there and through them. */
	readonly context: InteractionContextType;
	readonly owners: IntegrationOwners;
}

/** A message as the fake keeps it; mutable by edits, never handed to tests directly. */
export interface StoredMessage {
	readonly id: string;
	readonly channelId: string;
	readonly guildId: string | undefined;
	readonly source: MessageSource;
	/** Discord's message type: 20 for a slash command's response, 0 otherwise. */
	readonly type: number;
	/** The only user who can see it (ephemeral messages), or undefined for everyone in the channel. */
	readonly visibleTo: string | undefined;
	readonly interaction: MessageInteractionRef | undefined;
	readonly createdAt: number;
	content: string;
	embeds: JsonObject[];
	components: JsonObject[];
	attachments: JsonObject[];
	flags: number;
	allowedMentions: unknown;
	tts: boolean;
	editedAt: number | undefined;
	edits: number;
}

/** What creating a message needs besides the request body. */
export interface NewMessage {
	readonly channelId: string;
	readonly guildId: string | undefined;
	readonly source: MessageSource;
	readonly type: number;
	readonly visibleTo: string | undefined;
	readonly interaction: MessageInteractionRef | undefined;
	readonly body: JsonObject;
	readonly files: readonly UploadedFile[];
	/** Extra flags the fake sets itself, e.g. LOADING for a deferred response. */
	readonly extraFlags?: number;
}

/** Every message the bot made in one fake. */
export interface MessageStore {
	create(input: NewMessage): StoredMessage;
	/** Applies the fields present in `body`, as PATCH does; clears LOADING, since the answer has arrived. */
	edit(message: StoredMessage, body: JsonObject, files: readonly UploadedFile[]): void;
	remove(message: StoredMessage): void;
	get(id: string): StoredMessage | undefined;
	list(): readonly StoredMessage[];
}

const CREATE_FLAGS =
	MessageFlag.SuppressEmbeds |
	MessageFlag.Ephemeral |
	MessageFlag.SuppressNotifications |
	MessageFlag.IsComponentsV2;
const EDIT_FLAGS = MessageFlag.SuppressEmbeds | MessageFlag.IsComponentsV2;

/** Discord marks embeds sent by bots as "rich"; discord.js reads the type back. */
function normalizeEmbeds(value: unknown): JsonObject[] {
	return arrayOf(value)
		.filter(isJsonObject)
		.map((embed) => ({ type: "rich", ...structuredClone(embed) }));
}

function uploadedAttachments(
	nextId: SnowflakeFactory,
	channelId: string,
	body: JsonObject,
	files: readonly UploadedFile[],
): JsonObject[] {
	const described = arrayOf(body.attachments).filter(isJsonObject);
	return files.map((file, index) => {
		const id = nextId();
		const meta = described.find((a) => String(a.id) === String(index));
		const filename = typeof meta?.filename === "string" ? meta.filename : file.filename;
		const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
		return {
			id,
			filename,
			size: file.size,
			url,
			proxy_url: url.replace("cdn.discordapp.com", "media.discordapp.net"),
			...(file.contentType ? { content_type: file.contentType } : {}),
			...(typeof meta?.description === "string" ? { description: meta.description } : {}),
		};
	});
}

/** On edit, `attachments` lists what to keep (by id); new uploads are added to what is kept. */
function keptAttachments(message: StoredMessage, body: JsonObject): JsonObject[] {
	if (!Array.isArray(body.attachments)) return message.attachments;
	const keep = new Set(body.attachments.filter(isJsonObject).map((a) => String(a.id)));
	return message.attachments.filter((a) => keep.has(String(a.id)));
}

/** Creates an empty store. */
export function createMessageStore(nextId: SnowflakeFactory): MessageStore {
	const messages = new Map<string, StoredMessage>();
	return {
		create(input) {
			const { body } = input;
			const flags =
				(typeof body.flags === "number" ? body.flags & CREATE_FLAGS : 0) | (input.extraFlags ?? 0);
			const message: StoredMessage = {
				id: nextId(),
				channelId: input.channelId,
				guildId: input.guildId,
				source: input.source,
				type: input.type,
				visibleTo: input.visibleTo,
				interaction: input.interaction,
				createdAt: Date.now(),
				content: typeof body.content === "string" ? body.content : "",
				embeds: normalizeEmbeds(body.embeds),
				components: arrayOf(body.components)
					.filter(isJsonObject)
					.map((c) => structuredClone(c)),
				attachments: [],
				flags,
				allowedMentions: structuredClone(body.allowed_mentions),
				tts: body.tts === true,
				editedAt: undefined,
				edits: 0,
			};
			message.attachments = uploadedAttachments(nextId, message.channelId, body, input.files);
			messages.set(message.id, message);
			return message;
		},
		edit(message, body, files) {
			if ("content" in body) message.content = typeof body.content === "string" ? body.content : "";
			if ("embeds" in body) message.embeds = normalizeEmbeds(body.embeds);
			if ("components" in body) {
				message.components = arrayOf(body.components)
					.filter(isJsonObject)
					.map((c) => structuredClone(c));
			}
			if (typeof body.flags === "number") {
				message.flags = (message.flags & ~EDIT_FLAGS) | (body.flags & EDIT_FLAGS);
			}
			message.attachments = [
				...keptAttachments(message, body),
				...uploadedAttachments(nextId, message.channelId, body, files),
			];
			// What a test asserts is what the latest write asked for: an edit without it would ping again.
			message.allowedMentions = structuredClone(body.allowed_mentions);
			// Completing a deferred response is its first content, not an edit: Discord shows no "(edited)".
			const wasLoading = (message.flags & MessageFlag.Loading) !== 0;
			message.flags &= ~MessageFlag.Loading;
			if (!wasLoading) {
				message.editedAt = Date.now();
				message.edits += 1;
			}
		},
		remove(message) {
			messages.delete(message.id);
		},
		get: (id) => messages.get(id),
		list: () => [...messages.values()],
	};
}
