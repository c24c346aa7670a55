import { type CoreConfig, envToken, envUrl, loadAppConfig } from "@catbot/runtime";
import * as v from "valibot";

const SNOWFLAKE = /^\d{15,25}$/;

const DiscordEnvSchema = v.object({
	DISCORD_TOKEN: envToken(
		"DISCORD_TOKEN",
		// Three dot-separated base64url parts: the bot's id, a timestamp and a signature.
		/^[\w-]{16,}\.[\w-]{4,}\.[\w-]{20,}$/,
		"your bot's token from the Developer Portal",
		"a bot token has three parts separated by dots (copy it again from the Developer Portal's Bot page)",
	),
	// Optional to the schema so a missing and an empty value get the same message.
	DISCORD_APPLICATION_ID: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.regex(SNOWFLAKE, "DISCORD_APPLICATION_ID is required: your application's id (digits)"),
		),
		"",
	),
	DISCORD_API_BASE: v.optional(
		envUrl("DISCORD_API_BASE", /^https?:\/\//, "https://discord.com/api"),
		"https://discord.com/api",
	),
	DISCORD_GUILD_ID: v.optional(
		v.pipe(v.string(), v.trim(), v.regex(SNOWFLAKE, "DISCORD_GUILD_ID must be a server id (digits)")),
	),
});

/** Everything the Discord bot reads from the environment: core's variables plus its own. */
export interface DiscordConfig {
	readonly core: CoreConfig;
	readonly token: string;
	readonly applicationId: string;
	/** The REST root, without a trailing slash. */
	readonly apiBase: string;
	/** Register the commands to this server only when set. */
	readonly guildId: string | undefined;
}

/** Reads and checks the bot's configuration, reporting every problem (core's and its own) at once. */
export function loadDiscordConfig(env: Record<string, string | undefined>): DiscordConfig {
	const { core, app } = loadAppConfig(env, DiscordEnvSchema);
	return {
		core,
		token: app.DISCORD_TOKEN,
		applicationId: app.DISCORD_APPLICATION_ID,
		apiBase: app.DISCORD_API_BASE.replace(/\/+$/, ""),
		guildId: app.DISCORD_GUILD_ID,
	};
}

/** The variables `register:discord` needs: no TMAPI token, since registering calls only Discord. */
export function loadRegisterConfig(env: Record<string, string | undefined>): DiscordConfig {
	return loadDiscordConfig({ TMAPI_TOKEN: "not-needed-to-register", ...env });
}
