import type { BotMessage, InlineKeyboardButton } from "@catbot/fake-telegram";
import type { Harness } from "./harness.js";

/** The positions of the cards a result message lists ("6. Title" lines), in order. */
export function cardNumbers(message: BotMessage): number[] {
	return (message.text?.match(/^\d+(?=\. )/gm) ?? []).map(Number);
}

/** The emulator's keyword-search requests so far, native and global. */
export function searchCalls(h: Harness): { search: number; globalSearch: number } {
	const { search, globalSearch } = h.emu.stats.byEndpoint;
	return { search, globalSearch };
}

/** Every callback_data the bot has sent or edited in, in any chat, whether Telegram took it or not. */
export function callbackDataSent(h: Harness): string[] {
	return h.tg.calls.flatMap((call) => {
		const markup = call.params.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
		return (markup?.inline_keyboard ?? [])
			.flat()
			.map((b) => b.callback_data)
			.filter((data): data is string => typeof data === "string");
	});
}
