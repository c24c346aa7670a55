import pino, { type DestinationStream, type Logger } from "pino";
import { scrubCredentials, serializeError } from "./serializeError.js";

export type { Logger } from "pino";

/** Field names that may hold a secret anywhere in a log object; pino replaces their values. */
export const REDACTED_PATHS = [
	"token",
	"apiToken",
	"secret",
	"password",
	"authorization",
	"databaseUrl",
	"*.token",
	"*.apiToken",
	"*.secret",
	"*.password",
	"*.authorization",
	"*.databaseUrl",
	"config.tmapiToken",
	"config.pageTokenSecret",
	"config.redisUrl",
	"config.databaseUrl",
	"config.telegramBotToken",
	"config.discordToken",
	"config.telegramWebhookSecret",
];

/** Options of {@link createLogger}. */
export interface LoggerOptions {
	readonly level?: string;
	/** Where JSON lines go; default stdout. Tests pass a stream they read. */
	readonly destination?: DestinationStream;
	/** Extra values to cut out of every line (the configured tokens), in case one hides in free text. */
	readonly secrets?: readonly string[];
}

/**
 * A pino logger writing JSON lines with token fields redacted and errors reduced to their safe fields.
 * Secrets given in `secrets`, and credentials inside URLs (bot tokens in Telegram paths, Discord
 * interaction tokens, passwords in connection strings), are also cut out of every line, as a last line of
 * defence for messages that quote a URL.
 *
 * @example
 * const log = createLogger({ level: "info", secrets: [config.tmapiToken] });
 * log.info({ outcome: "ok", cache: "hit", latencyMs: 3 }, "action");
 */
export function createLogger(options: LoggerOptions = {}): Logger {
	const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
	const scrub = (line: string) =>
		scrubCredentials(secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), line));
	return pino(
		{
			level: options.level ?? "info",
			redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
			// One error shape for every key an error is logged under; see serializeError for why.
			serializers: {
				err: serializeError,
				error: serializeError,
				cause: serializeError,
				reason: serializeError,
			},
			formatters: { log: serializeErrorFields },
			base: null,
			timestamp: pino.stdTimeFunctions.isoTime,
			hooks: { streamWrite: scrub },
		},
		options.destination,
	);
}

/** The keys errors are usually logged under; pino runs their serializer after the log formatter. */
const ERROR_KEYS = ["err", "error", "cause", "reason"];

/** Errors logged under any other key get the same treatment as `err`. */
function serializeErrorFields(fields: Record<string, unknown>): Record<string, unknown> {
	let out: Record<string, unknown> | undefined;
	for (const [key, value] of Object.entries(fields)) {
		if (!(value instanceof Error) || ERROR_KEYS.includes(key)) continue;
		out ??= { ...fields };
		out[key] = serializeError(value);
	}
	return out ?? fields;
}
