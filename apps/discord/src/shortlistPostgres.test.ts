import { startPostgres, type TestPostgres } from "@catbot/testkit/postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customIdOf, selectMenu, settled } from "./test-support/components.js";
import { asker, type Harness, other, startHarness } from "./test-support/harness.js";

// The test server trusts every local login and ignores it; it is in the URL so that the harness's check
// after the test proves no log line quotes it.
const PASSWORD = "pg-password-for-the-discord-shortlist-test";

let server: TestPostgres | undefined;
// initdb takes seconds: started once, outside the tests' timeouts.
beforeAll(async () => {
	server = await startPostgres();
}, 120_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

async function saveFirstCard(h: Harness, user = asker) {
	const results = await settled(await h.category({ cat_id: 1031910 }));
	const pick = await h.discord.selectMenu({
		user,
		message: results,
		customId: selectMenu(results, "v|").custom_id,
		values: ["1"],
	});
	return { results, answer: await settled(pick) };
}

describe("the shortlist on PostgreSQL", () => {
	it("is the same for two bot processes on one database", async () => {
		if (!server) throw new Error("no PostgreSQL server");
		const url = (await server.createDatabase()).replace("postgres@", `postgres:${PASSWORD}@`);
		// Two processes, each with its own Discord connection (a fake gives one shard's events to one bot).
		const a = await startHarness({ DATABASE_URL: url });
		const b = await startHarness({ DATABASE_URL: url });
		expect(a.logs()).toContain('"store":"postgres"');

		const first = await saveFirstCard(a);
		expect(first.answer.content).toBe("☆ Saved to this channel's shortlist (1 of 500).");
		const listed = await settled(await b.shortlist());
		expect(listed.embeds.map((e) => e.title)).toEqual([first.results.embeds[0]?.title]);
		expect(listed.embeds[0]?.description).toContain("saved by asker");

		const again = await saveFirstCard(b, other);
		expect(again.answer.content).toMatch(/^Already on the shortlist: saved by asker on /);

		const remove = await b.discord.pressButton({
			user: other,
			message: listed,
			customId: customIdOf(listed, "✖ 1"),
		});
		expect((await remove.waitForFollowup()).content).toMatch(/^Removed from the shortlist: /);
		const empty = await settled(await a.shortlist());
		expect(empty.content).toContain("Nothing saved here yet");
		for (const h of [a, b]) expect(h.logs()).not.toContain(PASSWORD);
	});
});
