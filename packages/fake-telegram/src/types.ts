// The slice of the Bot API's object model the fake produces and stores. Written here rather than imported
// from telegraf's typegram so the fake does not depend on the framework it is meant to test.

/** A Telegram user or bot. */
export interface User {
	readonly id: number;
	readonly is_bot: boolean;
	readonly first_name: string;
	readonly last_name?: string;
	readonly username?: string;
	readonly language_code?: string;
}

/** The kinds of chat the fake can host. */
export type ChatType = "private" | "group" | "supergroup";

/** A chat as it appears inside messages. */
export interface Chat {
	readonly id: number;
	readonly type: ChatType;
	readonly title?: string;
	readonly username?: string;
	readonly first_name?: string;
	readonly last_name?: string;
}

/** A formatting or detected entity; offsets and lengths in UTF-16 code units. */
export interface MessageEntity {
	readonly type: string;
	readonly offset: number;
	readonly length: number;
	readonly url?: string;
	readonly language?: string;
	readonly custom_emoji_id?: string;
	readonly user?: User;
}

/** One inline keyboard button; only the fields the fake checks are typed. */
export interface InlineKeyboardButton {
	readonly text: string;
	readonly callback_data?: string;
	readonly url?: string;
	/** Opens inline mode with "@bot <this>" typed, in a chat the user picks ("" types just "@bot "). */
	readonly switch_inline_query?: string;
	/** Opens inline mode with "@bot <this>" typed, in the current chat. */
	readonly switch_inline_query_current_chat?: string;
	readonly [field: string]: unknown;
}

/** An inline keyboard, rows of buttons. */
export interface InlineKeyboardMarkup {
	readonly inline_keyboard: readonly (readonly InlineKeyboardButton[])[];
}

/** The link preview settings a message was sent with. */
export interface LinkPreviewOptions {
	readonly is_disabled?: boolean;
	readonly url?: string;
	readonly prefer_small_media?: boolean;
	readonly prefer_large_media?: boolean;
	readonly show_above_text?: boolean;
}

/** One size of a photo. */
export interface PhotoSize {
	readonly file_id: string;
	readonly file_unique_id: string;
	readonly width: number;
	readonly height: number;
	readonly file_size?: number;
}

/** A general file. */
export interface Document {
	readonly file_id: string;
	readonly file_unique_id: string;
	readonly file_name?: string;
	readonly mime_type?: string;
	readonly file_size?: number;
}

/** A message, as the Bot API returns it and puts it in updates. */
export interface Message {
	readonly message_id: number;
	readonly from?: User;
	readonly chat: Chat;
	readonly date: number;
	readonly edit_date?: number;
	readonly text?: string;
	readonly entities?: readonly MessageEntity[];
	readonly caption?: string;
	readonly caption_entities?: readonly MessageEntity[];
	readonly photo?: readonly PhotoSize[];
	readonly document?: Document;
	readonly reply_markup?: InlineKeyboardMarkup;
	readonly link_preview_options?: LinkPreviewOptions;
	/** The bot whose inline result this message is: a user posted it "via @bot". */
	readonly via_bot?: User;
}

/** What a callback query carries when its message is gone: Telegram's InaccessibleMessage. */
export interface InaccessibleMessage {
	readonly chat: Chat;
	readonly message_id: number;
	readonly date: 0;
}

/** A press on an inline button. */
export interface CallbackQuery {
	readonly id: string;
	readonly from: User;
	readonly message?: Message | InaccessibleMessage;
	readonly chat_instance: string;
	readonly data?: string;
}

/** Where an inline query was typed: "sender" is the user's private chat with the bot itself. */
export type InlineChatType = "sender" | "private" | "group" | "supergroup" | "channel";

/** A user typing "@bot query" in a chat. */
export interface InlineQuery {
	readonly id: string;
	readonly from: User;
	readonly query: string;
	/** The next_offset of the answer being scrolled, or "" for the first answer. */
	readonly offset: string;
	readonly chat_type?: InlineChatType;
}

/** A user picking one of the bot's inline results, reported when inline feedback is on. */
export interface ChosenInlineResult {
	readonly result_id: string;
	readonly from: User;
	readonly query: string;
	/** Present only when the posted message has an inline keyboard, as on Telegram. */
	readonly inline_message_id?: string;
}

/** One incoming update; exactly one of the optional fields is present. */
export interface Update {
	readonly update_id: number;
	readonly message?: Message;
	readonly callback_query?: CallbackQuery;
	readonly inline_query?: InlineQuery;
	readonly chosen_inline_result?: ChosenInlineResult;
}

/** The update kinds the fake can produce, as `allowed_updates` names them. */
export type UpdateType = "message" | "callback_query" | "inline_query" | "chosen_inline_result";

/** A bot command as setMyCommands takes it. */
export interface BotCommand {
	readonly command: string;
	readonly description: string;
}
