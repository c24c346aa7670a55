import { createHmac } from "node:crypto";
import {
	CatbotError,
	isHeaderSafeToken,
	SHORTLIST_MAX_DEFAULT,
	SHORTLIST_MAX_LIMIT,
	TMAPI_AUTH_MODES,
	type TmapiAuth,
	WATCH_INTERVAL_HOURS_MAX,
	WATCH_MIN_HOURS_DEFAULT,
	WATCHES_PER_PLACE_DEFAULT,
} from "@catbot/core";
import * as v from "valibot";
import { envChoice, envIdList, envInteger, envUrl } from "./envValues.js";

export { envChoice, envIdList, envInteger, envToken, envUrl } from "./envValues.js";

import { DATA_DIR_DEFAULT } from "../store/openStore.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Every environment variable the core reads, with defaults. See README and .env.example. */
export const EnvSchema = v.object({
	// Optional to the schema only so that a missing token is reported in the same words as an empty one.
	TMAPI_TOKEN: v.optional(
		v.pipe(v.string(), v.trim(), v.minLength(1, "TMAPI_TOKEN is required (your TMAPI apiToken)")),
		"",
	),
	TMAPI_BASE_URL: v.optional(
		envUrl("TMAPI_BASE_URL", /^https?:\/\//, "http://api.tmapi.top"),
		"http://api.tmapi.top",
	),
	// How the token is sent: the `apiToken` query parameter (what every client seen uses) or an `apikey` header.
	TMAPI_AUTH: v.optional(envChoice("TMAPI_AUTH", TMAPI_AUTH_MODES), "query"),
	TMAPI_TIMEOUT_MS: envInteger("TMAPI_TIMEOUT_MS", 60_000, 1_000, 300_000),
	TMAPI_RETRIES: envInteger("TMAPI_RETRIES", 2, 0, 5),
	TMAPI_MAX_CONCURRENT: envInteger("TMAPI_MAX_CONCURRENT", 4, 1, 64),
	UPSTREAM_PAGE_SIZE: envInteger("UPSTREAM_PAGE_SIZE", 20, 1, 50),
	CACHE_TTL_SECONDS: envInteger("CACHE_TTL_SECONDS", 900, 1, 7 * 86_400),
	CACHE_MAX_MB: envInteger("CACHE_MAX_MB", 64, 1, 16_384),
	CATEGORY_TTL_SECONDS: envInteger("CATEGORY_TTL_SECONDS", 86_400, 60, 30 * 86_400),
	REDIS_URL: v.optional(envUrl("REDIS_URL", /^rediss?:\/\//, "redis://127.0.0.1:6379")),
	RATE_LIMIT_ACTIONS: envInteger("RATE_LIMIT_ACTIONS", 6, 1, 1_000),
	RATE_LIMIT_WINDOW_SECONDS: envInteger("RATE_LIMIT_WINDOW_SECONDS", 30, 1, 3_600),
	BUDGET_USER_DAILY: envInteger("BUDGET_USER_DAILY", 200, 1, 1_000_000),
	BUDGET_DAILY: envInteger("BUDGET_DAILY", 2_000, 1, 10_000_000),
	BUDGET_PROCESSES: envInteger("BUDGET_PROCESSES", 1, 1, 1_000),
	PAGE_TOKEN_SECRET: v.optional(
		v.pipe(v.string(), v.minLength(16, "PAGE_TOKEN_SECRET must be at least 16 characters long")),
	),
	ALLOW_TELEGRAM_CHATS: envIdList("ALLOW_TELEGRAM_CHATS"),
	ALLOW_TELEGRAM_USERS: envIdList("ALLOW_TELEGRAM_USERS"),
	ALLOW_DISCORD_GUILDS: envIdList("ALLOW_DISCORD_GUILDS"),
	ALLOW_DISCORD_USERS: envIdList("ALLOW_DISCORD_USERS"),
	EXPORT_MAX_PAGES: envInteger("EXPORT_MAX_PAGES", 10, 1, 100),
	HEALTH_PORT: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.regex(/^\d+$/, "HEALTH_PORT must be a port number from 0 to 65535"),
			v.transform(Number),
			v.maxValue(65_535, "HEALTH_PORT must be a port number from 0 to 65535"),
		),
	),
	HEALTH_HOST: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)), "0.0.0.0"),
	// Where the SQLite file of shortlists and watches lives, unless DATABASE_URL is set.
	DATA_DIR: v.optional(
		v.pipe(v.string(), v.trim(), v.maxLength(4_096, "DATA_DIR must be a path of at most 4096 characters")),
		DATA_DIR_DEFAULT,
	),
	DATABASE_URL: v.optional(
		envUrl("DATABASE_URL", /^postgres(ql)?:\/\//, "postgres://catbot:password@127.0.0.1:5432/catbot"),
	),
	SHORTLIST_MAX: envInteger("SHORTLIST_MAX", SHORTLIST_MAX_DEFAULT, 1, SHORTLIST_MAX_LIMIT),
	WATCHES_PER_PLACE: envInteger("WATCHES_PER_PLACE", WATCHES_PER_PLACE_DEFAULT, 1, 1_000),
	WATCH_MIN_HOURS: envInteger("WATCH_MIN_HOURS", WATCH_MIN_HOURS_DEFAULT, 1, WATCH_INTERVAL_HOURS_MAX),
	LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`), "info"),
});

/** The validated configuration the catalog and the apps are built from. */
/** Core's settings, read from the environment by {@link loadConfig}; every variable is in the README. */
export interface CoreConfig {
	readonly tmapiToken: string;
	readonly tmapiBaseUrl: string;
	/** TMAPI_AUTH: the token as the `apiToken` query parameter ("query") or as an `apikey` header. */
	readonly tmapiAuth: TmapiAuth;
	readonly tmapiTimeoutMs: number;
	readonly tmapiRetries: number;
	readonly tmapiMaxConcurrent: number;
	readonly upstreamPageSize: number;
	readonly cacheTtlMs: number;
	readonly cacheMaxBytes: number;
	readonly categoryTtlMs: number;
	/** Shared cache, limits and budgets for several processes; may hold a password, so never logged. */
	readonly redisUrl: string | undefined;
	readonly actionsPerWindow: number;
	readonly actionWindowMs: number;
	readonly userDailyBudget: number;
	readonly dailyBudget: number;
	/** How many processes share the budgets: each one's share while Redis is down. */
	readonly budgetProcesses: number;
	readonly pageTokenSecret: string;
	/** True when PAGE_TOKEN_SECRET was not set and the secret was derived from TMAPI_TOKEN. */
	readonly pageTokenSecretDerived: boolean;
	readonly allow: {
		readonly telegramChats: readonly string[];
		readonly telegramUsers: readonly string[];
		readonly discordGuilds: readonly string[];
		readonly discordUsers: readonly string[];
	};
	readonly maxExportPages: number;
	readonly health: { readonly port: number; readonly host: string } | undefined;
	readonly logLevel: string;
	/** DATA_DIR: the directory of the SQLite store (`catbot.sqlite`); default ./data. */
	readonly dataDir: string;
	/**
	 * DATABASE_URL: PostgreSQL instead of SQLite, so several processes share shortlists and watches. May
	 * hold a password, so never logged.
	 */
	readonly databaseUrl: string | undefined;
	/** SHORTLIST_MAX: cards per place's shortlist. */
	readonly shortlistMax: number;
	/** WATCHES_PER_PLACE: category watches per place (chat or channel). */
	readonly watchesPerPlace: number;
	/** WATCH_MIN_HOURS: the shortest interval a watch may run at. */
	readonly watchMinHours: number;
}

/** A configuration problem; `problems` names every variable that is wrong, values never quoted. */
export class ConfigError extends CatbotError {
	readonly problems: readonly string[];
	constructor(problems: readonly string[]) {
		super("config", `Invalid configuration:\n- ${problems.join("\n- ")}`);
		this.problems = problems;
	}
}

function toConfig(env: v.InferOutput<typeof EnvSchema>): CoreConfig {
	return {
		tmapiToken: env.TMAPI_TOKEN,
		tmapiBaseUrl: env.TMAPI_BASE_URL,
		tmapiAuth: env.TMAPI_AUTH,
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
		budgetProcesses: env.BUDGET_PROCESSES,
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
		maxExportPages: env.EXPORT_MAX_PAGES,
		health: env.HEALTH_PORT === undefined ? undefined : { port: env.HEALTH_PORT, host: env.HEALTH_HOST },
		logLevel: env.LOG_LEVEL,
		dataDir: env.DATA_DIR,
		databaseUrl: env.DATABASE_URL,
		shortlistMax: env.SHORTLIST_MAX,
		watchesPerPlace: env.WATCHES_PER_PLACE,
		watchMinHours: env.WATCH_MIN_HOURS,
	};
}

/**
 * The one rule that spans two variables: a header cannot carry every string a URL can (see
 * isHeaderSafeToken). Read from the raw values, as the schema reads them, so it is listed with every other
 * problem instead of surfacing later as the client's start-up error.
 */
function crossProblems(present: Record<string, string>): string[] {
	const token = present.TMAPI_TOKEN?.trim() ?? "";
	const header = present.TMAPI_AUTH?.trim().toLowerCase() === "header";
	if (!header || token === "" || isHeaderSafeToken(token)) return [];
	return ["TMAPI_TOKEN must be printable ASCII without spaces when TMAPI_AUTH is header"];
}

function presentValues(
	env: Record<string, string | undefined>,
	names: readonly string[],
): Record<string, string> {
	const present: Record<string, string> = {};
	for (const name of names) {
		const value = env[name];
		if (value !== undefined && value.trim() !== "") present[name] = value;
	}
	return present;
}

/**
 * Reads the core's settings from environment variables, reporting every problem at once by variable
 * name (never by value). Empty variables count as unset.
 *
 * @example
 * const config = loadConfig(process.env); // throws ConfigError listing what to fix
 */
export function loadConfig(env: Record<string, string | undefined>): CoreConfig {
	return loadAppConfig(env, v.object({})).core;
}

/**
 * Reads the core's settings and an app's own variables (described by `appSchema`, an object schema keyed
 * by variable name) in one pass, so a person fixing their `.env` sees every problem of both at once.
 *
 * @example
 * const { core, app } = loadAppConfig(process.env, v.object({ TELEGRAM_BOT_TOKEN: v.string("TELEGRAM_BOT_TOKEN is required") }));
 */
export function loadAppConfig<
	TSchema extends v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>,
>(
	env: Record<string, string | undefined>,
	appSchema: TSchema,
): { core: CoreConfig; app: v.InferOutput<TSchema> } {
	const present = presentValues(env, Object.keys(EnvSchema.entries));
	const core = v.safeParse(EnvSchema, present);
	const app = v.safeParse(appSchema, presentValues(env, Object.keys(appSchema.entries)));
	const problems = [
		...(core.success ? [] : core.issues.map((issue) => issue.message)),
		...crossProblems(present),
		...(app.success ? [] : app.issues.map((issue) => issue.message)),
	];
	if (!core.success || !app.success || problems.length > 0) throw new ConfigError(problems);
	return { core: toConfig(core.output), app: app.output };
}
