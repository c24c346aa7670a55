import { describe, expect, it } from "vitest";
import { createRuntime } from "../runtime.js";
import { TEST_TOKEN, useEmulator } from "../test-support/emulator.js";
import { captureLogs } from "../test-support/logs.js";
import { ConfigError, loadConfig } from "./loadConfig.js";

const emu = useEmulator();

function problems(env: Record<string, string>): readonly string[] {
	try {
		loadConfig(env);
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as ConfigError).problems;
	}
	throw new Error("expected a ConfigError");
}

describe("TMAPI_AUTH", () => {
	it("defaults to query, and an empty value counts as unset", () => {
		expect(loadConfig({ TMAPI_TOKEN: "tok" }).tmapiAuth).toBe("query");
		expect(loadConfig({ TMAPI_TOKEN: "tok", TMAPI_AUTH: " " }).tmapiAuth).toBe("query");
	});

	it.each([
		["query", "query"],
		["header", "header"],
		[" Header ", "header"],
		["QUERY", "query"],
	])("reads %j as %s", (value, expected) => {
		expect(loadConfig({ TMAPI_TOKEN: "tok", TMAPI_AUTH: value }).tmapiAuth).toBe(expected);
	});

	it.each(["bearer", "apikey", "header=tok_secret", "querys"])(
		"refuses %j by name, listing the allowed values, without quoting it",
		(value) => {
			const found = problems({ TMAPI_TOKEN: "tok", TMAPI_AUTH: value });
			expect(found).toEqual(["TMAPI_AUTH must be one of query, header"]);
			expect(found.join("\n")).not.toContain(value);
		},
	);

	it("reports a bad value alongside every other problem", () => {
		expect(problems({ TMAPI_AUTH: "cookie", CACHE_TTL_SECONDS: "soon" })).toEqual([
			"TMAPI_TOKEN is required (your TMAPI apiToken)",
			"TMAPI_AUTH must be one of query, header",
			"CACHE_TTL_SECONDS must be a whole number from 1 to 604800",
		]);
	});

	it("refuses, in header mode only, a token that cannot travel in a header, without quoting it", () => {
		const token = "tok with-space";
		const found = problems({ TMAPI_TOKEN: token, TMAPI_AUTH: "header", UPSTREAM_PAGE_SIZE: "80" });
		expect(found).toEqual([
			"UPSTREAM_PAGE_SIZE must be a whole number from 1 to 50",
			"TMAPI_TOKEN must be printable ASCII without spaces when TMAPI_AUTH is header",
		]);
		expect(found.join("\n")).not.toContain("with-space");
		expect(loadConfig({ TMAPI_TOKEN: token }).tmapiAuth).toBe("query");
	});

	it.each(["header", "query"] as const)("reaches the runtime's TMAPI client (%s)", async (auth) => {
		const logs = captureLogs([TEST_TOKEN]);
		const config = loadConfig({
			TMAPI_TOKEN: TEST_TOKEN,
			TMAPI_BASE_URL: emu.current.url,
			TMAPI_AUTH: auth,
		});
		const runtime = createRuntime(config, { logger: logs.logger });
		try {
			const outcome = await runtime.catalog.show(
				{ platform: "telegram", userId: "7" },
				{ text: "/category 1031910" },
			);
			// The emulator checks the token: an answer means it arrived, in the header or the query.
			expect(outcome.ok).toBe(true);
			const { queries } = emu.current.stats;
			expect(queries.length).toBeGreaterThan(0);
			for (const { query } of queries) {
				expect(query.apiToken).toBe(auth === "query" ? TEST_TOKEN : undefined);
			}
			expect(logs.text()).not.toContain(TEST_TOKEN);
		} finally {
			await runtime.close();
		}
	});
});
