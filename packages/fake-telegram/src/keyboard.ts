import { badRequest } from "./ApiError.js";
import { BUTTON_DATA_INVALID, REPLY_MARKUP_TOO_LONG, TEXT_BUTTONS_UNALLOWED } from "./descriptions.js";
import { isButtonUrl } from "./links.js";
import { optionalJson, type Params } from "./params.js";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "./types.js";

/** Telegram's cap on buttons in one inline keyboard. */
export const MAX_INLINE_BUTTONS = 100;
/** Telegram's cap on callback_data, in UTF-8 bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

// Fields that make a button do something; a button with none of them is a "text button".
const ACTIONS = [
	"callback_data",
	"url",
	"web_app",
	"login_url",
	"switch_inline_query",
	"switch_inline_query_current_chat",
	"switch_inline_query_chosen_chat",
	"copy_text",
	"callback_game",
	"pay",
] as const;

// Empty, these still make a button: it opens inline mode with just "@bot " typed.
const EMPTY_ALLOWED: ReadonlySet<string> = new Set([
	"switch_inline_query",
	"switch_inline_query_current_chat",
]);

// Fields that change how a button looks, kept as given.
const DECORATIONS = ["style", "icon_custom_emoji_id"] as const;

function checkSwitchInline(fields: Record<string, unknown>): void {
	for (const name of EMPTY_ALLOWED) {
		if (fields[name] !== undefined && typeof fields[name] !== "string") {
			throw badRequest(`can't parse inline keyboard button: Field "${name}" must be of type String`);
		}
	}
	const chosen = fields.switch_inline_query_chosen_chat;
	if (chosen === undefined) return;
	if (chosen === null || typeof chosen !== "object" || Array.isArray(chosen)) {
		throw badRequest(
			`can't parse inline keyboard button: Field "switch_inline_query_chosen_chat" must be of type Object`,
		);
	}
	const { query } = chosen as { query?: unknown };
	if (query !== undefined && typeof query !== "string") {
		throw badRequest(`can't parse inline keyboard button: Field "query" must be of type String`);
	}
}

function checkButton(button: unknown): InlineKeyboardButton {
	if (button === null || typeof button !== "object" || Array.isArray(button)) {
		throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
	}
	const fields = button as Record<string, unknown>;
	if (!("text" in fields)) throw badRequest(`can't parse inline keyboard button: Can't find field "text"`);
	if (typeof fields.text !== "string") {
		throw badRequest(`can't parse inline keyboard button: Field "text" must be of type String`);
	}
	if (fields.text.trim() === "") throw badRequest("inline keyboard button text must be non-empty");
	// Telegram reads an empty callback_data as no callback_data at all.
	const present = ACTIONS.filter(
		(action) => fields[action] !== undefined && (fields[action] !== "" || EMPTY_ALLOWED.has(action)),
	);
	if (present.length === 0) throw badRequest(TEXT_BUTTONS_UNALLOWED);
	checkSwitchInline(fields);
	if (fields.callback_data !== undefined && fields.callback_data !== "") {
		const data = fields.callback_data;
		if (typeof data !== "string" || Buffer.byteLength(data, "utf8") > MAX_CALLBACK_DATA_BYTES) {
			throw badRequest(BUTTON_DATA_INVALID);
		}
	}
	if (fields.url !== undefined && fields.url !== "") {
		const url = fields.url;
		if (typeof url !== "string" || !isButtonUrl(url)) {
			throw badRequest(`inline keyboard button URL '${String(url)}' is invalid: Wrong HTTP URL`);
		}
	}
	// Telegram echoes back only the fields it knows (telegraf's `hide: false`, for one, does not survive).
	const kept = Object.fromEntries(
		[...present, ...DECORATIONS.filter((field) => fields[field] !== undefined)].map((field) => [
			field,
			fields[field],
		]),
	);
	return { text: fields.text, ...kept };
}

/** Validates an inline keyboard as Telegram does, returning it typed. */
export function checkInlineKeyboard(markup: Record<string, unknown>): InlineKeyboardMarkup {
	const rows = markup.inline_keyboard;
	if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
		throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
	}
	let count = 0;
	const checked = rows.map((row: unknown[]) =>
		row.map((button) => {
			count += 1;
			return checkButton(button);
		}),
	);
	if (count > MAX_INLINE_BUTTONS) throw badRequest(REPLY_MARKUP_TOO_LONG);
	return { inline_keyboard: checked };
}

/** What a call's reply_markup asked for. */
export type ReplyMarkup =
	| { readonly kind: "none" }
	| { readonly kind: "inline"; readonly markup: InlineKeyboardMarkup }
	/** A reply keyboard, keyboard removal or force reply: accepted, stored, never shown in messages. */
	| { readonly kind: "other"; readonly markup: Readonly<Record<string, unknown>> };

/** Reads and validates reply_markup. `inlineOnly` is for edits, which only take inline keyboards. */
export function readReplyMarkup(params: Params, inlineOnly = false): ReplyMarkup {
	const value = optionalJson(params, "reply_markup", "reply keyboard markup");
	if (value === undefined) return { kind: "none" };
	if (value === null || typeof value !== "object" || Array.isArray(value)) {
		throw badRequest("can't parse reply keyboard markup JSON object");
	}
	const markup = value as Record<string, unknown>;
	if ("inline_keyboard" in markup) return { kind: "inline", markup: checkInlineKeyboard(markup) };
	if (inlineOnly) throw badRequest("inline keyboard expected");
	if ("keyboard" in markup || "remove_keyboard" in markup || "force_reply" in markup) {
		return { kind: "other", markup };
	}
	throw badRequest("can't parse reply keyboard markup JSON object");
}

/** Every callback_data on a keyboard, in reading order. */
export function callbackDataOf(markup: InlineKeyboardMarkup | undefined): string[] {
	return (markup?.inline_keyboard ?? []).flatMap((row) =>
		row.flatMap((button) => (typeof button.callback_data === "string" ? [button.callback_data] : [])),
	);
}
