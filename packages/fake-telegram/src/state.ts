import type { StoredFile } from "./files.js";
import type { Chat, Message, User } from "./types.js";

/** A message in a chat, with what the fake tracks beyond the Message object. */
export interface StoredMessage {
	/** The current Message, replaced on every edit. */
	message: Message;
	readonly fromBot: boolean;
	edited: number;
	deleted: boolean;
	/** The photo or document, for media messages. */
	file: StoredFile | undefined;
	/** The parse_mode of the latest text or caption. */
	parseMode: string | undefined;
}

/** The users, chats and messages the fake knows. */
export interface World {
	/** The bot itself, as getMe describes it. */
	readonly bot: User;
	/** Returns the user with this id, creating it (or renaming it when firstName is given). */
	user(id: number, firstName?: string): User;
	/** Registers a chat (and keeps the first registration of an id). */
	addChat(chat: Chat): Chat;
	/** A known chat by id or "@username". */
	chat(id: number | string): Chat | undefined;
	/** The next message id in a chat; ids are shared by users and the bot, as in a real chat. */
	nextMessageId(chatId: number): number;
	store(stored: StoredMessage): void;
	message(chatId: number, messageId: number): StoredMessage | undefined;
	/** Every message of a chat, deleted ones included, in id order. */
	messages(chatId: number): StoredMessage[];
}

/** Creates a world holding only the bot. */
export function createWorld(bot: User): World {
	const users = new Map<number, User>([[bot.id, bot]]);
	const chats = new Map<number, Chat>();
	const messages = new Map<number, Map<number, StoredMessage>>();
	const lastIds = new Map<number, number>();
	return {
		bot,
		user(id, firstName) {
			if (!Number.isSafeInteger(id) || id <= 0)
				throw new RangeError(`A user id must be a positive integer, got ${id}`);
			const known = users.get(id);
			if (known && (firstName === undefined || known.first_name === firstName)) return known;
			const user: User = { id, is_bot: false, first_name: firstName ?? `User ${id}`, language_code: "en" };
			users.set(id, user);
			return user;
		},
		addChat(chat) {
			const known = chats.get(chat.id);
			if (known) return known;
			chats.set(chat.id, chat);
			return chat;
		},
		chat(id) {
			if (typeof id === "number") return chats.get(id);
			const username = id.replace(/^@/, "").toLowerCase();
			return [...chats.values()].find((chat) => chat.username?.toLowerCase() === username);
		},
		nextMessageId(chatId) {
			const id = (lastIds.get(chatId) ?? 0) + 1;
			lastIds.set(chatId, id);
			return id;
		},
		store(stored) {
			const { chat, message_id } = stored.message;
			let inChat = messages.get(chat.id);
			if (!inChat) {
				inChat = new Map();
				messages.set(chat.id, inChat);
			}
			inChat.set(message_id, stored);
		},
		message: (chatId, messageId) => messages.get(chatId)?.get(messageId),
		messages: (chatId) =>
			[...(messages.get(chatId)?.values() ?? [])].sort((a, b) => a.message.message_id - b.message.message_id),
	};
}
