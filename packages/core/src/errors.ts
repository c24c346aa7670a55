/**
 * Base class of catbot's own errors: adapters and logs can handle every failure the same way, by `code`,
 * whatever layer raised it.
 *
 * - `code` is stable across releases: branch on it, count it in metrics, map it to a translated text.
 * - `message` is safe to show a chat user and to log: no tokens, URLs or stack-level detail.
 * - `cause` carries what went wrong underneath, for logs only.
 * - `name` is the concrete class's name, so logs and `String(error)` say which kind it is.
 *
 * `TCode` is a string by default; the TMAPI family widens it to `string | number` because the upstream's
 * own codes (417, 439, 503, ...) are numbers that callers already compare against.
 *
 * @example
 * class QuotaError extends CatbotError {
 *   constructor(cause?: unknown) {
 *     super("quota", "The daily quota is used up. Please try again tomorrow.", { cause });
 *   }
 * }
 */
export class CatbotError<TCode extends string | number = string> extends Error {
	readonly code: TCode;

	constructor(code: TCode, message: string, options?: { cause?: unknown }) {
		// An absent cause stays absent instead of becoming an own `cause: undefined` property.
		super(message, options?.cause === undefined ? undefined : { cause: options.cause });
		this.name = new.target.name;
		this.code = code;
	}
}

/** Type guard for callers holding an `unknown`, e.g. in a catch-all error handler. */
export function isCatbotError(error: unknown): error is CatbotError<string | number> {
	return error instanceof CatbotError;
}
