import { describe, expect, it } from "vitest";
import { assertNoSecrets, captureLog, redisPassword } from "./logs.js";

describe("captureLog", () => {
	it("keeps every chunk written to its destination", async () => {
		const log = captureLog();
		log.destination.write('{"msg":"one"}\n');
		await new Promise<void>((resolve) => log.destination.write('{"msg":"two"}\n', () => resolve()));
		expect(log.text()).toBe('{"msg":"one"}\n{"msg":"two"}\n');
	});
});

describe("assertNoSecrets", () => {
	it("throws for a secret in the text, naming only its first characters", () => {
		const secret = "tmapi-secret-token-value";
		// The whole message: the secret itself is not in it.
		expect(() => assertNoSecrets(`token=${secret}`, ["", secret])).toThrow(
			/^a secret reached the log: tmap…$/,
		);
	});

	it("passes a clean text, and skips entries too short to be a secret", () => {
		expect(() => assertNoSecrets("level 30 ok", ["tmapi-secret-token-value", "ok", ""])).not.toThrow();
	});
});

describe("redisPassword", () => {
	it("reads and decodes the password of a redis URL, or says there is none", () => {
		expect(redisPassword("redis://:p%40ss%3Aword@127.0.0.1:6379")).toBe("p@ss:word");
		expect(redisPassword("redis://127.0.0.1:6379")).toBe("");
		expect(redisPassword(undefined)).toBe("");
	});
});
