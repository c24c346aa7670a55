import { CatbotError } from "../errors.js";

/** The endpoints the client calls, named without host or query so they are safe to log. */
export type TmapiEndpoint =
	| "/1688/category/items"
	| "/1688/category/items/v2"
	| "/1688/category/info"
	| "/1688/search/items"
	| "/1688/global/search/items";

/**
 * `code` is the upstream code (417, 422, 439, 499, 500, 503, or an HTTP status when the body had none),
 * or a named kind for failures that produced no upstream code.
 */
export type TmapiErrorCode = number | "network" | "timeout" | "schema" | "validation";

const USER_MESSAGES: Record<number, string> = {
	417: "1688 did not return data for this request. Please try again in a moment.",
	422: "The product service rejected the request parameters.",
	439: "The product data subscription has expired or run out of balance. Ask the bot's admin to top it up.",
	499: "The product service took too long to answer. Please try again.",
	500: "The product service had an unexpected error. Please try again later.",
	503: "The product service is busy right now. Please try again in a few seconds.",
};

/** Codes worth another attempt: the docs say "please try again" for these, and gateways fail transiently. */
const RETRYABLE_CODES = new Set([408, 417, 425, 429, 499, 500, 502, 503, 504]);

interface TmapiErrorOptions {
	readonly code: TmapiErrorCode;
	readonly retryable: boolean;
	readonly endpoint?: TmapiEndpoint | undefined;
	readonly cause?: Error | undefined;
}

/**
 * Base class of every failure the TMAPI client reports, itself a {@link CatbotError}. `message` is short
 * and safe to show a chat user and to log: it never contains the API token, and neither does any `cause`
 * in the chain. Branch on the subclass or on `code`.
 */
export class TmapiError extends CatbotError<TmapiErrorCode> {
	/** Whether the same request may succeed if sent again later. */
	readonly retryable: boolean;
	readonly endpoint: TmapiEndpoint | undefined;

	constructor(message: string, options: TmapiErrorOptions) {
		super(options.code, message, { cause: options.cause });
		this.retryable = options.retryable;
		this.endpoint = options.endpoint;
	}

	/** A plain, token-free description for structured logs and `JSON.stringify`. */
	toJSON(): Record<string, unknown> {
		return {
			name: this.name,
			code: this.code,
			retryable: this.retryable,
			endpoint: this.endpoint,
			message: this.message,
		};
	}
}

/**
 * Why an answer was not a success: the body carried an error code (or the status was not 2xx), the body
 * was not JSON (HTML error page, empty, truncated), or a success code came without `data`.
 */
export type TmapiApiErrorReason = "error-code" | "unreadable-body" | "missing-data";

const REASON_MESSAGES: Record<Exclude<TmapiApiErrorReason, "error-code">, string> = {
	"unreadable-body": "The product service sent an answer we could not read. Please try again.",
	"missing-data": "The product service sent an answer without data.",
};

/** The service answered, but not with success: an error code in the body, a non-2xx status, or an unreadable body. */
export class TmapiApiError extends TmapiError {
	override readonly name = "TmapiApiError";
	declare readonly code: number;
	readonly reason: TmapiApiErrorReason;
	/** HTTP status of the answer. */
	readonly status: number;
	/** What the service said (`msg` or `message`), token-free; undefined for non-JSON bodies. */
	readonly upstreamMessage: string | undefined;

	constructor(options: {
		code: number;
		status: number;
		reason: TmapiApiErrorReason;
		upstreamMessage?: string | undefined;
		endpoint?: TmapiEndpoint | undefined;
		cause?: Error | undefined;
		retryable?: boolean;
	}) {
		const message =
			USER_MESSAGES[options.code] ??
			(options.reason === "error-code"
				? `The product service answered with an error (${options.code}).`
				: REASON_MESSAGES[options.reason]);
		super(message, {
			code: options.code,
			retryable: options.retryable ?? RETRYABLE_CODES.has(options.code),
			endpoint: options.endpoint,
			cause: options.cause,
		});
		this.status = options.status;
		this.reason = options.reason;
		this.upstreamMessage = options.upstreamMessage;
	}

	override toJSON(): Record<string, unknown> {
		return {
			...super.toJSON(),
			status: this.status,
			reason: this.reason,
			upstreamMessage: this.upstreamMessage,
		};
	}
}

/** The request never produced an answer: connection refused or reset, DNS failure. */
export class TmapiNetworkError extends TmapiError {
	override readonly name = "TmapiNetworkError";
	declare readonly code: "network";
	constructor(options: { endpoint?: TmapiEndpoint | undefined; cause?: Error | undefined }) {
		super("Could not reach the product service. Please try again shortly.", {
			code: "network",
			retryable: true,
			...options,
		});
	}
}

/** No answer within the per-request timeout, or the retry deadline ran out. */
export class TmapiTimeoutError extends TmapiError {
	override readonly name = "TmapiTimeoutError";
	declare readonly code: "timeout";
	readonly timeoutMs: number;
	constructor(options: {
		timeoutMs: number;
		endpoint?: TmapiEndpoint | undefined;
		cause?: Error | undefined;
	}) {
		super("The product service did not answer in time. Please try again.", {
			code: "timeout",
			retryable: true,
			endpoint: options.endpoint,
			cause: options.cause,
		});
		this.timeoutMs = options.timeoutMs;
	}
}

/** A success envelope whose `data` does not have the documented shape. */
export class TmapiSchemaError extends TmapiError {
	override readonly name = "TmapiSchemaError";
	declare readonly code: "schema";
	/** Where the data differed from the schema, e.g. `data.items: Invalid type`. */
	readonly issues: readonly string[];
	constructor(options: { issues: readonly string[]; endpoint?: TmapiEndpoint | undefined }) {
		super("The product service sent data in a shape we could not read.", {
			code: "schema",
			retryable: false,
			endpoint: options.endpoint,
		});
		this.issues = options.issues;
	}

	override toJSON(): Record<string, unknown> {
		return { ...super.toJSON(), issues: this.issues };
	}
}

/** Parameters refused before any network call; `issues` lists every problem at once. */
export class TmapiValidationError extends TmapiError {
	override readonly name = "TmapiValidationError";
	declare readonly code: "validation";
	readonly issues: readonly string[];
	constructor(options: { issues: readonly string[]; endpoint?: TmapiEndpoint | undefined }) {
		super(`Invalid request: ${options.issues.join("; ")}`, {
			code: "validation",
			retryable: false,
			endpoint: options.endpoint,
		});
		this.issues = options.issues;
	}

	override toJSON(): Record<string, unknown> {
		return { ...super.toJSON(), issues: this.issues };
	}
}

/** Type guard that also narrows to the base class for callers holding an `unknown`. */
export function isTmapiError(error: unknown): error is TmapiError {
	return error instanceof TmapiError;
}
