import { describe, expect, it } from "vitest";
import { describeConnectionFailure, PlatformUnreachableError } from "./startupFailure.js";

const withCode = (message: string, code: string | number, extra: object = {}) =>
	Object.assign(new Error(message), { code, ...extra });

describe("describeConnectionFailure", () => {
	it("names network failures by their code, wherever they sit in the cause chain", () => {
		const dns = new TypeError("fetch failed", {
			cause: withCode("getaddrinfo ENOTFOUND api.example", "ENOTFOUND"),
		});
		expect(describeConnectionFailure(dns)).toBe("the host name does not resolve (DNS) (ENOTFOUND)");
		expect(describeConnectionFailure(withCode("x", "EAI_AGAIN"))).toBe(
			"the host name could not be resolved (DNS timeout) (EAI_AGAIN)",
		);
		expect(describeConnectionFailure(withCode("x", "ECONNREFUSED"))).toBe(
			"connection refused (ECONNREFUSED)",
		);
	});

	it("tells a refused token from a wrong address", () => {
		expect(
			describeConnectionFailure(withCode("401: Unauthorized", 401, { response: { error_code: 401 } })),
		).toBe("the bot token was refused (401 Unauthorized)");
		expect(describeConnectionFailure(withCode("An invalid token was provided.", "TokenInvalid"))).toBe(
			"the bot token was refused (invalid token)",
		);
		expect(describeConnectionFailure(Object.assign(new Error("Not Found"), { status: 404 }))).toMatch(
			/^not found \(404\)/,
		);
	});

	it("falls back to the innermost message, first line only, with credentials cut out", () => {
		const error = new Error("outer", {
			cause: new Error("request to https://api.telegram.org/bot12:SECRETpart/getMe failed\n    at stack"),
		});
		expect(describeConnectionFailure(error)).toBe(
			"request to https://api.telegram.org/bot[redacted]/getMe failed",
		);
	});

	it("stops at a looping cause chain", () => {
		const a: Error = new Error("a");
		a.cause = a;
		expect(describeConnectionFailure(a)).toBe("a");
	});
});

describe("PlatformUnreachableError", () => {
	it("prints the URL's origin only, never its path or credentials", () => {
		const error = new PlatformUnreachableError(
			"Telegram",
			"https://user:pw@tg.example:8443/bot1:abc/",
			withCode("x", "ECONNRESET"),
		);
		expect(error.message).toBe(
			"could not connect to Telegram at https://tg.example:8443: connection reset (ECONNRESET)",
		);
		expect(error.code).toBe("platform-unreachable");
	});
});
