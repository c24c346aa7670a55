import { STATUS_CODES } from "node:http";
import type { RestAnswer } from "./respond.js";

/** What a request looks like to a {@link RequestMatcher}: enough to pick a route, e.g. by method and path. */
export interface RequestSummary {
	readonly method: string;
	/** The path after "/v10", e.g. "/interactions/1/abc/callback" (compare with discord.js `Routes.*`). */
	readonly path: string;
	readonly query: Readonly<Record<string, string>>;
	readonly body: unknown;
}

/** Chooses the requests an injected failure applies to. */
export type RequestMatcher = (request: RequestSummary) => boolean;

/**
 * An error to answer instead of the real result. The request is then not processed at all, as when Discord
 * fails in front of the API: an interaction stays unacknowledged, no message is created.
 */
export interface InjectedFailure {
	/** HTTP status, e.g. 429, 404, 500. */
	readonly status: number;
	/** The JSON body; defaults to Discord's for the status (for 429, `{message, retry_after, global}`). */
	readonly body?: unknown;
	/** For 429: seconds to wait, sent in `Retry-After`, `X-RateLimit-Reset-After` and `retry_after`; default 0.05. */
	readonly retryAfter?: number;
	/** For 429: a global limit (`X-RateLimit-Global`, scope "global") instead of a per-route one. */
	readonly global?: boolean;
	/** How many matching requests fail; default 1. */
	readonly times?: number;
}

interface Rule {
	readonly matcher: RequestMatcher;
	readonly failure: InjectedFailure;
	remaining: number;
}

/** The pending injected failures of one fake, tried in the order they were added. */
export interface Faults {
	add(matcher: RequestMatcher, failure: InjectedFailure): void;
	/** The first failure matching the request, counting one use of it. */
	take(request: RequestSummary): InjectedFailure | undefined;
	clear(): void;
}

/** Creates an empty list. */
export function createFaults(): Faults {
	let rules: Rule[] = [];
	return {
		add(matcher, failure) {
			const times = failure.times ?? 1;
			if (!(Number.isInteger(times) && times > 0)) throw new RangeError(`"times" must be a positive integer`);
			if (!(Number.isInteger(failure.status) && failure.status >= 400 && failure.status <= 599)) {
				throw new RangeError(`Injected status must be 400-599, got ${failure.status}`);
			}
			rules.push({ matcher, failure, remaining: times });
		},
		take(request) {
			const rule = rules.find((r) => r.matcher(request));
			if (!rule) return undefined;
			rule.remaining -= 1;
			if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule);
			return rule.failure;
		},
		clear() {
			rules = [];
		},
	};
}

/** The HTTP answer of an injected failure, with the rate-limit headers @discordjs/rest reads for a 429. */
export function faultAnswer(failure: InjectedFailure): RestAnswer {
	if (failure.status !== 429) {
		const message = `${failure.status}: ${STATUS_CODES[failure.status] ?? "Error"}`;
		return { status: failure.status, body: failure.body ?? { message, code: 0 } };
	}
	const retryAfter = failure.retryAfter ?? 0.05;
	const global = failure.global ?? false;
	return {
		status: 429,
		body: failure.body ?? { message: "You are being rate limited.", retry_after: retryAfter, global },
		headers: {
			"retry-after": String(retryAfter),
			"x-ratelimit-limit": "5",
			"x-ratelimit-remaining": "0",
			"x-ratelimit-reset": ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
			"x-ratelimit-reset-after": String(retryAfter),
			"x-ratelimit-bucket": "fake-discord-bucket",
			"x-ratelimit-scope": global ? "global" : "user",
			...(global ? { "x-ratelimit-global": "true" } : {}),
		},
	};
}
