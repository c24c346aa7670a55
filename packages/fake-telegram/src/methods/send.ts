import { badRequest } from "../ApiError.js";
import { MESSAGE_TOO_LONG, WRONG_CHAT_ACTION } from "../descriptions.js";
import type { StoredFile } from "../files.js";
import type { FormattedText } from "../formatting.js";
import { readReplyMarkup } from "../keyboard.js";
import { optionalString } from "../params.js";
import type { Chat, Message } from "../types.js";
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
import type { FakeState, MethodContext, MethodHandler } from "./context.js";
import { resolveChat } from "./target.js";

const CHAT_ACTIONS = new Set([
	"typing",
	"upload_photo",
	"record_video",
	"upload_video",
	"record_voice",
	"upload_voice",
	"upload_document",
	"choose_sticker",
	"find_location",
	"record_video_note",
	"upload_video_note",
]);

type Content = Omit<Message, "message_id" | "from" | "chat" | "date">;

function storeSent(
	fake: FakeState,
	chat: Chat,
	content: Content,
	extras: { file?: StoredFile; formatted?: FormattedText },
): Message {
	const message: Message = {
		message_id: fake.world.nextMessageId(chat.id),
		from: fake.world.bot,
		chat,
		date: Math.floor(Date.now() / 1000),
		...content,
	};
	fake.world.store({
		message,
		fromBot: true,
		edited: 0,
		deleted: false,
		file: extras.file,
		parseMode: extras.formatted?.parseMode,
	});
	return message;
}

const sendMessage: MethodHandler = (context) => {
	const { fake, params } = context;
	const chat = resolveChat(context);
	const text = readText(params, fake.formatting, MESSAGE_TOO_LONG);
	const keyboard = shownKeyboard(readReplyMarkup(params));
	const preview = readLinkPreview(params);
	fake.flood.consume(chat);
	return storeSent(
		fake,
		chat,
		{
			...textFields(text),
			...(keyboard ? { reply_markup: keyboard } : {}),
			...(preview ? { link_preview_options: preview } : {}),
		},
		{ formatted: text },
	);
};

function sendFile(context: MethodContext, kind: StoredFile["kind"]): Message {
	const { fake, params } = context;
	const chat = resolveChat(context);
	const caption = readCaption(params, fake.formatting);
	const keyboard = shownKeyboard(readReplyMarkup(params));
	const file = readInputFile(context, params[kind], kind, kind);
	fake.flood.consume(chat);
	const content = {
		...mediaFields(file),
		...captionFields(caption),
		...(keyboard ? { reply_markup: keyboard } : {}),
	};
	return storeSent(fake, chat, content, caption ? { file, formatted: caption } : { file });
}

const sendPhoto: MethodHandler = (context) => sendFile(context, "photo");

const sendDocument: MethodHandler = (context) => sendFile(context, "document");

const sendChatAction: MethodHandler = (context) => {
	resolveChat(context);
	if (!CHAT_ACTIONS.has(optionalString(context.params, "action") ?? "")) throw badRequest(WRONG_CHAT_ACTION);
	return true;
};

/** The methods that post messages. */
export const sendMethods = { sendMessage, sendPhoto, sendDocument, sendChatAction };
