import type { RecordedMessage } from "@catbot/fake-discord";
import { startPostgres, type TestPostgres } from "@catbot/testkit/postgres";
import { newArrivalsFault } from "@catbot/tmapi-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settled } from "./test-support/components.js";
import { CHANNEL, type Harness, startHarness } from "./test-support/harness.js";

const HOUR = 3_600_000;
// The test server trusts every local login and ignores it; it is in the URL so that the test can prove no
// log line of either bot quotes it.
const PASSWORD = "pg-password-for-the-discord-watches-test";

let server: TestPostgres | undefined;
// initdb takes seconds: started once, outside the tests' timeouts.
beforeAll(async () => {
	server = await startPostgres();
}, 120_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

/** One clock for both processes: real time plus whatever the test moved it by. */
function testClock() {
	let offset = 0;
	return {
		now: () => Date.now() + offset,
		advance(ms: number) {
			offset += ms;
		},
	};
}

/** The watch posts of one bot process: messages it sent in the channel itself, not interaction answers. */
function posts(h: Harness): RecordedMessage[] {
	return h.discord.channelMessages(CHANNEL).filter((m) => m.source === "channel");
}

const titleOf = (embed: { title?: unknown } | undefined) => String(embed?.title).replace(/^\d+\. /, "");
const sum = (values: readonly number[]) => values.reduce((x, y) => x + y, 0);

describe("category watches of two Discord bot processes on one PostgreSQL", () => {
	it("run one due watch once: one upstream call, one post of the new products", async () => {
		if (!server) throw new Error("no PostgreSQL server");
		const url = (await server.createDatabase()).replace("postgres@", `postgres:${PASSWORD}@`);
		const clock = testClock();
		const env = { DATABASE_URL: url, RATE_LIMIT_ACTIONS: "100" };
		// Two processes, each with its own Discord connection (a fake gives one shard's events to one bot).
		const a = await startHarness(env, {}, { now: clock.now });
		const b = await startHarness(env, {}, { now: clock.now });
		const both: Harness[] = [a, b];
		const posted = () => both.map((h) => posts(h).length);
		const upstream = () => both.map((h) => h.emu.stats.requests);

		const command = await a.command("watch", { cat_id: 1031910, every: "12h" });
		expect((await settled(command)).content).toBe(
			"👁 Watching /category 1031910 every 12 h: I will post new ones here.",
		);
		// The first run posts once, through the bot that took the command.
		const first = await command.waitUntil(() => posts(a)[0], 5_000);
		expect(first.content).toMatch(/^👁 Watching .* The top products now:$/);
		expect(posted()).toEqual([1, 0]);
		expect(b.emu.stats.requests).toBe(0);
		// The other process sees the same watch in the database: both schedulers will find it due.
		const listed = await settled(await b.command("watches"));
		expect(listed.content.split("\n")[1]).toMatch(/^1\. \/category 1031910 · every 12 h · next in 12 h/);

		clock.advance(12 * HOUR);
		for (const h of both) h.emu.inject(newArrivalsFault(2));
		const callsBefore = upstream();
		// Both schedulers tick at the same moment; the claim in the database lets only one run the watch.
		const sent = await Promise.all([a.bot.runWatchesNow(), b.bot.runWatchesNow()]);
		expect([...sent].sort()).toEqual([0, 1]);
		const calls = upstream().map((n, i) => n - (callsBefore[i] ?? 0));
		expect(sum(calls)).toBe(1);
		// The process that read the new products is the one that posted them.
		const ran = sent.indexOf(1);
		const runner = both[ran];
		if (!runner) throw new Error("no bot ran the watch");
		expect(calls[ran]).toBe(1);
		expect(sum(posted())).toBe(2);
		const fresh = posts(runner).at(-1);
		expect(fresh?.content).toBe("🆕 2 new in /category 1031910:");
		expect(fresh?.embeds.map(titleOf)).toEqual(["New arrival 1", "New arrival 2"]);

		// Run again at once by both: not due, nothing more read or posted.
		expect(await Promise.all([a.bot.runWatchesNow(), b.bot.runWatchesNow()])).toEqual([0, 0]);
		expect(sum(posted())).toBe(2);
		expect(sum(upstream())).toBe(sum(callsBefore) + 1);
		for (const h of both) {
			expect(h.logs()).toContain('"store":"postgres"');
			expect(h.logs()).not.toContain(PASSWORD);
			expect(h.discord.violations).toEqual([]);
		}
	});
});
