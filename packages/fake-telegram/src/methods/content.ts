import { badRequest } from "../ApiError.js";
import { CAPTION_TOO_LONG, MESSAGE_TEXT_EMPTY, WRONG_FILE_ID } from "../descriptions.js";
import type { StoredFile } from "../files.js";
import { type FormattedText, type FormattingOptions, readFormatted } from "../formatting.js";
import type { ReplyMarkup } from "../keyboard.js";
import { optionalBoolean, optionalJson, type Params } from "../params.js";
import type {
	Document,
	InlineKeyboardMarkup,
	LinkPreviewOptions,
	MessageEntity,
	PhotoSize,
} from "../types.js";
import type { MethodContext } from "./context.js";

/** Telegram's limit on message text, in UTF-16 code units after entity parsing. */
export const MAX_TEXT_LENGTH = 4096;
/** Telegram's limit on captions. */
export const MAX_CAPTION_LENGTH = 1024;

/** The required `text` of sendMessage and editMessageText; `tooLong` is the method's own wording. */
export function readText(params: Params, formatting: FormattingOptions, tooLong: string): FormattedText {
	const text = readFormatted(params, { text: "text", entities: "entities" }, formatting);
	if (text === undefined || text.text === "") throw badRequest(MESSAGE_TEXT_EMPTY);
	if (text.text.length > MAX_TEXT_LENGTH) throw badRequest(tooLong);
	return text;
}

/** An optional caption, from a call or from an InputMedia object; an empty caption counts as none. */
export function readCaption(params: Params, formatting: FormattingOptions): FormattedText | undefined {
	const caption = readFormatted(params, { text: "caption", entities: "caption_entities" }, formatting);
	if (caption === undefined || caption.text === "") return undefined;
	if (caption.text.length > MAX_CAPTION_LENGTH) throw badRequest(CAPTION_TOO_LONG);
	return caption;
}

/**
 * The file a send or edit refers to: an upload in the same request (by field name or `attach://name`), an
 * http(s) URL, or the file_id of a file sent before. Missing gives Telegram's "there is no X in the request".
 */
export function readInputFile(
	context: Pick<MethodContext, "fake" | "files">,
	value: unknown,
	field: string,
	kind: StoredFile["kind"],
): StoredFile {
	const { fake, files } = context;
	const upload = files.get(field);
	if (upload) return fake.files.fromUpload(upload, kind);
	if (value === undefined || value === null || value === "")
		throw badRequest(`there is no ${kind} in the request`);
	if (typeof value !== "string") throw badRequest(WRONG_FILE_ID);
	if (value.startsWith("attach://")) {
		const attached = files.get(value.slice("attach://".length));
		if (!attached) throw badRequest(`there is no ${kind} in the request`);
		return fake.files.fromUpload(attached, kind);
	}
	if (/^https?:\/\//i.test(value)) {
		try {
			return fake.files.fromUrl(value, kind);
		} catch {
			throw badRequest(WRONG_FILE_ID);
		}
	}
	const known = fake.files.get(value);
	if (!known) throw badRequest(WRONG_FILE_ID);
	if (known.kind !== kind) throw badRequest("type of file mismatch");
	return known;
}

/** link_preview_options, or its predecessor disable_web_page_preview, as one object. */
export function readLinkPreview(params: Params): LinkPreviewOptions | undefined {
	const options = optionalJson(params, "link_preview_options", "link preview options");
	if (options !== undefined) {
		if (options === null || typeof options !== "object" || Array.isArray(options)) {
			throw badRequest("can't parse link preview options JSON object");
		}
		return options as LinkPreviewOptions;
	}
	return optionalBoolean(params, "disable_web_page_preview") ? { is_disabled: true } : undefined;
}

/** The keyboard a message shows: only inline keyboards appear in messages, and an empty one is none. */
export function shownKeyboard(markup: ReplyMarkup): InlineKeyboardMarkup | undefined {
	if (markup.kind !== "inline") return undefined;
	return markup.markup.inline_keyboard.some((row) => row.length > 0) ? markup.markup : undefined;
}

/** The `text` and `entities` fields of a Message, entities left out when there are none. */
export function textFields(text: FormattedText): { text: string; entities?: readonly MessageEntity[] } {
	return { text: text.text, ...(text.entities.length > 0 ? { entities: text.entities } : {}) };
}

/** The `caption` and `caption_entities` fields of a Message; nothing when there is no caption. */
export function captionFields(caption: FormattedText | undefined): {
	caption?: string;
	caption_entities?: readonly MessageEntity[];
} {
	if (caption === undefined) return {};
	return {
		caption: caption.text,
		...(caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
	};
}

/** The media field of a Message for a stored file. */
export function mediaFields(file: StoredFile): { photo: readonly PhotoSize[] } | { document: Document } {
	const size = file.file_size === undefined ? {} : { file_size: file.file_size };
	if (file.kind === "photo") {
		return {
			photo: [
				{ file_id: file.file_id, file_unique_id: file.file_unique_id, width: 800, height: 800, ...size },
			],
		};
	}
	return {
		document: {
			file_id: file.file_id,
			file_unique_id: file.file_unique_id,
			...(file.file_name === undefined ? {} : { file_name: file.file_name }),
			...(file.mime_type === undefined ? {} : { mime_type: file.mime_type }),
			...size,
		},
	};
}
