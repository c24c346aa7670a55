import type { Chat, FakeTelegram } from "@catbot/fake-telegram";
import { startPostgres, type TestPostgres } from "@catbot/testkit/postgres";
import { newArrivalsFault } from "@catbot/tmapi-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendCommand } from "./test-support/chat.js";
import { type Harness, startHarness } from "./test-support/harness.js";
import { titleAt } from "./test-support/shortlist.js";

const alice = { id: 1001, is_bot: false, first_name: "Alice" };
const HOUR = 3_600_000;
// The test server trusts every local login, so this password is never checked; it is in the URL so the
// test can prove that neither bot's log quotes it.
const PASSWORD = "pg-pass-for-the-telegram-watches-test";

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

/** One clock for both processes, moved by the test: the watch falls due for both at the same moment. */
function testClock() {
	let at = Date.now();
	return { now: () => at, advance: (ms: number) => (at += ms) };
}

/** The bot's messages in a chat of one fake Telegram: each bot process has its own connection. */
const botMessages = (tg: FakeTelegram, chat: Chat) => tg.messages(chat.id);

describe("category watches of two Telegram bot processes on one PostgreSQL", () => {
	it("run one due watch once: one upstream call, one post of the new products", async () => {
		const DATABASE_URL = await databaseUrl();
		const clock = testClock();
		// A frozen clock never ends a rate-limit window, so the limit is high.
		const env = { DATABASE_URL, RATE_LIMIT_ACTIONS: "100" };
		const a = await startHarness(env, { now: clock.now });
		const b = await startHarness(env, { now: clock.now });
		const team = a.tg.group(-1004444444444, "Sourcing team");
		b.tg.group(team.id, "Sourcing team");
		const both: Harness[] = [a, b];
		const posted = () => both.map((h) => botMessages(h.tg, team).length);
		const upstream = () => both.map((h) => h.emu.stats.requests);

		const first = await sendCommand(a.tg, team, alice, "/watch 1031910 sort:sales every:12h");
		expect(first.text).toMatch(
			/^👁 Watching \/category 1031910 sort:sales every 12 h: .* The top products now:\n/,
		);
		// The first run posted once, through the bot that took the command.
		expect(posted()).toEqual([1, 0]);
		expect(b.emu.stats.requests).toBe(0);
		// The other process sees the same watch in the database: both schedulers will find it due.
		const listed = await sendCommand(b.tg, team, alice, "/watches");
		expect(listed.text?.split("\n\n")[1]).toMatch(
			/^1\. \/category 1031910 sort:sales · every 12 h · next in 12 h/,
		);
		const before = posted().reduce((x, y) => x + y);

		clock.advance(12 * HOUR);
		for (const h of both) h.emu.inject(newArrivalsFault(2));
		const callsBefore = upstream();
		// Both schedulers tick at the same moment; the claim in the database lets only one run the watch.
		const sent = await Promise.all([a.bot.runWatchesNow(), b.bot.runWatchesNow()]);
		expect([...sent].sort()).toEqual([0, 1]);
		const calls = upstream().map((n, i) => n - (callsBefore[i] ?? 0));
		expect(calls.reduce((x, y) => x + y)).toBe(1);
		// The process that read the new products is the one that posted them.
		const runner = both[sent.indexOf(1)];
		if (!runner) throw new Error("no bot ran the watch");
		expect(calls[sent.indexOf(1)]).toBe(1);
		expect(posted().reduce((x, y) => x + y)).toBe(before + 1);
		const fresh = botMessages(runner.tg, team).at(-1);
		if (!fresh) throw new Error("no post");
		expect(fresh.text).toMatch(/^🆕 2 new in \/category 1031910 sort:sales:\n/);
		expect([titleAt(fresh, 1), titleAt(fresh, 2)]).toEqual(["New arrival 1", "New arrival 2"]);

		// Run again at once by both: not due, nothing more read or posted.
		expect(await Promise.all([a.bot.runWatchesNow(), b.bot.runWatchesNow()])).toEqual([0, 0]);
		expect(posted().reduce((x, y) => x + y)).toBe(before + 1);
		expect(upstream().reduce((x, y) => x + y)).toBe(callsBefore.reduce((x, y) => x + y) + 1);
		for (const h of both) {
			expect(h.logs()).toContain('"store":"postgres"');
			expect(h.logs()).not.toContain(PASSWORD);
		}
	});
});
