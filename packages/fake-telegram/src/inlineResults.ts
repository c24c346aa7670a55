import { ApiError, badRequest } from "./ApiError.js";
import {
	ARTICLE_TITLE_EMPTY,
	CANT_PARSE_ENTITIES,
	INLINE_MEDIA_CAPTION_TOO_LONG,
	INLINE_MESSAGE_EMPTY,
	INLINE_RESULT_NOT_OBJECT,
	INLINE_RESULT_UNPARSABLE,
	MESSAGE_TOO_LONG_CODE,
	PHOTO_THUMB_URL_EMPTY,
	REPLY_MARKUP_INVALID,
	RESULT_ID_DUPLICATE,
	RESULT_ID_EMPTY,
	RESULT_ID_INVALID,
	RESULTS_TOO_MUCH,
	WEBDOCUMENT_URL_INVALID,
} from "./descriptions.js";
import { type FormattedText, type FormattingOptions, readFormatted, type TextFields } from "./formatting.js";
import { checkInlineKeyboard } from "./keyboard.js";
import { MAX_CAPTION_LENGTH, MAX_TEXT_LENGTH, readLinkPreview } from "./methods/content.js";
import type { InlineKeyboardMarkup, LinkPreviewOptions, MessageEntity } from "./types.js";

/** Telegram's cap on results in one answer. */
export const MAX_INLINE_RESULTS = 50;
/** Telegram's cap on a result id, in UTF-8 bytes. */
export const MAX_RESULT_ID_BYTES = 64;

/** The message that choosing a result posts, as a user in the chat would see it. */
export interface InlineResultMessage {
	readonly text?: string;
	readonly entities?: readonly MessageEntity[];
	readonly caption?: string;
	readonly caption_entities?: readonly MessageEntity[];
	/** The photo, for a photo result without input_message_content. */
	readonly photo_url?: string;
	/** The parse_mode of the text or caption (lower-cased), if one was used. */
	readonly parse_mode?: string;
	readonly reply_markup?: InlineKeyboardMarkup;
	readonly link_preview_options?: LinkPreviewOptions;
}

/** One result of an accepted answer, checked as Telegram checks it. */
export interface InlineResult {
	readonly type: "article" | "photo";
	readonly id: string;
	readonly title?: string;
	readonly description?: string;
	readonly url?: string;
	readonly photo_url?: string;
	readonly thumbnail_url?: string;
	readonly message: InlineResultMessage;
}

/** The button shown above the results. */
export interface InlineResultsButton {
	readonly text: string;
	readonly start_parameter?: string;
	readonly web_app?: { readonly url: string };
}

type Fields = Readonly<Record<string, unknown>>;

// Result types Telegram has that the fake does not model; naming them beats Telegram's "unsupported".
const OTHER_TYPES = new Set([
	"audio",
	"contact",
	"document",
	"game",
	"gif",
	"location",
	"mpeg4_gif",
	"sticker",
	"venue",
	"video",
	"voice",
]);

function unparsable(what: string): ApiError {
	return badRequest(`${INLINE_RESULT_UNPARSABLE}: ${what}`);
}

function isObject(value: unknown): value is Fields {
	return value !== null && typeof value === "object" && !Array.isArray(value);
}

function optionalField(fields: Fields, name: string): string | undefined {
	const value = fields[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== "string") throw unparsable(`Field "${name}" must be of type String`);
	return value;
}

function requiredField(fields: Fields, name: string): string {
	const value = optionalField(fields, name);
	if (value === undefined) throw unparsable(`Can't find field "${name}"`);
	return value;
}

function isWebUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
	} catch {
		return false;
	}
}

/** A text or caption of a result, with entity errors worded as the Bot API words them inside a result. */
function formatted(fields: Fields, names: TextFields, options: FormattingOptions): FormattedText | undefined {
	try {
		return readFormatted(fields, names, options);
	} catch (error) {
		const prefix = `Bad Request: ${CANT_PARSE_ENTITIES}`;
		if (!(error instanceof ApiError && error.description.startsWith(prefix))) throw error;
		throw unparsable(`Can't parse entities${error.description.slice(prefix.length)}`);
	}
}

function readKeyboard(fields: Fields): Pick<InlineResultMessage, "reply_markup"> {
	const markup = fields.reply_markup;
	if (markup === undefined || markup === null) return {};
	if (!isObject(markup) || !("inline_keyboard" in markup)) throw badRequest(REPLY_MARKUP_INVALID);
	const keyboard = checkInlineKeyboard(markup);
	return keyboard.inline_keyboard.some((row) => row.length > 0) ? { reply_markup: keyboard } : {};
}

function readTextContent(fields: Fields, options: FormattingOptions): InlineResultMessage {
	const content = fields.input_message_content;
	if (!isObject(content)) throw unparsable(`Can't find field "input_message_content"`);
	if (!("message_text" in content)) {
		throw badRequest("fake-telegram implements text input_message_content only (message_text)");
	}
	requiredField(content, "message_text");
	const text = formatted(content, { text: "message_text", entities: "entities" }, options);
	if (text === undefined || text.text === "") throw badRequest(INLINE_MESSAGE_EMPTY);
	if (text.text.length > MAX_TEXT_LENGTH) throw badRequest(MESSAGE_TOO_LONG_CODE);
	const preview = readLinkPreview(content);
	return {
		text: text.text,
		...(text.entities.length > 0 ? { entities: text.entities } : {}),
		...(text.parseMode === undefined ? {} : { parse_mode: text.parseMode }),
		...(preview ? { link_preview_options: preview } : {}),
	};
}

function readId(fields: Fields): string {
	const id = requiredField(fields, "id");
	if (id === "") throw badRequest(RESULT_ID_EMPTY);
	if (Buffer.byteLength(id, "utf8") > MAX_RESULT_ID_BYTES) throw badRequest(RESULT_ID_INVALID);
	return id;
}

function readWebUrl(fields: Fields, name: string, required: boolean): string | undefined {
	const url = required ? requiredField(fields, name) : optionalField(fields, name);
	if (url === undefined || (url === "" && !required)) return undefined;
	if (name === "thumbnail_url" && url === "") throw badRequest(PHOTO_THUMB_URL_EMPTY);
	if (!isWebUrl(url)) throw badRequest(WEBDOCUMENT_URL_INVALID);
	return url;
}

/** The fields both result types share, absent ones left out. */
function common(fields: Fields): Pick<InlineResult, "title" | "description"> {
	const title = optionalField(fields, "title");
	const description = optionalField(fields, "description");
	return {
		...(title === undefined ? {} : { title }),
		...(description === undefined ? {} : { description }),
	};
}

function readArticle(fields: Fields, id: string, options: FormattingOptions): InlineResult {
	const title = requiredField(fields, "title");
	if (title.trim() === "") throw badRequest(ARTICLE_TITLE_EMPTY);
	const url = readWebUrl(fields, "url", false);
	const thumbnail = readWebUrl(fields, "thumbnail_url", false);
	const message = { ...readTextContent(fields, options), ...readKeyboard(fields) };
	return {
		type: "article",
		id,
		...common(fields),
		...(url === undefined ? {} : { url }),
		...(thumbnail === undefined ? {} : { thumbnail_url: thumbnail }),
		message,
	};
}

function readPhoto(fields: Fields, id: string, options: FormattingOptions): InlineResult {
	if (fields.photo_file_id !== undefined) {
		throw badRequest("fake-telegram implements photo results by photo_url only, not cached photos");
	}
	const photoUrl = readWebUrl(fields, "photo_url", true) as string;
	const thumbnail = readWebUrl(fields, "thumbnail_url", true) as string;
	const caption = formatted(fields, { text: "caption", entities: "caption_entities" }, options);
	if (caption !== undefined && caption.text.length > MAX_CAPTION_LENGTH) {
		throw badRequest(INLINE_MEDIA_CAPTION_TOO_LONG);
	}
	// With input_message_content the chosen result posts that content instead of the photo.
	const content =
		fields.input_message_content === undefined
			? {
					photo_url: photoUrl,
					...(caption === undefined || caption.text === ""
						? {}
						: {
								caption: caption.text,
								...(caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
								...(caption.parseMode === undefined ? {} : { parse_mode: caption.parseMode }),
							}),
				}
			: readTextContent(fields, options);
	return {
		type: "photo",
		id,
		...common(fields),
		photo_url: photoUrl,
		thumbnail_url: thumbnail,
		message: { ...content, ...readKeyboard(fields) },
	};
}

function readResult(value: unknown, options: FormattingOptions): InlineResult {
	if (!isObject(value)) throw badRequest(INLINE_RESULT_NOT_OBJECT);
	const type = typeof value.type === "string" ? value.type.toLowerCase() : "";
	if (OTHER_TYPES.has(type)) {
		throw badRequest(`fake-telegram implements article and photo inline results only, got type "${type}"`);
	}
	if (type !== "article" && type !== "photo") {
		throw unparsable(`type "${type}" is unsupported for the inline query result`);
	}
	const id = readId(value);
	return type === "article" ? readArticle(value, id, options) : readPhoto(value, id, options);
}

/** The results of an answerInlineQuery call, each checked, in order; refuses the whole answer on any fault. */
export function readInlineResults(value: unknown, options: FormattingOptions): InlineResult[] {
	if (value === undefined) throw badRequest(`parameter "results" is required`);
	if (!Array.isArray(value)) throw badRequest("can't parse inline query results JSON object");
	if (value.length > MAX_INLINE_RESULTS) throw badRequest(RESULTS_TOO_MUCH);
	const results = value.map((result) => readResult(result, options));
	const ids = new Set(results.map((result) => result.id));
	if (ids.size !== results.length) throw badRequest(RESULT_ID_DUPLICATE);
	return results;
}
