export type { ApiErrorBody } from "./ApiError.js";
export type { BotMessage, SentMedia } from "./botMessages.js";
export { MAX_TEXT_FILE_BYTES } from "./botMessages.js";
export type { CallbackAnswer } from "./callbacks.js";
export type { ApiCall, ApiResponse } from "./calls.js";
export type { FailNextOptions, InjectedError } from "./failures.js";
export type { RateLimit } from "./rateLimit.js";
export type { FakeTelegram, FakeTelegramOptions } from "./server.js";
export {
	DEFAULT_BOT_USERNAME,
	DEFAULT_CALLBACK_TIMEOUT_MS,
	DEFAULT_TOKEN,
	startFakeTelegram,
} from "./server.js";
export type { PressButtonInput, SendTextInput } from "./simulate.js";
export type {
	BotCommand,
	CallbackQuery,
	Chat,
	ChatType,
	Document,
	InaccessibleMessage,
	InlineKeyboardButton,
	InlineKeyboardMarkup,
	LinkPreviewOptions,
	Message,
	MessageEntity,
	PhotoSize,
	Update,
	UpdateType,
	User,
} from "./types.js";
