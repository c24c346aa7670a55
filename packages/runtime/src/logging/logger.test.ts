import { describe, expect, it } from "vitest";
import { captureLogs } from "../test-support/logs.js";
import { throttle } from "./throttle.js";

describe("createLogger", () => {
	it("redacts token fields and scrubs configured secrets from any text", () => {
		const logs = captureLogs(["s3cr3t-token-value"]);
		logs.logger.info(
			{ apiToken: "abc", config: { tmapiToken: "abc", discordToken: "def" }, nested: { token: "ghi" } },
			"start",
		);
		logs.logger.warn({ url: "http://x/?apiToken=s3cr3t-token-value" }, "failed s3cr3t-token-value");
		const [first, second] = logs.lines;
		expect(first).toMatchObject({
			apiToken: "[redacted]",
			config: { tmapiToken: "[redacted]", discordToken: "[redacted]" },
			nested: { token: "[redacted]" },
		});
		expect(second).toMatchObject({ url: "http://x/?apiToken=[redacted]", msg: "failed [redacted]" });
		expect(logs.text()).not.toMatch(/s3cr3t|"abc"|"def"|"ghi"/);
	});
});

describe("throttle", () => {
	it("runs at most once per interval", () => {
		let now = 0;
		const calls: number[] = [];
		const log = throttle(
			1_000,
			(n: number) => calls.push(n),
			() => now,
		);
		log(1);
		log(2);
		now = 999;
		log(3);
		now = 1_000;
		log(4);
		expect(calls).toEqual([1, 4]);
	});
});

describe("error serialization", () => {
	it("keeps name, message, code and status of an error and drops its URL, body, headers and options", () => {
		const logs = captureLogs();
		const interactionToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmxvbmctdG9rZW4tdmFsdWU";
		const error = Object.assign(new Error("Unknown interaction"), {
			name: "DiscordAPIError[10062]",
			code: 10062,
			status: 404,
			method: "POST",
			url: `https://discord.com/api/v10/interactions/1234567890/${interactionToken}/callback`,
			requestBody: { files: [], json: { type: 5 } },
			headers: { authorization: "Bot abc.def.ghi" },
		});
		logs.logger.warn({ err: error }, "acknowledging a slow request failed");
		logs.logger.error({ reason: error, other: new TypeError("boom") }, "unhandled rejection");
		const [first, second] = logs.lines;
		expect(first?.err).toEqual({
			type: "DiscordAPIError[10062]",
			message: "Unknown interaction",
			code: 10062,
			status: 404,
		});
		expect(second?.reason).toEqual(first?.err);
		expect(second?.other).toEqual({ type: "TypeError", message: "boom" });
		expect(logs.text()).not.toContain(interactionToken);
		expect(logs.text()).not.toMatch(/requestBody|authorization|abc\.def/);
	});

	it("cuts credentials that platforms put in URLs out of messages and causes", () => {
		const logs = captureLogs();
		const botToken = "123456789:AAFakeTokenForTheSerializerTest_abcdef";
		const cause = new Error("connect ECONNREFUSED redis://default:hunter2pass@10.0.0.5:6379");
		const error = new Error(`request to https://api.telegram.org/bot${botToken}/getMe failed`, { cause });
		logs.logger.error({ err: error }, `launch failed for /webhooks/111/${"w".repeat(60)}`);
		const text = logs.text();
		expect(text).not.toContain(botToken.split(":")[1]);
		expect(text).not.toContain("hunter2pass");
		expect(text).not.toContain("w".repeat(60));
		expect(logs.lines[0]?.err).toMatchObject({
			type: "Error",
			message: "request to https://api.telegram.org/bot[redacted]/getMe failed",
			cause: { message: "connect ECONNREFUSED redis://default:[redacted]@10.0.0.5:6379" },
		});
	});

	it("follows a cause chain only so deep, so a cycle cannot hang the logger", () => {
		const logs = captureLogs();
		const a = new Error("a");
		const b = new Error("b", { cause: a });
		Object.assign(a, { cause: b });
		logs.logger.error({ err: b }, "loop");
		expect(logs.lines[0]?.err).toEqual({
			type: "Error",
			message: "b",
			cause: {
				type: "Error",
				message: "a",
				cause: { type: "Error", message: "b", cause: "[further causes omitted]" },
			},
		});
	});
});
