import { badRequest } from "../ApiError.js";
import {
	MESSAGE_NOT_MODIFIED,
	MESSAGE_TO_DELETE_NOT_FOUND,
	MESSAGE_TOO_LONG_CODE,
	NO_CAPTION_TO_EDIT,
	NO_MEDIA_TO_EDIT,
	NO_TEXT_TO_EDIT,
} from "../descriptions.js";
import type { StoredFile } from "../files.js";
import type { FormattedText } from "../formatting.js";
import { readReplyMarkup } from "../keyboard.js";
import { optionalJson, requiredMessageId } from "../params.js";
import { sameJson } from "../sameJson.js";
import type { StoredMessage } from "../state.js";
import type { Message } from "../types.js";
import {
	captionFields,
	mediaFields,
	readCaption,
	readInputFile,
	readLinkPreview,
	readText,
	shownKeyboard,
	textFields,
} from "./content.js";
import type { MethodContext, MethodHandler } from "./context.js";
import { editableMessage, resolveChat } from "./target.js";

type Editable = Pick<
	Message,
	| "text"
	| "entities"
	| "caption"
	| "caption_entities"
	| "reply_markup"
	| "photo"
	| "document"
	| "link_preview_options"
>;

// What Telegram compares to decide "message is not modified": the visible content and the keyboard.
function visible(message: Editable): unknown[] {
	return [
		message.text,
		message.entities ?? [],
		message.caption,
		message.caption_entities ?? [],
		message.photo?.[0]?.file_id ?? message.document?.file_id,
		message.reply_markup,
	];
}

/** Replaces a bot message's content, refusing an edit that changes nothing. */
function applyEdit(
	context: MethodContext,
	stored: StoredMessage,
	next: Editable,
	extras: { file?: StoredFile; formatted?: FormattedText | undefined },
): Message {
	const { message } = stored;
	if (sameJson(visible(message), visible(next))) throw badRequest(MESSAGE_NOT_MODIFIED);
	context.fake.flood.consume(message.chat);
	const { message_id, from, chat, date } = message;
	stored.message = {
		message_id,
		...(from === undefined ? {} : { from }),
		chat,
		date,
		...next,
		edit_date: Math.floor(Date.now() / 1000),
	};
	stored.edited += 1;
	if (extras.file) stored.file = extras.file;
	if ("formatted" in extras) stored.parseMode = extras.formatted?.parseMode;
	return stored.message;
}

function keyboardOf(context: MethodContext): Pick<Message, "reply_markup"> {
	// An edit without reply_markup removes the keyboard, as on Telegram.
	const keyboard = shownKeyboard(readReplyMarkup(context.params, true));
	return keyboard ? { reply_markup: keyboard } : {};
}

function mediaOf(message: Message): Pick<Message, "photo" | "document"> {
	if (message.photo) return { photo: message.photo };
	return message.document ? { document: message.document } : {};
}

const editMessageText: MethodHandler = (context) => {
	const { stored } = editableMessage(context);
	const text = readText(context.params, context.fake.formatting, MESSAGE_TOO_LONG_CODE);
	if (stored.message.text === undefined) throw badRequest(NO_TEXT_TO_EDIT);
	const preview = readLinkPreview(context.params);
	const next = {
		...textFields(text),
		...keyboardOf(context),
		...(preview ? { link_preview_options: preview } : {}),
	};
	return applyEdit(context, stored, next, { formatted: text });
};

const editMessageCaption: MethodHandler = (context) => {
	const { stored } = editableMessage(context);
	const caption = readCaption(context.params, context.fake.formatting);
	if (stored.file === undefined) throw badRequest(NO_CAPTION_TO_EDIT);
	const next = { ...mediaOf(stored.message), ...captionFields(caption), ...keyboardOf(context) };
	return applyEdit(context, stored, next, { formatted: caption });
};

function readMedia(context: MethodContext): { media: Record<string, unknown>; kind: StoredFile["kind"] } {
	const value = optionalJson(context.params, "media", "InputMedia");
	if (value === undefined) throw badRequest("there is no media in the request");
	if (value === null || typeof value !== "object" || Array.isArray(value)) {
		throw badRequest("can't parse InputMedia JSON object");
	}
	const media = value as Record<string, unknown>;
	if (media.type !== "photo" && media.type !== "document") {
		throw badRequest(
			`fake-telegram edits photo and document media only, got type ${JSON.stringify(media.type)}`,
		);
	}
	return { media, kind: media.type };
}

const editMessageMedia: MethodHandler = (context) => {
	const { stored } = editableMessage(context);
	const { media, kind } = readMedia(context);
	const caption = readCaption(media, context.fake.formatting);
	if (stored.file === undefined) throw badRequest(NO_MEDIA_TO_EDIT);
	const file = readInputFile(context, media.media, "media", kind);
	const next = { ...mediaFields(file), ...captionFields(caption), ...keyboardOf(context) };
	return applyEdit(context, stored, next, { file, formatted: caption });
};

const editMessageReplyMarkup: MethodHandler = (context) => {
	const { stored } = editableMessage(context);
	const { message_id, from, chat, date, edit_date, reply_markup, ...content } = stored.message;
	return applyEdit(context, stored, { ...content, ...keyboardOf(context) }, {});
};

const deleteMessage: MethodHandler = (context) => {
	const chat = resolveChat(context);
	const stored = context.fake.world.message(chat.id, requiredMessageId(context.params));
	if (!stored || stored.deleted) throw badRequest(MESSAGE_TO_DELETE_NOT_FOUND);
	stored.deleted = true;
	return true;
};

/** The methods that change or remove sent messages. */
export const editMethods = {
	editMessageText,
	editMessageCaption,
	editMessageMedia,
	editMessageReplyMarkup,
	deleteMessage,
};
