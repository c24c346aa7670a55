import * as v from "valibot";
import type { TmapiEndpoint, TmapiError } from "./errors.js";
import { isHeaderSafeToken, TMAPI_AUTH_MODES } from "./transport.js";

/** Reported once per HTTP attempt, for logs and metrics; carries no token. */
export interface TmapiAttemptEvent {
	readonly endpoint: TmapiEndpoint;
	readonly attempt: number;
	readonly durationMs: number;
	readonly outcome: "ok" | "error";
	readonly error?: TmapiError;
	/** Milliseconds until the next attempt, when one will follow. */
	readonly retryInMs?: number;
}

/** What {@link createTmapiClient} accepts, with its defaults; messages never quote a value. */
export const ClientOptionsSchema = v.pipe(
	v.object({
		apiToken: v.pipe(v.string("apiToken must be a string"), v.minLength(1, "apiToken must not be empty")),
		auth: v.optional(v.picklist(TMAPI_AUTH_MODES, 'auth must be "query" or "header"'), "query"),
		baseUrl: v.optional(v.pipe(v.string(), v.url("baseUrl must be an absolute URL")), "http://api.tmapi.top"),
		timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 60_000),
		retries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)), 2),
		retryDelayMs: v.optional(v.pipe(v.number(), v.minValue(0)), 500),
		maxRetryDelayMs: v.optional(v.pipe(v.number(), v.minValue(0)), 8_000),
		deadlineMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 120_000),
		maxConcurrent: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 4),
		fetch: v.optional(
			v.custom<typeof globalThis.fetch>((f) => typeof f === "function", "fetch must be a function"),
		),
		onAttempt: v.optional(
			v.custom<(event: TmapiAttemptEvent) => void>(
				(f) => typeof f === "function",
				"onAttempt must be a function",
			),
		),
	}),
	v.forward(
		v.check(
			(o) => o.auth !== "header" || isHeaderSafeToken(o.apiToken),
			'apiToken must be printable ASCII without spaces to be sent in a header (auth "header")',
		),
		["apiToken"],
	),
);

/**
 * Options of {@link createTmapiClient}. Only `apiToken` is required. `auth` says how it is sent: "query"
 * (default) as the `apiToken` parameter, "header" as an `apikey` request header and not in the URL.
 */
export type TmapiClientOptions = v.InferInput<typeof ClientOptionsSchema>;
