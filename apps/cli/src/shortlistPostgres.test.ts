import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Place, SavedCard } from "@catbot/core";
import { createLogger, openStore } from "@catbot/runtime";
import { closedPort, killAll, runProcess } from "@catbot/testkit";
import { startPostgres, type TestPostgres } from "@catbot/testkit/postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
// The test server trusts local logins, so this password is never checked: it is here to be looked for.
const PASSWORD = "pg-pass-for-the-cli-shortlist-test";
const CHANNEL: Place = { platform: "discord", id: "81384788765712384:81384788765712390" };

let server: TestPostgres;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop());
afterEach(killAll);

async function databaseUrl(): Promise<string> {
	const url = new URL(await server.createDatabase());
	url.password = PASSWORD;
	return url.toString();
}

async function run(args: string[], env: Record<string, string>) {
	const cwd = mkdtempSync(join(tmpdir(), "catbot-shortlist-pg-"));
	const child = runProcess(MAIN, { args: ["shortlist", ...args], cwd, env });
	const [code] = await child.exited;
	return { code, cwd, stdout: child.stdout(), output: child.output() };
}

const saved: SavedCard = {
	itemId: "812345678901",
	title: "Linen shirt",
	imageUrl: null,
	productUrl: "https://detail.1688.com/offer/812345678901.html",
	price: 35.5,
	currency: "CNY",
	moq: 10,
	shopName: "Hangzhou Linen Co.",
	shopUrl: null,
	categoryId: 1031910,
	categoryName: null,
	command: "/category 1031910",
	savedBy: { userId: "81384788765712999", name: "Dana" },
	savedAt: Date.UTC(2026, 10, 30, 9),
};

describe("catbot shortlist on PostgreSQL (DATABASE_URL)", () => {
	it("reads the channel's list from the database the bots share, and never prints the URL", async () => {
		const url = await databaseUrl();
		const store = await openStore({ databaseUrl: url, logger: createLogger({ level: "silent" }) });
		try {
			expect((await store.shortlist.save(CHANNEL, saved)).status).toBe("saved");
		} finally {
			await store.close();
		}
		const place = "discord:81384788765712384:81384788765712390";
		const json = await run(["--place", place, "--format", "json"], { DATABASE_URL: url, LOG_LEVEL: "debug" });
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toEqual([saved]);
		// The database, not a SQLite file under ./data.
		expect(existsSync(join(json.cwd, "data"))).toBe(false);
		expect(json.output).not.toContain(PASSWORD);

		const table = await run(["--place", place], { DATABASE_URL: url, COLUMNS: "100" });
		expect(table.stdout).toMatch(
			/│ 1 +│ Linen shirt +│ ¥35\.50 +│ 10 +│ Dana · 30 Nov +│ Hangzhou Linen Co\. +│/,
		);
	});

	it("says in one line that the database cannot be reached, exits 4, and keeps its password out", async () => {
		const url = `postgres://catbot:${PASSWORD}@127.0.0.1:${await closedPort()}/catbot`;
		const result = await run(["--place", "telegram:-100123"], { DATABASE_URL: url, LOG_LEVEL: "debug" });
		expect(result.code).toBe(4);
		expect(result.stdout).toBe("");
		const plain = result.output.split("\n").filter((line) => line !== "" && !line.startsWith("{"));
		expect(plain).toHaveLength(1);
		expect(plain[0]).toMatch(/^[A-Z].*\. The store is the PostgreSQL database at DATABASE_URL\.$/);
		expect(result.output).not.toContain(PASSWORD);
	});
});
