import { ConfigError, type CoreConfig, envInteger, envToken, envUrl, loadAppConfig } from "@catbot/runtime";
import * as v from "valibot";

const TelegramEnvSchema = v.object({
	TELEGRAM_BOT_TOKEN: envToken(
		"TELEGRAM_BOT_TOKEN",
		/^\d+:[\w-]+$/,
		"the token @BotFather gave you (digits:letters)",
		"a bot token is the bot's id, a colon and its secret (digits:letters), as @BotFather gives it",
	),
	TELEGRAM_API_ROOT: v.optional(
		envUrl("TELEGRAM_API_ROOT", /^https?:\/\//, "https://api.telegram.org"),
		"https://api.telegram.org",
	),
	TELEGRAM_WEBHOOK_URL: v.optional(
		envUrl("TELEGRAM_WEBHOOK_URL", /^https?:\/\//, "https://bot.example.com/telegram"),
	),
	TELEGRAM_WEBHOOK_SECRET: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^[\w-]{16,256}$/, "TELEGRAM_WEBHOOK_SECRET must be 16 to 256 letters, digits, _ or -"),
		),
	),
	PORT: envInteger("PORT", 8080, 0, 65_535),
});

/** Everything the Telegram bot reads from the environment: core's variables plus its own. */
export interface TelegramConfig {
	readonly core: CoreConfig;
	readonly botToken: string;
	/** The Bot API root, without a trailing slash. */
	readonly apiRoot: string;
	/** Webhook mode when set; long polling otherwise. */
	readonly webhook: { readonly url: string; readonly secret: string; readonly port: number } | undefined;
}

/**
 * Reads and checks the bot's configuration, reporting every problem at once. Webhook mode needs a secret,
 * so that only Telegram can post updates to the bot.
 */
export function loadTelegramConfig(env: Record<string, string | undefined>): TelegramConfig {
	const { core, app } = loadAppConfig(env, TelegramEnvSchema);
	if (app.TELEGRAM_WEBHOOK_URL !== undefined && app.TELEGRAM_WEBHOOK_SECRET === undefined) {
		throw new ConfigError(["TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set"]);
	}
	return {
		core,
		botToken: app.TELEGRAM_BOT_TOKEN,
		apiRoot: app.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
		webhook:
			app.TELEGRAM_WEBHOOK_URL === undefined || app.TELEGRAM_WEBHOOK_SECRET === undefined
				? undefined
				: { url: app.TELEGRAM_WEBHOOK_URL, secret: app.TELEGRAM_WEBHOOK_SECRET, port: app.PORT },
	};
}
