import { createFetch } from "ofetch";
import { TmapiApiError, type TmapiEndpoint, TmapiNetworkError, TmapiTimeoutError } from "./errors.js";
import type { WireQuery } from "./params.js";
import { sanitizeCause } from "./redact.js";

/**
 * How the token travels: "query" as the `apiToken` parameter (both doc pages, and every client seen
 * answered), "header" as an `apikey` request header (what the later search/items doc asks for).
 */
export const TMAPI_AUTH_MODES = ["query", "header"] as const;
export type TmapiAuth = (typeof TMAPI_AUTH_MODES)[number];

/**
 * Whether a token can go in a header unchanged: fetch strips surrounding whitespace and refuses control
 * characters and code points above U+00FF, and its refusal would quote the value.
 */
export function isHeaderSafeToken(token: string): boolean {
	return /^[\x21-\x7e]+$/.test(token);
}

/** What one attempt needs; the token is added here and nowhere else. */
export interface TransportOptions {
	readonly baseUrl: string;
	readonly apiToken: string;
	readonly auth: TmapiAuth;
	readonly timeoutMs: number;
	readonly fetch: typeof globalThis.fetch;
	readonly redact: (text: string) => string;
}

/** A success body's `data`, still unvalidated. */
export type SuccessData = Record<string, unknown>;

const MAX_UPSTREAM_MESSAGE = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
	if (text.trim() === "") return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function bodyCode(body: Record<string, unknown>): number | undefined {
	const code = body.code;
	if (typeof code === "number" && Number.isInteger(code)) return code;
	if (typeof code === "string" && /^\d+$/.test(code)) return Number(code);
	return undefined;
}

/**
 * Classifies an answer by the rule public clients of this API follow: success is HTTP 2xx, a JSON body,
 * `code` 200 and an object `data`; anything else is a TmapiApiError whose code is `body.code` when present,
 * else the HTTP status.
 */
export function classifyAnswer(
	status: number,
	text: string,
	endpoint: TmapiEndpoint,
	redact: (text: string) => string,
): SuccessData {
	const body = parseJson(text);
	const ok = status >= 200 && status < 300;
	if (!isRecord(body)) {
		// Truncated or empty 2xx bodies and gateway pages are usually transient.
		throw new TmapiApiError({
			code: status,
			status,
			reason: "unreadable-body",
			endpoint,
			retryable: ok || status >= 500,
		});
	}
	const code = bodyCode(body);
	const said =
		typeof body.msg === "string" ? body.msg : typeof body.message === "string" ? body.message : undefined;
	const upstreamMessage = said === undefined ? undefined : redact(said).slice(0, MAX_UPSTREAM_MESSAGE);
	if (ok && code === 200 && isRecord(body.data)) return body.data;
	if (ok && code === 200) {
		throw new TmapiApiError({
			code,
			status,
			reason: "missing-data",
			endpoint,
			upstreamMessage,
			retryable: false,
		});
	}
	throw new TmapiApiError({ code: code ?? status, status, reason: "error-code", endpoint, upstreamMessage });
}

/**
 * Creates the function that performs one HTTP attempt and classifies its outcome. One call of it sends at
 * most one request, so the client's loop alone decides how many requests a call costs.
 */
export function createTransport(options: TransportOptions) {
	const $fetch = createFetch({ fetch: options.fetch });
	// Exactly one of the two carries the token, so a header-mode request has no apiToken in its URL.
	const tokenQuery = options.auth === "query" ? { apiToken: options.apiToken } : {};
	const headers: Record<string, string> =
		options.auth === "header"
			? { accept: "application/json", apikey: options.apiToken }
			: { accept: "application/json" };

	return async function send(
		endpoint: TmapiEndpoint,
		query: WireQuery,
		deadline: AbortSignal,
	): Promise<SuccessData> {
		const timeout = AbortSignal.timeout(options.timeoutMs);
		let response: Awaited<ReturnType<typeof $fetch.raw<string, "text">>>;
		try {
			response = await $fetch.raw<string, "text">(endpoint, {
				baseURL: options.baseUrl,
				query: { ...query, ...tokenQuery },
				responseType: "text",
				ignoreResponseError: true,
				// Exactly one HTTP request per send(): ofetch would otherwise re-send a GET once on a network
				// error or timeout, on top of the client's own retries (see client.ts for why those are ours).
				retry: false,
				signal: AbortSignal.any([timeout, deadline]),
				headers,
			});
		} catch (error) {
			// ofetch's FetchError names the full URL (token included in query mode) and holds the request
			// options (the apikey header in header mode): keep only a redacted copy of the chain's messages.
			const cause = sanitizeCause(error, options.redact);
			if (timeout.aborted || deadline.aborted) {
				throw new TmapiTimeoutError({ timeoutMs: options.timeoutMs, endpoint, cause });
			}
			throw new TmapiNetworkError({ endpoint, cause });
		}
		return classifyAnswer(response.status, response._data ?? "", endpoint, options.redact);
	};
}
