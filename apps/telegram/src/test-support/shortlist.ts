import type { BotMessage, CallbackAnswer, Chat, User } from "@catbot/fake-telegram";
import { buttonOf, press, pressData, sendCommand, waitForEdit } from "./chat.js";
import type { Harness } from "./harness.js";

/** A message as it stands now (edits included). */
export function current(h: Harness, chat: Chat, message: BotMessage): BotMessage {
	const found = h.tg.messages(chat.id).find((m) => m.message_id === message.message_id);
	if (!found) throw new Error(`no message ${message.message_id} in chat ${chat.id}`);
	return found;
}

/** The newest answer to a press. */
export function lastAnswer(h: Harness): CallbackAnswer {
	const answer = h.tg.callbackAnswers.at(-1);
	if (!answer) throw new Error("no press has been answered");
	return answer;
}

/** The title a list line shows for card `position` ("3. Title"), as the result or shortlist message has it. */
export function titleAt(message: BotMessage, position: number): string {
	const line = message.text?.split("\n").find((l) => l.startsWith(`${position}. `));
	if (!line) throw new Error(`no card ${position} in:\n${message.text}`);
	return line.slice(`${position}. `.length);
}

/**
 * Opens card `position` of a result message, presses ☆ Save on it as `from`, and goes back to the list,
 * as a person would. Resolves with the answer to the save press.
 */
export async function saveCard(
	h: Harness,
	chat: Chat,
	from: User,
	list: BotMessage,
	position: number,
): Promise<CallbackAnswer> {
	const edits = current(h, chat, list).edited;
	await press(h.tg, chat, from, current(h, chat, list), `🔍 ${position}`);
	const card = await waitForEdit(h.tg, chat, list.message_id, edits + 1);
	await press(h.tg, chat, from, card, "☆ Save");
	const answer = lastAnswer(h);
	await press(h.tg, chat, from, card, "« Back to list");
	await waitForEdit(h.tg, chat, list.message_id, edits + 2);
	return answer;
}

/** Sends /shortlist (or `/shortlist <args>`) and resolves with the bot's reply. */
export function shortlistCommand(h: Harness, chat: Chat, from: User, args = ""): Promise<BotMessage> {
	return sendCommand(h.tg, chat, from, `/shortlist${args ? ` ${args}` : ""}`);
}

/** The labels of a message's buttons, row by row. */
export function buttonRows(message: BotMessage): string[][] {
	return message.reply_markup?.inline_keyboard.map((row) => row.map((b) => b.text)) ?? [];
}

/**
 * Presses the ☆ Save that card `position`'s opened view carries (`v<position>|<page token>`), on the
 * result message itself: the same press without opening the card first, which keeps a test within the
 * chat's flood limits (1 edit a second, 20 messages a minute in a group). Resolves with the answer.
 */
export async function pressSave(
	h: Harness,
	chat: Chat,
	from: User,
	list: BotMessage,
	position: number,
): Promise<CallbackAnswer> {
	const open = buttonOf(current(h, chat, list), "🔍 ").callback_data ?? "";
	const token = open.slice(open.indexOf("|") + 1);
	await pressData(h.tg, chat, from, list, `v${position}|${token}`);
	return lastAnswer(h);
}
