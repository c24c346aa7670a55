import type { StoredFile } from "./files.js";
import type { StoredMessage } from "./state.js";
import type { InlineKeyboardMarkup, LinkPreviewOptions, Message, MessageEntity } from "./types.js";

/** A photo or document the bot sent. */
export interface SentMedia {
	readonly file_id: string;
	/** The URL the bot passed instead of uploading. */
	readonly url?: string;
	readonly file_name?: string;
	readonly mime_type?: string;
	readonly file_size?: number;
	/** The content of an uploaded file of at most {@link MAX_TEXT_FILE_BYTES} that is valid UTF-8 (a CSV, say). */
	readonly text?: string;
}

/** A bot message as it stands now: what a user in the chat would see. */
export interface BotMessage {
	readonly message_id: number;
	readonly date: number;
	/** The text after parse_mode was applied, without markup. */
	readonly text?: string;
	/** The formatting of `text`, as parsed from parse_mode or given as entities. */
	readonly entities?: readonly MessageEntity[];
	readonly caption?: string;
	readonly caption_entities?: readonly MessageEntity[];
	/** The parse_mode of the latest text or caption (lower-cased), if one was used. */
	readonly parse_mode?: string;
	readonly photo?: SentMedia;
	readonly document?: SentMedia;
	readonly reply_markup?: InlineKeyboardMarkup;
	readonly link_preview_options?: LinkPreviewOptions;
	/** How many edits succeeded. */
	readonly edited: number;
	/** Present once the message was deleted. */
	readonly deleted?: true;
	/** The Message object as the Bot API last returned it. */
	readonly message: Message;
}

/** Uploaded files up to this size are decoded for {@link SentMedia.text}. */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

function decodeText(bytes: Buffer | undefined): string | undefined {
	if (bytes === undefined || bytes.length > MAX_TEXT_FILE_BYTES) return undefined;
	try {
		return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

function sentMedia(file: StoredFile): SentMedia {
	const text = decodeText(file.bytes);
	return {
		file_id: file.file_id,
		...(file.url === undefined ? {} : { url: file.url }),
		...(file.file_name === undefined ? {} : { file_name: file.file_name }),
		...(file.mime_type === undefined ? {} : { mime_type: file.mime_type }),
		...(file.file_size === undefined ? {} : { file_size: file.file_size }),
		...(text === undefined ? {} : { text }),
	};
}

/** The test-facing view of a stored bot message. */
export function toBotMessage(stored: StoredMessage): BotMessage {
	const { message, file } = stored;
	const media = file === undefined ? {} : { [file.kind]: sentMedia(file) };
	return {
		message_id: message.message_id,
		date: message.date,
		...(message.text === undefined ? {} : { text: message.text }),
		...(message.entities === undefined ? {} : { entities: message.entities }),
		...(message.caption === undefined ? {} : { caption: message.caption }),
		...(message.caption_entities === undefined ? {} : { caption_entities: message.caption_entities }),
		...(stored.parseMode === undefined ? {} : { parse_mode: stored.parseMode }),
		...media,
		...(message.reply_markup === undefined ? {} : { reply_markup: message.reply_markup }),
		...(message.link_preview_options === undefined
			? {}
			: { link_preview_options: message.link_preview_options }),
		edited: stored.edited,
		...(stored.deleted ? { deleted: true as const } : {}),
		message,
	};
}
