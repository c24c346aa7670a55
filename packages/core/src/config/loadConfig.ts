import { createHmac } from "node:crypto";
import * as v from "valibot";

function integer(name: string, fallback: number, min: number, max: number) {
	const message = `${name} must be a whole number from ${min} to ${max}`;
	return v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.regex(/^\d+$/, message),
			v.transform(Number),
			v.minValue(min, message),
			v.maxValue(max, message),
		),
		String(fallback),
	);
}

function idList(name: string) {
	return v.optional(
		v.pipe(
			v.string(),
			v.transform((text) =>
				text
					.split(/[\s,]+/)
					.map((id) => id.trim())
					.filter(Boolean),
			),
			v.check(
				(ids) => ids.every((id) => /^-?\d{1,25}$/.test(id)),
				`${name} must be a comma-separated list of numeric ids`,
			),
		),
		"",
	);
}

function url(name: string, protocols: RegExp, example: string) {
	// Messages never quote the value: a URL may carry a password.
	return v.pipe(
		v.string(),
		v.trim(),
		v.url(`${name} must be a URL such as ${example}`),
		v.regex(protocols, `${name} must be a URL such as ${example}`),
	);
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Every environment variable the core reads, with defaults. See README and .env.example. */
export const EnvSchema = v.object({
	// Optional to the schema only so that a missing token is reported in the same words as an empty one.
	TMAPI_TOKEN: v.optional(
		v.pipe(v.string(), v.trim(), v.minLength(1, "TMAPI_TOKEN is required (your TMAPI apiToken)")),
		"",
	),
	TMAPI_BASE_URL: v.optional(
		url("TMAPI_BASE_URL", /^https?:\/\//, "http://api.tmapi.top"),
		"http://api.tmapi.top",
	),
	TMAPI_TIMEOUT_MS: integer("TMAPI_TIMEOUT_MS", 60_000, 1_000, 300_000),
	TMAPI_RETRIES: integer("TMAPI_RETRIES", 2, 0, 5),
	TMAPI_MAX_CONCURRENT: integer("TMAPI_MAX_CONCURRENT", 4, 1, 64),
	UPSTREAM_PAGE_SIZE: integer("UPSTREAM_PAGE_SIZE", 20, 1, 50),
	CACHE_TTL_SECONDS: integer("CACHE_TTL_SECONDS", 900, 1, 7 * 86_400),
	CACHE_MAX_MB: integer("CACHE_MAX_MB", 64, 1, 16_384),
	CATEGORY_TTL_SECONDS: integer("CATEGORY_TTL_SECONDS", 86_400, 60, 30 * 86_400),
	REDIS_URL: v.optional(url("REDIS_URL", /^rediss?:\/\//, "redis://127.0.0.1:6379")),
	RATE_LIMIT_ACTIONS: integer("RATE_LIMIT_ACTIONS", 6, 1, 1_000),
	RATE_LIMIT_WINDOW_SECONDS: integer("RATE_LIMIT_WINDOW_SECONDS", 30, 1, 3_600),
	BUDGET_USER_DAILY: integer("BUDGET_USER_DAILY", 200, 1, 1_000_000),
	BUDGET_DAILY: integer("BUDGET_DAILY", 2_000, 1, 10_000_000),
	PAGE_TOKEN_SECRET: v.optional(
		v.pipe(v.string(), v.minLength(16, "PAGE_TOKEN_SECRET must be at least 16 characters long")),
	),
	ALLOW_TELEGRAM_CHATS: idList("ALLOW_TELEGRAM_CHATS"),
	ALLOW_TELEGRAM_USERS: idList("ALLOW_TELEGRAM_USERS"),
	ALLOW_DISCORD_GUILDS: idList("ALLOW_DISCORD_GUILDS"),
	ALLOW_DISCORD_USERS: idList("ALLOW_DISCORD_USERS"),
	LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`), "info"),
});

/** The validated configuration the catalog and the apps are built from. */
export type CoreConfig = ReturnType<typeof toConfig>;

/** A configuration problem; `problems` names every variable that is wrong, values never quoted. */
export class ConfigError extends Error {
	override readonly name = "ConfigError";
	readonly code = "config";
	readonly problems: readonly string[];
	constructor(problems: readonly string[]) {
		super(`Invalid configuration:\n- ${problems.join("\n- ")}`);
		this.problems = problems;
	}
}

function toConfig(env: v.InferOutput<typeof EnvSchema>) {
	return {
		tmapiToken: env.TMAPI_TOKEN,
		tmapiBaseUrl: env.TMAPI_BASE_URL,
		tmapiTimeoutMs: env.TMAPI_TIMEOUT_MS,
		tmapiRetries: env.TMAPI_RETRIES,
		tmapiMaxConcurrent: env.TMAPI_MAX_CONCURRENT,
		upstreamPageSize: env.UPSTREAM_PAGE_SIZE,
		cacheTtlMs: env.CACHE_TTL_SECONDS * 1000,
		cacheMaxBytes: env.CACHE_MAX_MB * 1024 * 1024,
		categoryTtlMs: env.CATEGORY_TTL_SECONDS * 1000,
		redisUrl: env.REDIS_URL,
		actionsPerWindow: env.RATE_LIMIT_ACTIONS,
		actionWindowMs: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
		userDailyBudget: env.BUDGET_USER_DAILY,
		dailyBudget: env.BUDGET_DAILY,
		// Derived from the TMAPI token when unset, so buttons keep working across restarts and across
		// processes that share the token, without one more secret to manage.
		pageTokenSecret:
			env.PAGE_TOKEN_SECRET ??
			createHmac("sha256", env.TMAPI_TOKEN).update("catbot page tokens").digest("base64url"),
		pageTokenSecretDerived: env.PAGE_TOKEN_SECRET === undefined,
		allow: {
			telegramChats: env.ALLOW_TELEGRAM_CHATS,
			telegramUsers: env.ALLOW_TELEGRAM_USERS,
			discordGuilds: env.ALLOW_DISCORD_GUILDS,
			discordUsers: env.ALLOW_DISCORD_USERS,
		},
		logLevel: env.LOG_LEVEL,
	};
}

/**
 * Reads the core's settings from environment variables, reporting every problem at once by variable
 * name (never by value). Empty variables count as unset.
 *
 * @example
 * const config = loadConfig(process.env); // throws ConfigError listing what to fix
 */
export function loadConfig(env: Record<string, string | undefined>): CoreConfig {
	const present = Object.fromEntries(
		Object.keys(EnvSchema.entries)
			.map((name) => [name, env[name]?.trim() === "" ? undefined : env[name]] as const)
			.filter(([, value]) => value !== undefined),
	);
	const result = v.safeParse(EnvSchema, present);
	if (!result.success) throw new ConfigError(result.issues.map((issue) => issue.message));
	return toConfig(result.output);
}
