import { ConfigError } from "@catbot/runtime";
import { describe, expect, it } from "vitest";
import { loadDiscordConfig, loadRegisterConfig } from "./config.js";

// Shaped like a real bot token: base64url id, timestamp and signature.
const TOKEN = `MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.${"x".repeat(38)}`;

describe("loadDiscordConfig", () => {
	it("reads the bot's variables with core's", () => {
		const config = loadDiscordConfig({
			DISCORD_TOKEN: TOKEN,
			DISCORD_APPLICATION_ID: "123456789012345678",
			TMAPI_TOKEN: "t",
		});
		expect(config).toMatchObject({
			applicationId: "123456789012345678",
			apiBase: "https://discord.com/api",
			guildId: undefined,
		});
	});

	it("names every missing variable at once", () => {
		try {
			loadDiscordConfig({ DISCORD_GUILD_ID: "general" });
			throw new Error("expected a ConfigError");
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError);
			expect((error as ConfigError).problems).toEqual([
				"TMAPI_TOKEN is required (your TMAPI apiToken)",
				"DISCORD_TOKEN is required: your bot's token from the Developer Portal",
				"DISCORD_APPLICATION_ID is required: your application's id (digits)",
				"DISCORD_GUILD_ID must be a server id (digits)",
			]);
		}
	});

	it("registers commands without a TMAPI token", () => {
		expect(
			loadRegisterConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: "123456789012345678" })
				.applicationId,
		).toBe("123456789012345678");
	});

	it("calls a token of the wrong shape malformed, not missing, without quoting it", () => {
		try {
			loadDiscordConfig({
				DISCORD_TOKEN: "x".repeat(60),
				DISCORD_APPLICATION_ID: "123456789012345678",
				TMAPI_TOKEN: "t",
			});
			throw new Error("expected a ConfigError");
		} catch (error) {
			expect((error as ConfigError).problems).toEqual([
				"DISCORD_TOKEN is malformed: a bot token has three parts separated by dots (copy it again from the Developer Portal's Bot page)",
			]);
		}
	});
});
