import { newArrivalsFault } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { settled } from "./test-support/components.js";
import { CHANNEL } from "./test-support/harness.js";
import { DAY, HOUR, itemCalls, postNumber, posts, startWatching, titleOf } from "./test-support/watches.js";

describe("category watches, end to end through discord.js", () => {
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
