import { badRequest } from "../ApiError.js";
import { MESSAGE_TOO_LONG_CODE, QUERY_TOO_OLD } from "../descriptions.js";
import { optionalBoolean, optionalInteger, optionalString } from "../params.js";
import type { MethodHandler } from "./context.js";

/** Telegram's limit on the notification text of a callback answer. */
export const MAX_CALLBACK_ANSWER_LENGTH = 200;

/** answerCallbackQuery: accepted once per press, within the fake's callback timeout. */
export const answerCallbackQuery: MethodHandler = ({ fake, params }) => {
	const id = optionalString(params, "callback_query_id");
	if (id === undefined || id === "") throw badRequest(QUERY_TOO_OLD);
	const text = optionalString(params, "text");
	if (text !== undefined && text.length > MAX_CALLBACK_ANSWER_LENGTH) throw badRequest(MESSAGE_TOO_LONG_CODE);
	const url = optionalString(params, "url");
	const cacheTime = optionalInteger(params, "cache_time");
	fake.callbacks.answer(id, {
		show_alert: optionalBoolean(params, "show_alert") ?? false,
		...(text === undefined || text === "" ? {} : { text }),
		...(url === undefined ? {} : { url }),
		...(cacheTime === undefined ? {} : { cache_time: cacheTime }),
	});
	return true;
};
