import type { BotMessage, Chat, FakeTelegram, InlineKeyboardButton, User } from "@catbot/fake-telegram";

/** Finds a button on a message by (part of) its text. */
export function buttonOf(message: BotMessage | undefined, text: string): InlineKeyboardButton {
	const found = message?.reply_markup?.inline_keyboard.flat().find((b) => b.text.includes(text));
	if (!found) {
		const all = message?.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
		throw new Error(`no button "${text}" among ${JSON.stringify(all)}`);
	}
	return found;
}

/** The bot's newest message in a chat. */
export function lastMessage(tg: FakeTelegram, chat: Chat): BotMessage {
	const message = tg.messages(chat.id).at(-1);
	if (!message) throw new Error(`the bot has sent nothing to chat ${chat.id}`);
	return message;
}

/** Waits until the bot has answered the press `update` made. */
function answerTo(tg: FakeTelegram, update: ReturnType<FakeTelegram["pressButton"]>) {
	const id = update.callback_query?.id;
	return tg.waitForCall("answerCallbackQuery", (call) => call.params.callback_query_id === id);
}

/** Presses a button and waits until the bot has answered the press. */
export async function press(tg: FakeTelegram, chat: Chat, from: User, message: BotMessage, text: string) {
	const target = buttonOf(message, text);
	if (typeof target.callback_data !== "string") throw new Error(`"${text}" is not a callback button`);
	return answerTo(
		tg,
		tg.pressButton({ chat, from, message_id: message.message_id, data: target.callback_data }),
	);
}

/**
 * Presses a button carrying `data`, even data no button on the message has (a forged or garbled press),
 * and waits until the bot has answered it.
 */
export async function pressData(tg: FakeTelegram, chat: Chat, from: User, message: BotMessage, data: string) {
	return answerTo(tg, tg.pressButton({ chat, from, message_id: message.message_id, data, force: true }));
}

/** Waits until a message of the bot in `chat` has been edited `times` times. */
export async function waitForEdit(
	tg: FakeTelegram,
	chat: Chat,
	messageId: number,
	times = 1,
	timeoutMs = 3_000,
): Promise<BotMessage> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const message = tg.messages(chat.id).find((m) => m.message_id === messageId);
		if (message && message.edited >= times) return message;
		if (Date.now() > deadline) throw new Error(`message ${messageId} was not edited ${times} time(s)`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** A user sends a command; resolves with the bot's newest message once it has sent one more to the chat. */
export async function sendCommand(
	tg: FakeTelegram,
	chat: Chat,
	from: User,
	text: string,
): Promise<BotMessage> {
	const before = tg.messages(chat.id).length;
	tg.sendText({ chat, from, text });
	await tg.waitForCall(
		"sendMessage",
		(c) => c.params.chat_id === chat.id && c.response !== undefined && tg.messages(chat.id).length > before,
	);
	return lastMessage(tg, chat);
}
