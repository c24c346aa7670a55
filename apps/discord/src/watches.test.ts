import { newArrivalsFault } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { registerCommands } from "./register.js";
import { customIdOf, messageWhen, parts, settled } from "./test-support/components.js";
import { asker, OTHER_CHANNEL, other } from "./test-support/harness.js";
import { DM } from "./test-support/responses.js";
import { DAY, HOUR, itemCalls, postNumber, posts, startWatching, titleOf } from "./test-support/watches.js";

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
});
