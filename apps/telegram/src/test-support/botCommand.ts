import { lastMessage } from "./chat.js";
import type { startHarness } from "./harness.js";

export const alice = { id: 1001, is_bot: false, first_name: "Alice" };
export const bob = { id: 1002, is_bot: false, first_name: "Bob" };

export async function command(
	h: Awaited<ReturnType<typeof startHarness>>,
	chat: Parameters<typeof h.tg.sendText>[0]["chat"],
	text: string,
	from = alice,
) {
	const before = h.tg.messages(chat.id).length;
	h.tg.sendText({ chat, from, text });
	await h.tg.waitForCall(
		"sendMessage",
		(c) => c.params.chat_id === chat.id && h.tg.messages(chat.id).length > before,
	);
	return lastMessage(h.tg, chat);
}
