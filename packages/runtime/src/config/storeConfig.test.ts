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

describe("loadConfig: the durable store", () => {
	it("defaults to SQLite under ./data and 500 cards a shortlist", () => {
		expect(loadConfig({ TMAPI_TOKEN: "tok", DATA_DIR: "  ", DATABASE_URL: "" })).toMatchObject({
			dataDir: "./data",
			databaseUrl: undefined,
			shortlistMax: 500,
		});
	});

	it("reads DATA_DIR, DATABASE_URL and SHORTLIST_MAX", () => {
		const config = loadConfig({
			TMAPI_TOKEN: "tok",
			DATA_DIR: " /var/lib/catbot ",
			DATABASE_URL: "postgresql://catbot:pw@db.internal:5432/catbot",
			SHORTLIST_MAX: "100000",
		});
		expect(config).toMatchObject({
			dataDir: "/var/lib/catbot",
			databaseUrl: "postgresql://catbot:pw@db.internal:5432/catbot",
			shortlistMax: 100_000,
		});
	});

	it("names what is wrong without quoting a database URL, which may hold a password", () => {
		const found = problems({
			TMAPI_TOKEN: "tok",
			DATABASE_URL: "mysql://root:hunter2@db/catbot",
			SHORTLIST_MAX: "0",
		});
		expect(found).toEqual([
			"DATABASE_URL must be a URL such as postgres://catbot:password@127.0.0.1:5432/catbot",
			"SHORTLIST_MAX must be a whole number from 1 to 100000",
		]);
		expect(problems({ TMAPI_TOKEN: "tok", SHORTLIST_MAX: "100001" })).toEqual([
			"SHORTLIST_MAX must be a whole number from 1 to 100000",
		]);
		expect(problems({ TMAPI_TOKEN: "tok", DATA_DIR: "x".repeat(4_097) })).toEqual([
			"DATA_DIR must be a path of at most 4096 characters",
		]);
		expect(found.join(" ")).not.toContain("hunter2");
	});
});
