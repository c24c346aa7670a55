import type { BotMessage } from "./botMessages.js";
import type { InlineAnswer } from "./inline.js";
import type { InlineResultMessage } from "./inlineResults.js";
import { mediaFields } from "./methods/content.js";
import type { FakeState } from "./methods/context.js";
import type { Chat, InlineChatType, Message, Update, User } from "./types.js";

/** Telegram's cap on the text of an inline query, in characters. */
export const MAX_INLINE_QUERY_LENGTH = 256;

/** The inline settings of {@link FakeTelegramInline.setInlineMode}, as @BotFather sets them. */
export interface InlineModeSettings {
	/** /setinline's placeholder; Telegram shows "Search..." without one. */
	readonly placeholder?: string;
	/** /setinlinefeedback: send chosen_inline_result updates (for every choice); default false. */
	readonly feedback?: boolean;
}

/** A user typing "@bot query" somewhere. */
export interface SendInlineQueryInput {
	readonly from: User;
	/** What follows "@bot ", at most 256 characters; "" is the user having typed only the username. */
	readonly query: string;
	/** The next_offset of the answer being scrolled; "" (the default) asks for the first answer. */
	readonly offset?: string;
	/** Where the query is typed; default "private". */
	readonly chat_type?: InlineChatType;
}

/** A sent inline query, to await the bot's answer. */
export interface InlineQueryHandle {
	readonly id: string;
	readonly update: Update;
	/**
	 * Resolves with the bot's accepted answer, or with undefined when none came within `timeoutMs` or before
	 * the query expired (the default waits until it expires).
	 */
	answer(timeoutMs?: number): Promise<InlineAnswer | undefined>;
}

/** A user choosing one result of an answered query. */
export interface ChooseInlineResultInput {
	/** The answered query, by handle or inline_query_id. */
	readonly query: InlineQueryHandle | string;
	readonly result_id: string;
	/**
	 * The chat the user posts to. A chat the fake knows (a privateChat or a group) has the bot in it and
	 * gets the message as an update too, as Telegram sends bots the messages sent via them; any other chat
	 * (say `{ id: -5, type: "group", title: "Friends" }`) only keeps the message.
	 */
	readonly chat: Chat;
}

/** What choosing a result did. */
export interface ChosenResult {
	/** The message as posted: from the user, via_bot the bot. */
	readonly message: Message;
	/** Present when the message has an inline keyboard, as on Telegram. */
	readonly inline_message_id?: string;
	/** The chosen_inline_result update, sent only while inline feedback is on. */
	readonly chosen?: Update;
	/** The message update, sent only in chats the bot is in. */
	readonly delivered?: Update;
}

/** The inline-mode side of the fake's test-facing API. */
export interface FakeTelegramInline {
	/** Turns inline mode on (as /setinline and /setinlinefeedback do) or, with false, off. Off at start. */
	setInlineMode(settings: InlineModeSettings | false): void;
	/** Sends an inline_query update; throws while inline mode is off, as Telegram clients offer nothing then. */
	sendInlineQuery(input: SendInlineQueryInput): InlineQueryHandle;
	/** Posts a result of an answered query; throws when the query has no answer or no result with that id. */
	chooseInlineResult(input: ChooseInlineResultInput): ChosenResult;
	/** Every accepted answerInlineQuery, oldest first. */
	readonly inlineAnswers: readonly InlineAnswer[];
	/** The messages users posted in a chat by choosing the bot's inline results, in id order. */
	inlineMessages(chatId: number): BotMessage[];
}

function queryId(query: InlineQueryHandle | string): string {
	return typeof query === "string" ? query : query.id;
}

function content(fake: FakeState, message: InlineResultMessage) {
	const file = message.photo_url === undefined ? undefined : fake.files.fromUrl(message.photo_url, "photo");
	const { photo_url, parse_mode, ...shown } = message;
	return { file, parseMode: parse_mode, fields: { ...shown, ...(file ? mediaFields(file) : {}) } };
}

/** Sends the inline_query update of a user typing "@bot query". */
export function sendInlineQuery(fake: FakeState, input: SendInlineQueryInput): InlineQueryHandle {
	if (!fake.inline.settings.enabled) {
		throw new Error(
			"fake-telegram: inline mode is off for this bot; call setInlineMode({}) as /setinline does",
		);
	}
	const offset = input.offset ?? "";
	if (typeof input.query !== "string" || input.query.length > MAX_INLINE_QUERY_LENGTH) {
		throw new RangeError(
			`fake-telegram: an inline query is a string of at most ${MAX_INLINE_QUERY_LENGTH} characters`,
		);
	}
	const from = fake.world.user(input.from.id, input.from.first_name);
	const chatType = input.chat_type ?? "private";
	const asked = fake.inline.ask(from, input.query, offset, chatType);
	const update = fake.updates.push("inline_query", (update_id) => ({
		update_id,
		inline_query: { id: asked.id, from, query: input.query, offset, chat_type: chatType },
	}));
	return {
		id: asked.id,
		update,
		answer: (timeoutMs = Number.POSITIVE_INFINITY) => fake.inline.wait(asked.id, timeoutMs),
	};
}

/** Posts a chosen result in a chat as the user, "via @bot", with the updates Telegram would send. */
export function chooseInlineResult(fake: FakeState, input: ChooseInlineResultInput): ChosenResult {
	const id = queryId(input.query);
	const asked = fake.inline.get(id);
	if (!asked?.answer) throw new Error(`fake-telegram: inline query ${id} has no answer to choose from`);
	const result = asked.answer.results.find((r) => r.id === input.result_id);
	if (!result) {
		const ids = asked.answer.results.map((r) => r.id);
		throw new Error(
			`fake-telegram: the answer to inline query ${id} has no result ${JSON.stringify(input.result_id)}; it has ${JSON.stringify(ids)}`,
		);
	}
	const known = fake.world.chat(input.chat.id);
	const chat = known ?? input.chat;
	const posted = content(fake, result.message);
	const message: Message = {
		message_id: fake.world.nextMessageId(chat.id),
		from: asked.from,
		chat,
		date: Math.floor(Date.now() / 1000),
		...posted.fields,
		via_bot: fake.world.bot,
	};
	fake.world.store({
		message,
		fromBot: false,
		edited: 0,
		deleted: false,
		file: posted.file,
		parseMode: posted.parseMode,
	});
	const inlineMessageId = message.reply_markup ? fake.inline.inlineMessageId() : undefined;
	const delivered = known ? fake.updates.push("message", (update_id) => ({ update_id, message })) : undefined;
	const chosen = fake.inline.settings.feedback
		? fake.updates.push("chosen_inline_result", (update_id) => ({
				update_id,
				chosen_inline_result: {
					result_id: result.id,
					from: asked.from,
					query: asked.query,
					...(inlineMessageId === undefined ? {} : { inline_message_id: inlineMessageId }),
				},
			}))
		: undefined;
	return {
		message,
		...(inlineMessageId === undefined ? {} : { inline_message_id: inlineMessageId }),
		...(chosen ? { chosen } : {}),
		...(delivered ? { delivered } : {}),
	};
}
