import { callbackDataOf } from "./keyboard.js";
import type { FakeState } from "./methods/context.js";
import type { Chat, Message, MessageEntity, Update, User } from "./types.js";

/** A user writing to the bot. */
export interface SendTextInput {
	readonly chat: Chat;
	/** Who writes; defaults to the user of a private chat, required in groups. */
	readonly from?: User;
	readonly text: string;
}

/** A user pressing an inline button. */
export interface PressButtonInput {
	readonly chat: Chat;
	/** Who presses; defaults to the user of a private chat, required in groups. */
	readonly from?: User;
	/** The bot message carrying the button. */
	readonly message_id: number;
	/** The button's callback_data. */
	readonly data: string;
	/**
	 * Skip the checks that the message exists, is the bot's, is not deleted and has a button with this data,
	 * to simulate stale clients. A missing message then arrives as an InaccessibleMessage, as on Telegram.
	 */
	readonly force?: boolean;
}

// Telegram's own pattern for commands, anchored at the start: /name, optionally @botname, then a boundary.
const LEADING_COMMAND = /^\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?(?![\p{L}\p{N}_/<>])/u;

/** The bot_command entity Telegram adds to a message that starts with a command. */
export function commandEntities(text: string): MessageEntity[] {
	const match = LEADING_COMMAND.exec(text);
	return match ? [{ type: "bot_command", offset: 0, length: match[0].length }] : [];
}

function sender(fake: FakeState, chat: Chat, from: User | undefined): User {
	if (from) return fake.world.user(from.id, from.first_name);
	if (chat.type === "private") return fake.world.user(chat.id, chat.first_name);
	throw new TypeError(`fake-telegram: "from" is required for a message in ${chat.type} ${chat.id}`);
}

function chatInstance(fake: FakeState, chat: Chat): string {
	// Stable per chat and bot, like Telegram's opaque chat_instance.
	return `${fake.world.bot.id}${Math.abs(chat.id)}`;
}

/** Queues the message update of a user writing `text` in `chat`. */
export function sendText(fake: FakeState, input: SendTextInput): Update {
	if (typeof input.text !== "string" || input.text.trim() === "") {
		throw new TypeError("fake-telegram: a user message needs non-blank text");
	}
	const chat = fake.world.addChat(input.chat);
	const from = sender(fake, chat, input.from);
	const entities = commandEntities(input.text);
	const message: Message = {
		message_id: fake.world.nextMessageId(chat.id),
		from,
		chat,
		date: Math.floor(Date.now() / 1000),
		text: input.text,
		...(entities.length > 0 ? { entities } : {}),
	};
	fake.world.store({
		message,
		fromBot: false,
		edited: 0,
		deleted: false,
		file: undefined,
		parseMode: undefined,
	});
	return fake.updates.push("message", (update_id) => ({ update_id, message }));
}

/** Queues the callback_query update of a user pressing a button on a bot message. */
export function pressButton(fake: FakeState, input: PressButtonInput): Update {
	const chat = fake.world.addChat(input.chat);
	const from = sender(fake, chat, input.from);
	const stored = fake.world.message(chat.id, input.message_id);
	const usable = stored?.fromBot === true && !stored.deleted;
	if (!input.force) {
		if (!usable) {
			throw new Error(
				`fake-telegram: no bot message ${input.message_id} in chat ${chat.id} to press a button on (pass force: true to press anyway)`,
			);
		}
		const data = callbackDataOf(stored.message.reply_markup);
		if (!data.includes(input.data)) {
			throw new Error(
				`fake-telegram: message ${input.message_id} in chat ${chat.id} has no button with callback_data ${JSON.stringify(input.data)}; it has ${JSON.stringify(data)} (pass force: true to press anyway)`,
			);
		}
	}
	const id = fake.callbacks.press(input.data, chat.id, input.message_id);
	const message = usable ? stored.message : { chat, message_id: input.message_id, date: 0 as const };
	return fake.updates.push("callback_query", (update_id) => ({
		update_id,
		callback_query: { id, from, message, chat_instance: chatInstance(fake, chat), data: input.data },
	}));
}
