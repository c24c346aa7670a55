import { describe, expect, it } from "vitest";
import { registerCommands } from "./register.js";
import { parts, selectMenu, settled } from "./test-support/components.js";
import { asker, OTHER_CHANNEL, other, startHarness } from "./test-support/harness.js";
import { DEFER, DEFER_UPDATE, DM } from "./test-support/responses.js";
import { save, titleOf } from "./test-support/shortlist.js";

describe("the channel's shortlist, end to end through discord.js", () => {
	it("keeps the list across a restart (SQLite), and only in its own channel", async () => {
		const h = await startHarness();
		const results = await settled(await h.category({ cat_id: 1031910 }));
		await save(h, results, 1);
		await h.restart();

		const list = await settled(await h.shortlist());
		expect(list.embeds.map((e) => titleOf(e.title))).toEqual([titleOf(results.embeds[0]?.title)]);
		// The old menu still works: the new process has no cached page, so it defers privately and pays once.
		const later = await save(h, results, 2);
		expect((await later.handle.response()).type).toBe(DEFER);
		expect(later.answer).toMatchObject({
			ephemeral: true,
			content: "☆ Saved to this channel's shortlist (2 of 500).",
		});

		const elsewhere = await settled(await h.shortlist({}, asker, OTHER_CHANNEL));
		expect(elsewhere.content).toBe(
			"**☆ This channel's shortlist**\nNothing saved here yet: press ☆ Save on a card.",
		);
		expect(elsewhere.embeds).toEqual([]);
		const empty = await settled(await h.shortlist({ export: true }, asker, OTHER_CHANNEL));
		expect(empty.content).toBe("Nothing saved here yet: press ☆ Save on a card.");
		expect(empty.attachments).toEqual([]);

		expect(h.discord.violations).toEqual([]);
	});

	it("answers in DMs that the shortlist belongs to a server channel, and offers no save menu there", async () => {
		const h = await startHarness();
		// Registered globally too, as in production, so that the command exists in DMs.
		await registerCommands({
			token: h.discord.token,
			applicationId: h.discord.applicationId,
			apiBase: h.discord.apiBase,
			logger: h.bot.logger,
		});
		const dm = await settled(await h.discord.runCommand({ channelId: DM, user: asker, name: "shortlist" }));
		expect(dm).toMatchObject({
			ephemeral: true,
			content: "The shortlist belongs to a server channel: use /shortlist in one.",
		});
		const results = await settled(
			await h.discord.runCommand({
				channelId: DM,
				user: asker,
				name: "category",
				options: [{ name: "cat_id", type: 4, value: 1031910 }],
			}),
		);
		expect(results.embeds).toHaveLength(5);
		expect(parts(results).filter((p) => p.type === 3)).toEqual([]);
		expect(h.discord.violations).toEqual([]);
	});

	it("counts a save against the rate limit like any action, and tells the user privately", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "3" });
		const results = await settled(await h.category({ cat_id: 1031910 }));
		await save(h, results, 1);
		await save(h, results, 2);
		const refused = await save(h, results, 3);
		expect(refused.answer).toMatchObject({ ephemeral: true, visibleTo: asker.id });
		expect(refused.answer.content).toMatch(/try again/i);
		// Repeated presses within the window are acknowledged quietly, with no new message.
		const quiet = await h.discord.selectMenu({
			user: asker,
			message: results,
			customId: selectMenu(results, "v|").custom_id,
			values: ["4"],
		});
		expect((await quiet.response()).type).toBe(DEFER_UPDATE);
		const list = await settled(await h.shortlist({}, other));
		expect(list.embeds).toHaveLength(2);
	});
});
