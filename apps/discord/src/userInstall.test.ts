import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { customIdOf, messageWhen, parts, settled } from "./test-support/components.js";
import { asker, other, startHarness } from "./test-support/harness.js";
import { UPDATE } from "./test-support/responses.js";
import { save } from "./test-support/shortlist.js";
import {
	CHANNEL_OF,
	ELSEWHERE,
	type Elsewhere,
	expectOnlyInteractions,
	registerGlobally,
	runElsewhere,
} from "./test-support/userInstall.js";

/**
 * A user who added the app to their account uses it where the bot is not a member: a server it was never
 * added to, a group DM, a DM with someone else. There the fake refuses every channel request (403), so any
 * post that does not go through the interaction fails these tests.
 */
describe("the Discord bot through a user install, where it is not a member", () => {
	it.each<Elsewhere>(["server", "group-dm"])(
		"answers /category in a %s, pages in place and privately, and shares through the interaction",
		async (where) => {
			const h = await startHarness();
			await registerGlobally(h);
			const channelId = CHANNEL_OF[where];
			const command = await runElsewhere(h, where, "category", { cat_id: 1031910 });
			expect(command.payload).toMatchObject({
				context: where === "server" ? 0 : 2,
				authorizing_integration_owners: { "1": asker.id },
			});
			expect(command.payload.guild_id).toBe(where === "server" ? ELSEWHERE : undefined);
			const results = await settled(command);
			expect(results).toMatchObject({ ephemeral: false, channelId });
			expect(results.content).toContain("Page 1 of 28");
			expect(results.embeds).toHaveLength(5);

			// The asker's press turns their own message; anyone else's opens that page privately.
			const next = await h.discord.pressButton({
				user: asker,
				message: results,
				customId: customIdOf(results, "▶"),
			});
			expect((await next.response()).type).toBe(UPDATE);
			const moved = await messageWhen(h.discord, next, results.id, (m) => m.content.includes("Page 2 of 28"));
			const last = await h.discord.pressButton({
				user: other,
				message: moved,
				customId: customIdOf(moved, "⏭"),
			});
			expect(last.payload).toMatchObject({ authorizing_integration_owners: { "1": asker.id } });
			const privatePage = await settled(last);
			expect(privatePage).toMatchObject({ ephemeral: true, visibleTo: other.id, channelId });
			expect(privatePage.content).toContain("Page 28 of 28");

			const share = await h.discord.pressButton({
				user: other,
				message: privatePage,
				customId: customIdOf(privatePage, "Share"),
			});
			const shared = await settled(share);
			expect(shared).toMatchObject({ ephemeral: false, channelId, source: "interaction-response" });
			expect(shared.content).toContain("Page 28 of 28");
			expect(parts(shared).map((p) => p.label)).not.toContain("📣 Share to channel");

			const privateAnswer = await settled(
				await runElsewhere(h, where, "category", { cat_id: 1031910, private: true }),
			);
			expect(privateAnswer).toMatchObject({ ephemeral: true, visibleTo: asker.id, channelId });
			const messages = expectOnlyInteractions(h, channelId);
			expect(messages.map((m) => m.id)).toEqual(
				expect.arrayContaining([results.id, shared.id, privateAnswer.id]),
			);
		},
	);

	it("keeps a shortlist per private channel, apart from every server channel, and exports through the interaction", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		await registerGlobally(h);
		const results = await settled(await runElsewhere(h, "group-dm", "category", { cat_id: 1031910 }));
		const saved = await save(h, results, 1);
		expect(saved.answer).toMatchObject({
			ephemeral: true,
			visibleTo: asker.id,
			content: "☆ Saved to this channel's shortlist (1 of 500).",
		});
		// Anyone in the group DM sees the same list; the DM with someone else has its own, empty one.
		const list = await settled(await runElsewhere(h, "group-dm", "shortlist", {}, other));
		expect(list.embeds).toHaveLength(1);
		expect(list.embeds[0]?.title).toBe(results.embeds[0]?.title);
		const elsewhere = await settled(await runElsewhere(h, "dm", "shortlist"));
		expect(elsewhere.embeds).toEqual([]);

		const exported = await runElsewhere(h, "group-dm", "export", { cat_id: 1031910, pages: 1 });
		const done = await exported.waitUntil((handle) => {
			const message = handle.original;
			return message && !message.loading && message.attachments.length > 0 ? message : undefined;
		}, 8_000);
		expect(done.content).toContain("✅");
		const upload = h.discord.requests.filter((r) => r.files.length > 0).at(-1);
		expect(upload?.path).toMatch(/^\/webhooks\//);
		expect(parse(upload?.files[0]?.data ?? "", { bom: true, columns: true })).toHaveLength(20);
		expectOnlyInteractions(h, CHANNEL_OF["group-dm"]);
		expectOnlyInteractions(h, CHANNEL_OF.dm);
	});
});
