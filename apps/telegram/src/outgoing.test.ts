import { CatbotError, isCatbotError } from "@catbot/core";
import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { RetryLaterError } from "./outgoing.js";

describe("RetryLaterError", () => {
	it("is one of catbot's errors: a stable code, a message for the user, the wait and the cause", () => {
		const flood = new TelegramError({ error_code: 429, description: "Too Many Requests" });
		const error = new RetryLaterError(30, { cause: flood });
		expect(error).toBeInstanceOf(CatbotError);
		expect(isCatbotError(error)).toBe(true);
		expect(error).toMatchObject({ name: "RetryLaterError", code: "retry-later", retryAfterSec: 30 });
		expect(error.message).toBe("Telegram is busy. Please try again in 30 s.");
		expect(error.cause).toBe(flood);
		expect(new RetryLaterError(2).cause).toBeUndefined();
	});
});
