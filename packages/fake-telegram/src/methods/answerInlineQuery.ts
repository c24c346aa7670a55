import { badRequest } from "../ApiError.js";
import {
	NEXT_OFFSET_INVALID,
	QUERY_TOO_OLD,
	START_PARAMETER_EMPTY,
	START_PARAMETER_INVALID,
	START_PARAMETER_TOO_LONG,
} from "../descriptions.js";
import { type InlineResultsButton, readInlineResults } from "../inlineResults.js";
import { optionalBoolean, optionalInteger, optionalJson, optionalString, type Params } from "../params.js";
import type { MethodHandler } from "./context.js";

/** Telegram's cap on next_offset, in UTF-8 bytes. */
export const MAX_NEXT_OFFSET_BYTES = 64;
/** How long Telegram caches an answer unless told otherwise, in seconds. */
export const DEFAULT_INLINE_CACHE_TIME = 300;

function checkStartParameter(parameter: string): string {
	if (parameter === "") throw badRequest(START_PARAMETER_EMPTY);
	if (parameter.length > 64) throw badRequest(START_PARAMETER_TOO_LONG);
	if (!/^[A-Za-z0-9_-]+$/.test(parameter)) throw badRequest(START_PARAMETER_INVALID);
	return parameter;
}

function readButton(params: Params): InlineResultsButton | undefined {
	const value = optionalJson(params, "button", "InlineQueryResultsButton");
	if (value === undefined) {
		// The older pair of fields that button replaced, which Telegram still takes.
		const text = optionalString(params, "switch_pm_text");
		if (text === undefined || text === "") return undefined;
		return {
			text,
			start_parameter: checkStartParameter(optionalString(params, "switch_pm_parameter") ?? ""),
		};
	}
	if (value === null || typeof value !== "object" || Array.isArray(value)) {
		throw badRequest("can't parse InlineQueryResultsButton JSON object");
	}
	const fields = value as Record<string, unknown>;
	if (typeof fields.text !== "string" || fields.text.trim() === "") {
		throw badRequest(`can't parse InlineQueryResultsButton: Can't find field "text"`);
	}
	const webApp = fields.web_app as { url?: unknown } | undefined;
	if (webApp !== undefined) {
		if (typeof webApp?.url !== "string" || !webApp.url.startsWith("https://")) {
			throw badRequest("can't parse InlineQueryResultsButton: web app URL must be https");
		}
		return { text: fields.text, web_app: { url: webApp.url } };
	}
	const start = typeof fields.start_parameter === "string" ? fields.start_parameter : "";
	return { text: fields.text, start_parameter: checkStartParameter(start) };
}

function readNextOffset(params: Params): string {
	const offset = optionalString(params, "next_offset") ?? "";
	if (Buffer.byteLength(offset, "utf8") > MAX_NEXT_OFFSET_BYTES) throw badRequest(NEXT_OFFSET_INVALID);
	return offset;
}

/**
 * answerInlineQuery: the whole answer is checked first, as the Bot API reads it before passing it on; then
 * it is accepted once per query, within the fake's inline query timeout.
 */
export const answerInlineQuery: MethodHandler = ({ fake, params }) => {
	const id = optionalString(params, "inline_query_id") ?? "";
	const results = readInlineResults(optionalJson(params, "results", "inline query results"), fake.formatting);
	const cacheTime = optionalInteger(params, "cache_time") ?? DEFAULT_INLINE_CACHE_TIME;
	const isPersonal = optionalBoolean(params, "is_personal") ?? false;
	const nextOffset = readNextOffset(params);
	const button = readButton(params);
	if (id === "") throw badRequest(QUERY_TOO_OLD);
	fake.inline.accept(id, {
		results,
		// Telegram reads a negative cache_time as none.
		cache_time: Math.max(0, cacheTime),
		is_personal: isPersonal,
		next_offset: nextOffset,
		...(button === undefined ? {} : { button }),
	});
	return true;
};
