import { ConfigError } from "@catbot/runtime";
import { describe, expect, it } from "vitest";
import { loadTelegramConfig } from "./config.js";

describe("loadTelegramConfig", () => {
	it("reads the bot's variables with core's", () => {
		const config = loadTelegramConfig({ TELEGRAM_BOT_TOKEN: "123:abc-DEF", TMAPI_TOKEN: "t" });
		expect(config).toMatchObject({
			botToken: "123:abc-DEF",
			apiRoot: "https://api.telegram.org",
			webhook: undefined,
		});
		expect(config.core.tmapiToken).toBe("t");
	});

	it("lists the bot's and core's problems together, without values", () => {
		try {
			loadTelegramConfig({ TELEGRAM_BOT_TOKEN: "not a token", TELEGRAM_API_ROOT: "nope" });
			throw new Error("expected a ConfigError");
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError);
			const problems = (error as ConfigError).problems;
			expect(problems).toEqual([
				"TMAPI_TOKEN is required (your TMAPI apiToken)",
				"TELEGRAM_BOT_TOKEN is malformed: a bot token is the bot's id, a colon and its secret (digits:letters), as @BotFather gives it",
				"TELEGRAM_API_ROOT must be a URL such as https://api.telegram.org",
			]);
			expect(problems.join(" ")).not.toContain("not a token");
		}
	});

	it("calls an empty token missing and a token of the wrong shape malformed", () => {
		const problems = (env: Record<string, string>) => {
			try {
				loadTelegramConfig({ TMAPI_TOKEN: "t", ...env });
				return [];
			} catch (error) {
				return (error as ConfigError).problems;
			}
		};
		expect(problems({})).toEqual([
			"TELEGRAM_BOT_TOKEN is required: the token @BotFather gave you (digits:letters)",
		]);
		expect(problems({ TELEGRAM_BOT_TOKEN: "  " })).toEqual(problems({}));
		expect(problems({ TELEGRAM_BOT_TOKEN: "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" })).toEqual([
			"TELEGRAM_BOT_TOKEN is malformed: a bot token is the bot's id, a colon and its secret (digits:letters), as @BotFather gives it",
		]);
	});
});
