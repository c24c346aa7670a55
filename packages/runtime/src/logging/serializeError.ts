/**
 * What a log line keeps of an error: its name, message, code and HTTP status, and the same of its causes.
 * Never the rest: discord.js's DiscordAPIError carries `url` (with the interaction token in its path) and
 * `requestBody`, fetch errors carry request options and headers, and pino's default serializer would copy
 * every enumerable field. Messages are scrubbed of credentials that platforms put in URL paths, because a
 * message such as "request to https://api.telegram.org/bot<token>/getMe failed" quotes one.
 */
export interface SerializedError {
	readonly type: string;
	readonly message: string;
	readonly code?: string | number;
	readonly status?: number;
	readonly cause?: SerializedError | string;
}

/** How deep a cause chain is followed; deeper causes add nothing a reader needs and may loop. */
const MAX_CAUSE_DEPTH = 3;
const MAX_MESSAGE_LENGTH = 1_000;

const CREDENTIAL_PATTERNS: ReadonlyArray<[RegExp, string]> = [
	// Telegram Bot API paths: /bot<id>:<secret>/method, and file paths /file/bot<id>:<secret>/...
	[/bot\d+:[\w-]+/g, "bot[redacted]"],
	// Discord interaction and webhook tokens: /interactions/<id>/<token>/callback, /webhooks/<app>/<token>
	[/(\/(?:interactions|webhooks)\/\d+\/)[\w.-]+/g, "$1[redacted]"],
	// Passwords in connection URLs: redis://user:pass@host, postgres://user:pass@host
	[/(\b[a-z][a-z\d+.-]*:\/\/[^:/@\s]*:)[^@/\s]+@/gi, "$1[redacted]@"],
	// Query parameters that carry tokens: ?apiToken=..., &token=...
	[/([?&](?:api_?token|token|access_token|key|secret)=)[^&\s"']+/gi, "$1[redacted]"],
];

/** Removes credentials that platforms and connection strings put inside text. */
export function scrubCredentials(text: string): string {
	let out = text;
	for (const [pattern, replacement] of CREDENTIAL_PATTERNS) out = out.replace(pattern, replacement);
	return out;
}

function field(value: unknown, key: string): unknown {
	return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Turns anything thrown into the fields a log line may hold. */
export function serializeError(error: unknown, depth = 0): SerializedError {
	if (!(error instanceof Error)) {
		return { type: typeof error, message: scrubCredentials(String(error)) };
	}
	const code = field(error, "code");
	const status = field(error, "status") ?? field(error, "statusCode");
	const cause = error.cause;
	return {
		type: error.name,
		message: scrubCredentials(
			error.message.length > MAX_MESSAGE_LENGTH
				? `${error.message.slice(0, MAX_MESSAGE_LENGTH)}…`
				: error.message,
		),
		...(typeof code === "string" || typeof code === "number" ? { code } : {}),
		...(typeof status === "number" ? { status } : {}),
		...(cause === undefined
			? {}
			: depth + 1 >= MAX_CAUSE_DEPTH
				? { cause: "[further causes omitted]" }
				: { cause: serializeError(cause, depth + 1) }),
	};
}
