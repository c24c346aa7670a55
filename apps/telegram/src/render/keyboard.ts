import type { InlineKeyboardButton } from "telegraf/types";
import { type ButtonAction, encodeAction } from "../callbackData.js";

/** A callback button carrying a catbot action. */
export function button(text: string, action: ButtonAction): InlineKeyboardButton.CallbackButton {
	return { text, callback_data: encodeAction(action) };
}

/** A button that opens a web page. */
export function urlButton(text: string, url: string): InlineKeyboardButton.UrlButton {
	return { text, url };
}

/**
 * A button that lets the user pick a chat and opens inline mode there with "@bot <query>" typed: sharing
 * to a chat the bot is not in. Works once inline mode is on for the bot (@BotFather /setinline).
 */
export function shareToChatButton(text: string, query: string): InlineKeyboardButton.SwitchInlineButton {
	return { text, switch_inline_query: query };
}

/** Splits buttons into rows of `perRow`. */
export function rows<T>(buttons: readonly T[], perRow: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
	return out;
}
