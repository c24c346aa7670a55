export type { ApiErrorBody } from "./ApiError.js";
export type { BotMessage, SentMedia } from "./botMessages.js";
export { MAX_TEXT_FILE_BYTES } from "./botMessages.js";
export type { CallbackAnswer } from "./callbacks.js";
export type { ApiCall, ApiResponse } from "./calls.js";
export type { FailNextOptions, InjectedError } from "./failures.js";
export type { InlineAnswer } from "./inline.js";
export type { InlineResult, InlineResultMessage, InlineResultsButton } from "./inlineResults.js";
export type { RateLimit } from "./rateLimit.js";
export type { FakeTelegram, FakeTelegramOptions } from "./server.js";
export {
	DEFAULT_BOT_USERNAME,
	DEFAULT_CALLBACK_TIMEOUT_MS,
	DEFAULT_INLINE_QUERY_TIMEOUT_MS,
	DEFAULT_TOKEN,
	startFakeTelegram,
} from "./server.js";
export type { PressButtonInput, SendTextInput } from "./simulate.js";
export type {
	ChooseInlineResultInput,
	ChosenResult,
	FakeTelegramInline,
	InlineModeSettings,
	InlineQueryHandle,
	SendInlineQueryInput,
} from "./simulateInline.js";
export type {
	BotCommand,
	CallbackQuery,
	Chat,
	ChatType,
	ChosenInlineResult,
	Document,
	InaccessibleMessage,
	InlineKeyboardButton,
	InlineChatType,
	InlineKeyboardMarkup,
	InlineQuery,
	LinkPreviewOptions,
	Message,
	MessageEntity,
	PhotoSize,
	Update,
	UpdateType,
	User,
} from "./types.js";
