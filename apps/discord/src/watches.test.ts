import type { InteractionHandle, RecordedMessage } from "@catbot/fake-discord";
import { newArrivalsFault } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { registerCommands } from "./register.js";
import { customIdOf, messageWhen, parts, settled } from "./test-support/components.js";
import { asker, CHANNEL, type Harness, OTHER_CHANNEL, other, startHarness } from "./test-support/harness.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DM = "830000000000000001";

/** The bot's clock: real time plus whatever the test moved it by. Nothing ever sleeps an hour. */
function testClock() {
	let offset = 0;
	return {
		now: () => Date.now() + offset,
		advance(ms: number) {
			offset += ms;
		},
	};
}

/** A harness whose bot runs on a clock the test moves. */
async function startWatching(env: Record<string, string> = {}) {
	const clock = testClock();
	const h = await startHarness({ RATE_LIMIT_ACTIONS: "100", ...env }, {}, { now: clock.now });
	return { h, clock };
}

/** The watch posts in a channel: messages the bot sent there itself, not interaction answers. */
function posts(h: Harness, channelId = CHANNEL): RecordedMessage[] {
	return h.discord.channelMessages(channelId).filter((m) => m.source === "channel");
}

/** Waits until the channel holds `count` watch posts, and returns the last. */
function postNumber(h: Harness, handle: InteractionHandle, count: number, channelId = CHANNEL) {
	return handle.waitUntil(() => {
		const all = posts(h, channelId);
		return all.length >= count ? all[count - 1] : undefined;
	}, 5_000);
}

const itemCalls = (h: Harness) => h.emu.stats.byEndpoint.v1 + h.emu.stats.byEndpoint.v2;
const titleOf = (embed: { title?: unknown } | undefined) => String(embed?.title).replace(/^\d+\. /, "");

describe("category watches, end to end through discord.js", () => {
	it("posts the first run at once, then only new products when the clock says it is due", async () => {
		const { h, clock } = await startWatching();
		const command = await h.command("watch", { cat_id: 1031910, sort: "sales", new_arrival: true });
		const answer = await settled(command);
		expect(answer).toMatchObject({ ephemeral: false, allowedMentions: { parse: [] } });
		expect(answer.content).toBe(
			"👁 Watching /category 1031910 sort:sales new\\_arrival every 24 h: I will post new ones here.",
		);
		const first = await postNumber(h, command, 1);
		expect(first.content).toMatch(/^👁 Watching .* The top products now:$/);
		expect(first.embeds).toHaveLength(5);
		expect(first.embeds.map((e) => String(e.title).split(".")[0])).toEqual(["1", "2", "3", "4", "5"]);
		expect(first.embeds[0]?.url).toMatch(/^https:\/\/detail\.1688\.com\//);
		expect(first.allowedMentions).toEqual({ parse: [] });
		expect(parts(first).map((p) => p.label)).toEqual(["Full list"]);

		// The full list opens page 1 of the query for whoever presses it, privately; the post stays.
		const press = await h.discord.pressButton({
			user: other,
			message: first,
			customId: customIdOf(first, "Full list"),
		});
		const page = await settled(press);
		expect(page).toMatchObject({ ephemeral: true, visibleTo: other.id });
		expect(page.content).toContain("Page 1 of");
		expect(page.embeds.map(titleOf)).toEqual(first.embeds.map(titleOf));
		expect(h.discord.message(first.id)?.edits).toBe(0);

		// Not due yet: no call, no post.
		const calls = itemCalls(h);
		clock.advance(23 * HOUR);
		expect(await h.bot.runWatchesNow()).toBe(0);
		expect(itemCalls(h)).toBe(calls);
		clock.advance(HOUR);
		h.emu.inject(newArrivalsFault(2));
		expect(await h.bot.runWatchesNow()).toBe(1);
		expect(itemCalls(h)).toBe(calls + 1);
		const second = posts(h).at(-1);
		expect(second?.content).toBe("🆕 2 new in /category 1031910 sort:sales new\\_arrival:");
		expect(second?.embeds.map(titleOf)).toEqual(["New arrival 1", "New arrival 2"]);
		// The same page a day later: nothing new, nothing posted.
		clock.advance(DAY);
		expect(await h.bot.runWatchesNow()).toBe(0);
		expect(posts(h)).toHaveLength(2);
		expect(posts(h, OTHER_CHANNEL)).toEqual([]);
		expect(h.discord.violations).toEqual([]);
	});

	it("lists the channel's watches and removes them by button and by /unwatch", async () => {
		const { h } = await startWatching();
		await settled(await h.command("watch", { cat_id: 1031910 }));
		await settled(await h.command("watch", { cat_id: 201149004, every: "12h" }));
		await settled(await h.command("watch", { cat_id: 127380009, sort: "sales", every: "6h" }));
		const again = await settled(await h.command("watch", { cat_id: 1031910 }, other));
		expect(again).toMatchObject({ ephemeral: true, visibleTo: other.id });
		expect(again.content).toBe("This channel already watches /category 1031910: it is number 1 in /watches.");

		const list = await settled(await h.command("watches"));
		expect(list.ephemeral).toBe(false);
		const lines = list.content.split("\n");
		expect(lines[0]).toBe("**👁 This channel's watches (3 of 10)**");
		expect(lines.slice(1)).toEqual([
			expect.stringMatching(/^1\. \/category 1031910 · every 24 h · next in 24 h · 20 new · 1 min ago$/),
			expect.stringMatching(/^2\. \/category 201149004 · every 12 h · next in 12 h · \d+ new · 1 min ago$/),
			expect.stringMatching(/^3\. \/category 127380009 sort:sales · every 6 h · next in 6 h · /),
		]);
		expect(parts(list).map((p) => p.label)).toEqual(["✖ Remove 1", "✖ Remove 2", "✖ Remove 3"]);

		// Any member may remove one; the list updates in place and the remover is told privately.
		const remove = await h.discord.pressButton({
			user: other,
			message: list,
			customId: customIdOf(list, "✖ Remove 2"),
		});
		const updated = await messageWhen(h.discord, remove, list.id, (m) => m.content.includes("(2 of 10)"));
		expect(updated.content).not.toContain("201149004");
		expect(parts(updated).map((p) => p.label)).toEqual(["✖ Remove 1", "✖ Remove 2"]);
		const told = await remove.waitUntil((r) => r.followups.at(-1), 5_000);
		expect(told).toMatchObject({ ephemeral: true, visibleTo: other.id });
		expect(told.content).toBe("Stopped watching /category 201149004.");

		const unwatched = await settled(await h.command("unwatch", { n: 1 }));
		expect(unwatched).toMatchObject({ ephemeral: false, content: "Stopped watching /category 1031910." });
		const missing = await settled(await h.command("unwatch", { n: 7 }));
		expect(missing).toMatchObject({ ephemeral: true, content: "There is no watch 7 here: see /watches." });
		const left = await settled(await h.command("watches"));
		expect(left.content.split("\n").slice(1)).toEqual([
			expect.stringMatching(/^1\. \/category 127380009 sort:sales · every 6 h/),
		]);
		// A stale button of the old list now names a watch that is gone: said, not an error.
		const stale = await h.discord.pressButton({
			user: asker,
			message: updated,
			customId: customIdOf(updated, "✖ Remove 2"),
		});
		expect(await messageWhen(h.discord, stale, list.id, (m) => m.content.includes("(1 of 10)"))).toBeTruthy();
		expect((await stale.waitUntil((r) => r.followups.at(-1), 5_000)).content).toBe(
			"There is no watch 2 here: see /watches.",
		);

		const empty = await settled(await h.command("watches", {}, asker, OTHER_CHANNEL));
		expect(empty.content).toBe(
			"**👁 This channel's watches (0 of 10)**\nNo watches here yet: start one with /watch 1031910 new\\_arrival sort:sales.",
		);
		expect(empty.components).toEqual([]);
		expect(h.discord.violations).toEqual([]);
	});

	it("refuses watches more often than WATCH_MIN_HOURS and answers in DMs that watches belong to a channel", async () => {
		const { h } = await startWatching({ WATCH_MIN_HOURS: "12" });
		const tooOften = await settled(await h.command("watch", { cat_id: 1031910, every: "6h" }));
		expect(tooOften).toMatchObject({ ephemeral: true });
		expect(tooOften.content).toContain("Watches run at most every 12 h: use every:12h or more");
		expect(posts(h)).toEqual([]);
		await registerCommands({
			token: h.discord.token,
			applicationId: h.discord.applicationId,
			apiBase: h.discord.apiBase,
			logger: h.bot.logger,
		});
		for (const name of ["watch", "watches", "unwatch"]) {
			const options =
				name === "watch"
					? [{ name: "cat_id", type: 4, value: 1031910 }]
					: name === "unwatch"
						? [{ name: "n", type: 4, value: 1 }]
						: [];
			const dm = await settled(await h.discord.runCommand({ channelId: DM, user: asker, name, options }));
			expect(dm).toMatchObject({
				ephemeral: true,
				content: "Watches belong to a server channel: use /watch in one.",
			});
		}
		expect(h.discord.violations).toEqual([]);
	});

	it("skips a run when the daily budget is spent and says so in /watches", async () => {
		const { h, clock } = await startWatching({ BUDGET_DAILY: "1" });
		const first = await h.command("watch", { cat_id: 1031910 });
		await settled(first);
		await postNumber(h, first, 1);
		const skipped = await settled(await h.command("watch", { cat_id: 201149004 }));
		expect(skipped.content).toContain("Watching /category 201149004");
		const list = await settled(await h.command("watches"));
		expect(list.content.split("\n")[2]).toBe(
			"2. /category 201149004 · every 24 h · next in 24 h · skipped 1 min ago: daily budget spent, retrying next time",
		);
		expect(posts(h)).toHaveLength(1);
		// The next day has a budget again: one call, taken by the first due watch.
		await settled(await h.command("unwatch", { n: 1 }));
		clock.advance(DAY);
		expect(await h.bot.runWatchesNow()).toBe(1);
		expect(posts(h).at(-1)?.content).toMatch(/^🆕 \d+ new in \/category 201149004:$/);
		expect(h.discord.violations).toEqual([]);
	});

	it("pauses a channel's watches when the bot can no longer post there (50001), until a watch command", async () => {
		const { h, clock } = await startWatching();
		const command = await h.command("watch", { cat_id: 1031910 });
		await postNumber(h, command, 1);
		const channelPosts = () =>
			h.discord.requests.filter((r) => r.method === "POST" && r.path === `/channels/${CHANNEL}/messages`)
				.length;
		h.discord.failNext((r) => r.method === "POST" && r.path === `/channels/${CHANNEL}/messages`, {
			status: 403,
			body: { code: 50001, message: "Missing Access" },
		});
		clock.advance(DAY);
		h.emu.inject(newArrivalsFault(1));
		expect(await h.bot.runWatchesNow()).toBe(0);
		const attempts = channelPosts();
		const calls = itemCalls(h);
		// Paused: later runs neither read the upstream page nor try to post.
		clock.advance(DAY);
		h.emu.inject(newArrivalsFault(2, { base: 910_000_000_000 }));
		expect(await h.bot.runWatchesNow()).toBe(0);
		expect([channelPosts(), itemCalls(h)]).toEqual([attempts, calls]);
		expect(posts(h)).toHaveLength(1);
		expect(h.logs()).toContain("watches paused: the bot cannot post in this place");

		// Any watch command from the channel resumes its watches; the next due run posts again.
		const list = await settled(await h.command("watches"));
		expect(list.content).toContain("1. /category 1031910");
		expect(await h.bot.runWatchesNow()).toBe(1);
		expect(posts(h).at(-1)?.content).toMatch(/^🆕 \d+ new in \/category 1031910:$/);
		expect(h.discord.violations).toEqual([]);
	});

	it("pauses them too when the first post finds the channel gone (10003)", async () => {
		const { h, clock } = await startWatching();
		h.discord.failNext((r) => r.method === "POST" && r.path === `/channels/${CHANNEL}/messages`, {
			status: 404,
			body: { code: 10003, message: "Unknown Channel" },
		});
		const command = await h.command("watch", { cat_id: 1031910 });
		expect((await settled(command)).content).toContain("Watching /category 1031910");
		// The post follows the answer: wait until its failure has paused the channel.
		await command.waitUntil(
			() => h.logs().includes("watches paused: the bot cannot post in this place"),
			5_000,
		);
		const calls = itemCalls(h);
		clock.advance(DAY);
		expect(await h.bot.runWatchesNow()).toBe(0);
		expect(itemCalls(h)).toBe(calls);
		expect(posts(h)).toEqual([]);
	});

	it("keeps the watches and their schedule across a restart", async () => {
		const { h, clock } = await startWatching();
		const command = await h.command("watch", { cat_id: 1031910, every: "12h" });
		const first = await postNumber(h, command, 1);
		await h.restart();
		clock.advance(11 * HOUR);
		expect(await h.bot.runWatchesNow()).toBe(0);
		const list = await settled(await h.command("watches"));
		expect(list.content.split("\n")[1]).toMatch(
			/^1\. \/category 1031910 · every 12 h · next in (60 min|1 h) · 20 new · 11 h ago$/,
		);
		clock.advance(HOUR);
		h.emu.inject(newArrivalsFault(3));
		expect(await h.bot.runWatchesNow()).toBe(1);
		const second = posts(h).at(-1);
		expect(second?.content).toBe("🆕 3 new in /category 1031910:");
		expect(second?.embeds.map(titleOf)).toEqual(["New arrival 1", "New arrival 2", "New arrival 3"]);
		expect(second?.embeds.map(titleOf)).not.toContain(titleOf(first.embeds[0]));
		expect(h.discord.violations).toEqual([]);
	});
});
