import { badRequest } from "./ApiError.js";
import { CHAT_ID_EMPTY, MESSAGE_ID_NOT_SPECIFIED } from "./descriptions.js";

/** The parameters of one call, as parsed from its body and query string. */
export type Params = Readonly<Record<string, unknown>>;

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || value === "";
}

/** A string parameter; numbers and booleans are accepted as their text, like the Bot API does. */
export function optionalString(params: Params, name: string): string | undefined {
	const value = params[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value === "string") return value;
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	throw badRequest(`field "${name}" must be of type String`);
}

/** An integer parameter given as a number or as decimal text; absent or empty gives undefined. */
export function optionalInteger(params: Params, name: string): number | undefined {
	const value = params[name];
	if (isBlank(value)) return undefined;
	const number = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof number !== "number" || !Number.isSafeInteger(number)) {
		throw badRequest(`field "${name}" must be a valid Number`);
	}
	return number;
}

/** A boolean parameter: true/false, "true"/"false", 1/0. */
export function optionalBoolean(params: Params, name: string): boolean | undefined {
	const value = params[name];
	if (isBlank(value)) return undefined;
	if (value === true || value === "true" || value === 1 || value === "1") return true;
	if (value === false || value === "false" || value === 0 || value === "0") return false;
	throw badRequest(`field "${name}" must be of type Boolean`);
}

/**
 * A JSON-valued parameter (object or array): an already parsed value, or JSON text. `what` names it in the
 * error the way Telegram does ("can't parse reply keyboard markup JSON object").
 */
export function optionalJson(params: Params, name: string, what = name): unknown {
	const value = params[name];
	if (isBlank(value)) return undefined;
	if (typeof value !== "string") return value;
	try {
		return JSON.parse(value);
	} catch {
		throw badRequest(`can't parse ${what} JSON object`);
	}
}

/** The chat_id parameter: an integer id, or "@username". */
export function requiredChatId(params: Params): number | string {
	const value = params.chat_id;
	if (isBlank(value)) throw badRequest(CHAT_ID_EMPTY);
	if (typeof value === "number" && Number.isSafeInteger(value)) return value;
	if (typeof value === "string") {
		const text = value.trim();
		if (/^-?\d+$/.test(text)) return Number(text);
		if (text.startsWith("@")) return text;
	}
	// Telegram looks such ids up and finds nothing.
	throw badRequest("chat not found");
}

/** The message_id parameter of edits and deletes. */
export function requiredMessageId(params: Params): number {
	const id = optionalInteger(params, "message_id");
	if (id === undefined || id <= 0) throw badRequest(MESSAGE_ID_NOT_SPECIFIED);
	return id;
}
