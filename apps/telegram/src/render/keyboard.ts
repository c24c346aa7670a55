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

/** Splits buttons into rows of `perRow`. */
export function rows<T>(buttons: readonly T[], perRow: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
	return out;
}
