import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./loadConfig.js";

function problems(env: Record<string, string>): readonly string[] {
	try {
		loadConfig(env);
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as ConfigError).problems;
	}
	throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
	it("fills every default from a token alone", () => {
		const config = loadConfig({ TMAPI_TOKEN: "tok" });
		expect(config).toMatchObject({
			tmapiToken: "tok",
			tmapiBaseUrl: "http://api.tmapi.top",
			tmapiTimeoutMs: 60_000,
			tmapiMaxConcurrent: 4,
			upstreamPageSize: 20,
			cacheTtlMs: 900_000,
			cacheMaxBytes: 64 * 1024 * 1024,
			actionsPerWindow: 6,
			actionWindowMs: 30_000,
			redisUrl: undefined,
			pageTokenSecretDerived: true,
			allow: { telegramChats: [], telegramUsers: [], discordGuilds: [], discordUsers: [] },
			logLevel: "info",
		});
		// Derived, stable, and not the token itself.
		expect(config.pageTokenSecret).toBe(loadConfig({ TMAPI_TOKEN: "tok" }).pageTokenSecret);
		expect(config.pageTokenSecret).not.toContain("tok");
	});

	it("reads every variable", () => {
		const config = loadConfig({
			TMAPI_TOKEN: "tok",
			TMAPI_BASE_URL: "http://127.0.0.1:8787",
			REDIS_URL: "redis://:pw@127.0.0.1:6379/2",
			CACHE_TTL_SECONDS: "60",
			RATE_LIMIT_ACTIONS: "10",
			BUDGET_DAILY: "5000",
			PAGE_TOKEN_SECRET: "a-long-enough-secret",
			ALLOW_TELEGRAM_CHATS: "-1001234, -1005678",
			ALLOW_DISCORD_GUILDS: "81384788765712384",
			LOG_LEVEL: "debug",
		});
		expect(config).toMatchObject({
			tmapiBaseUrl: "http://127.0.0.1:8787",
			redisUrl: "redis://:pw@127.0.0.1:6379/2",
			cacheTtlMs: 60_000,
			actionsPerWindow: 10,
			dailyBudget: 5000,
			pageTokenSecret: "a-long-enough-secret",
			pageTokenSecretDerived: false,
			allow: { telegramChats: ["-1001234", "-1005678"], discordGuilds: ["81384788765712384"] },
			logLevel: "debug",
		});
	});

	it("treats empty variables as unset", () => {
		expect(
			loadConfig({ TMAPI_TOKEN: "tok", REDIS_URL: "", CACHE_TTL_SECONDS: " " }).redisUrl,
		).toBeUndefined();
	});

	it("reports every problem at once, by name, without quoting values", () => {
		const found = problems({
			REDIS_URL: "http://user:hunter2@example",
			CACHE_TTL_SECONDS: "soon",
			UPSTREAM_PAGE_SIZE: "80",
			PAGE_TOKEN_SECRET: "hunter2",
			ALLOW_TELEGRAM_CHATS: "ops-team",
			LOG_LEVEL: "loud",
		});
		expect(found).toEqual([
			"TMAPI_TOKEN is required (your TMAPI apiToken)",
			"UPSTREAM_PAGE_SIZE must be a whole number from 1 to 50",
			"CACHE_TTL_SECONDS must be a whole number from 1 to 604800",
			"REDIS_URL must be a URL such as redis://127.0.0.1:6379",
			"PAGE_TOKEN_SECRET must be at least 16 characters long",
			"ALLOW_TELEGRAM_CHATS must be a comma-separated list of numeric ids",
			"LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
		]);
		expect(found.join("\n")).not.toContain("hunter2");
	});
});
