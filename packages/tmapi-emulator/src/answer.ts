import { TMAPI_ERROR_MESSAGES } from "./constants.js";

/** What an endpoint answers before any fault rule rewrites it: an HTTP status and a JSON body. */
export interface Answer {
	readonly status: number;
	readonly body: unknown;
}

/** The success envelope every endpoint uses. */
export function success(data: unknown): Answer {
	return { status: 200, body: { code: 200, msg: "success", data } };
}

/** A TMAPI error envelope, sent with the code as HTTP status too (e.g. 422 "Parameter error."). */
export function failure(code: number, msg: string = TMAPI_ERROR_MESSAGES[code] ?? "Unknown error"): Answer {
	return { status: code, body: { code, msg, data: null } };
}

/** Thrown by query parsing; the router turns it into a 422 answer. */
export class ParameterError extends Error {
	override readonly name = "ParameterError";
}
