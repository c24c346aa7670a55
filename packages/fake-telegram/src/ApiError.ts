/** The body of a failed Bot API call, exactly as Telegram sends it. */
export interface ApiErrorBody {
	readonly ok: false;
	readonly error_code: number;
	readonly description: string;
	readonly parameters?: { readonly retry_after?: number; readonly migrate_to_chat_id?: number };
}

/**
 * A refusal the fake answers instead of a result. Method handlers throw it; the server turns it into
 * `{ok: false, error_code, description, parameters?}` with the HTTP status Telegram uses (the error code).
 */
export class ApiError extends Error {
	override readonly name = "ApiError";
	readonly errorCode: number;
	readonly description: string;
	readonly retryAfter: number | undefined;

	constructor(errorCode: number, description: string, retryAfter?: number) {
		super(description);
		this.errorCode = errorCode;
		this.description = description;
		this.retryAfter = retryAfter;
	}

	/** The JSON body Telegram would send for this error. */
	toBody(): ApiErrorBody {
		return {
			ok: false,
			error_code: this.errorCode,
			description: this.description,
			...(this.retryAfter === undefined ? {} : { parameters: { retry_after: this.retryAfter } }),
		};
	}
}

/** A 400 with "Bad Request: " in front, as Telegram words every parameter error. */
export function badRequest(message: string): ApiError {
	return new ApiError(400, `Bad Request: ${message}`);
}

/** A 429 worded like Telegram's flood control. */
export function tooManyRequests(retryAfter: number): ApiError {
	return new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
}
