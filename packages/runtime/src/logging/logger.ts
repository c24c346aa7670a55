import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

/** Field names that may hold a secret anywhere in a log object; pino replaces their values. */
export const REDACTED_PATHS = [
	"token",
	"apiToken",
	"secret",
	"password",
	"authorization",
	"*.token",
	"*.apiToken",
	"*.secret",
	"*.password",
	"*.authorization",
	"config.tmapiToken",
	"config.pageTokenSecret",
	"config.redisUrl",
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
 * A pino logger writing JSON lines with token fields redacted. Secrets given in `secrets` are also
 * removed from any string value, as a last line of defence for messages that quote a URL.
 *
 * @example
 * const log = createLogger({ level: "info", secrets: [config.tmapiToken] });
 * log.info({ outcome: "ok", cache: "hit", latencyMs: 3 }, "action");
 */
export function createLogger(options: LoggerOptions = {}): Logger {
	const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
	const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
	return pino(
		{
			level: options.level ?? "info",
			redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
			base: null,
			timestamp: pino.stdTimeFunctions.isoTime,
			...(secrets.length === 0 ? {} : { hooks: { streamWrite: scrub } }),
		},
		options.destination,
	);
}
