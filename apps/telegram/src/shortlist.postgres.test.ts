import { startPostgres, type TestPostgres } from "@catbot/testkit/postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { press, sendCommand, waitForEdit } from "./test-support/chat.js";
import { startHarness } from "./test-support/harness.js";
import { lastAnswer, pressSave, saveCard, shortlistCommand, titleAt } from "./test-support/shortlist.js";

const alice = { id: 1001, is_bot: false, first_name: "Alice" };
const bob = { id: 1002, is_bot: false, first_name: "Bob" };
// The test server trusts every local login, so this password is never checked; it is here so the log
// check after each test has a database password to look for.
const PASSWORD = "pg-pass-for-the-telegram-shortlist-test";

let server: TestPostgres;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop());

async function databaseUrl(): Promise<string> {
	const url = new URL(await server.createDatabase());
	url.password = PASSWORD;
	return url.toString();
}

describe("the Telegram shortlist on PostgreSQL", () => {
	it("is one list for two bot processes on one database, and another chat never sees it", async () => {
		const DATABASE_URL = await databaseUrl();
		// Two processes, each with its own Telegram connection and page cache, one database.
		const a = await startHarness({ DATABASE_URL, RATE_LIMIT_ACTIONS: "100" });
		const b = await startHarness({ DATABASE_URL, RATE_LIMIT_ACTIONS: "100" });
		const team = a.tg.group(-1006666666666, "Team");
		b.tg.group(team.id, "Team");

		const listA = await sendCommand(a.tg, team, alice, "/category 1031910");
		await saveCard(a, team, alice, listA, 3);
		const seen = await shortlistCommand(b, team, bob);
		expect(seen.text).toContain("1/500 · Page 1 of 1");
		expect(titleAt(seen, 1)).toBe(titleAt(listA, 3));
		expect(seen.text).toMatch(/saved by Alice · /);

		// Saving the same product through the other process keeps one entry and names the first saver.
		const listB = await sendCommand(b.tg, team, bob, "/category 1031910");
		const again = await pressSave(b, team, bob, listB, 3);
		expect(again.text).toMatch(/^Already on the shortlist: saved by Alice on /);
		await pressSave(b, team, bob, listB, 4);
		const both = await shortlistCommand(a, team, alice);
		expect(both.text).toContain("2/500");
		expect(titleAt(both, 1)).toBe(titleAt(listB, 4));

		const other = a.tg.group(-1007777777777, "Other team");
		expect((await shortlistCommand(a, other, alice)).text).toContain("Nothing saved here yet");

		await press(b.tg, team, bob, seen, "✖ 1");
		expect(lastAnswer(b).text).toMatch(/^Removed from the shortlist: /);
		await waitForEdit(b.tg, team, seen.message_id, 1);
		const left = await shortlistCommand(a, team, alice);
		expect(left.text).toContain("1/500");
		expect(titleAt(left, 1)).toBe(titleAt(listB, 4));
		for (const h of [a, b]) expect(h.logs()).toContain('"store":"postgres"');
	});

	it("keeps the list when the bot restarts", async () => {
		const h = await startHarness({ DATABASE_URL: await databaseUrl() });
		const chat = h.tg.privateChat(alice.id);
		const list = await sendCommand(h.tg, chat, alice, "/category 1031910");
		await pressSave(h, chat, alice, list, 2);
		await h.restart();
		const shortlist = await shortlistCommand(h, chat, alice);
		expect(titleAt(shortlist, 1)).toBe(titleAt(list, 2));
	});
});
