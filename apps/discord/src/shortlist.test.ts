import type { FakeUser } from "@catbot/fake-discord";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { customIdOf, messageWhen, parts, selectMenu, settled } from "./test-support/components.js";
import { asker, CHANNEL, GUILD, other, startHarness } from "./test-support/harness.js";
import { DEFER, UPDATE } from "./test-support/responses.js";
import { actionLines, save, titleOf } from "./test-support/shortlist.js";

describe("the channel's shortlist, end to end through discord.js", () => {
	it("saves a card from the results' menu privately, once, without a paid call", async () => {
		const h = await startHarness();
		const results = await settled(await h.category({ cat_id: 1031910, sort: "sales" }));
		const menu = selectMenu(results, "v|");
		expect(menu.placeholder).toBe("☆ Save a card…");
		expect(menu.options.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5"]);
		for (const option of menu.options) expect(option.label.length).toBeLessThanOrEqual(100);
		expect(menu.options[1]?.label).toMatch(/^2\. /);
		const before = h.discord.message(results.id);
		const paid = h.emu.stats.requests;

		const first = await save(h, results, 2);
		expect(first.answer).toMatchObject({
			ephemeral: true,
			visibleTo: asker.id,
			content: "☆ Saved to this channel's shortlist (1 of 500).",
		});
		const second = await save(h, results, 2, other);
		expect(second.answer).toMatchObject({ ephemeral: true, visibleTo: other.id });
		expect(second.answer.content).toMatch(
			/^Already on the shortlist: saved by asker on \d{1,2} \w{3} \d{4}\.$/,
		);
		// The page was cached: saving cost no paid call, and the results message did not change.
		expect(h.emu.stats.requests).toBe(paid);
		const after = h.discord.message(results.id);
		expect([after?.content, after?.embeds, after?.components]).toEqual([
			before?.content,
			before?.embeds,
			before?.components,
		]);

		const list = await settled(await h.shortlist());
		expect(list.ephemeral).toBe(false);
		const mine = await settled(await h.shortlist({ private: true }, other));
		expect(mine).toMatchObject({ ephemeral: true, visibleTo: other.id });
		expect(mine.embeds.map((e) => e.title)).toEqual(list.embeds.map((e) => e.title));
		expect(list.embeds).toHaveLength(1);
		expect(titleOf(list.embeds[0]?.title)).toBe(titleOf(results.embeds[1]?.title));
		expect(list.embeds[0]?.description).toContain("saved by asker");
		expect(list.allowedMentions).toMatchObject({ parse: [] });
		expect(actionLines(h, "shortlist-save").map((l) => l.result)).toEqual(["saved", "exists"]);
		expect(h.discord.violations).toEqual([]);
	});

	it("lists newest first with saver and price, pages, and lets anyone remove a card", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		const page1 = await settled(await h.category({ cat_id: 1031910, sort: "sales" }));
		for (const position of [1, 2, 3, 4]) await save(h, page1, position);
		const turn = await h.discord.pressButton({
			user: asker,
			message: page1,
			customId: customIdOf(page1, "▶"),
		});
		const page2 = await messageWhen(h.discord, turn, page1.id, (m) => m.content.includes("Page 2 of 28"));
		await save(h, page2, 6, other);
		await save(h, page2, 7, other);
		const savedTitles = [
			...[0, 1, 2, 3].map((i) => titleOf(page1.embeds[i]?.title)),
			...[0, 1].map((i) => titleOf(page2.embeds[i]?.title)),
		];

		const list = await settled(await h.shortlist());
		expect(list.content).toBe("**☆ This channel's shortlist** · Page 1 of 2");
		expect(list.embeds.map((e) => titleOf(e.title))).toEqual(savedTitles.slice(1).reverse());
		expect(list.embeds.map((e) => String(e.title).split(".")[0])).toEqual(["1", "2", "3", "4", "5"]);
		const newest = list.embeds[0];
		expect(newest?.url).toMatch(/^https:\/\/detail\.1688\.com\//);
		expect(newest?.thumbnail).toMatchObject({ url: expect.stringMatching(/^https:\/\//) });
		expect(newest?.description).toMatch(/💰 \*\*¥[\d,.]+ when saved\*\*/);
		expect(newest?.description).toMatch(/☆ saved by other · \d{1,2} \w{3}/);
		expect(list.embeds[2]?.description).toContain("saved by asker");
		expect(parts(list).map((p) => [p.label, p.disabled ?? false])).toEqual([
			["⏮", true],
			["◀", true],
			["1/2", true],
			["▶", false],
			["⏭", false],
			["✖ 1", false],
			["✖ 2", false],
			["✖ 3", false],
			["✖ 4", false],
			["✖ 5", false],
		]);

		const next = await h.discord.pressButton({ user: other, message: list, customId: customIdOf(list, "▶") });
		expect((await next.response()).type).toBe(UPDATE);
		const second = await messageWhen(h.discord, next, list.id, (m) => m.content.includes("Page 2 of 2"));
		expect(second.embeds.map((e) => titleOf(e.title))).toEqual([savedTitles[0]]);
		expect(String(second.embeds[0]?.title)).toMatch(/^6\. /);
		expect(parts(second).map((p) => p.label)).toContain("✖ 6");

		// Anyone may remove; the list shows again at the same page, or the last one there is.
		const remove = await h.discord.pressButton({
			user: other,
			message: second,
			customId: customIdOf(second, "✖ 6"),
		});
		const note = await remove.waitForFollowup();
		expect(note).toMatchObject({ ephemeral: true, visibleTo: other.id });
		expect(note.content).toMatch(/^Removed from the shortlist: .+\.$/);
		const shorter = await messageWhen(h.discord, remove, list.id, (m) => m.content.includes("Page 1 of 1"));
		expect(shorter.embeds.map((e) => titleOf(e.title))).toEqual(savedTitles.slice(1).reverse());
		const removed = actionLines(h, "shortlist-remove");
		expect(removed).toHaveLength(1);
		expect(removed[0]).toMatchObject({ user: other.id, result: "removed", outcome: "ok" });
		expect(removed[0]?.place).toBe(`discord:${GUILD}:${CHANNEL}`);

		// A second copy of the list still offers a card someone has just removed: it says so.
		const copy = await settled(await h.shortlist({}, asker));
		const first = await h.discord.pressButton({
			user: asker,
			message: shorter,
			customId: customIdOf(shorter, "✖ 1"),
		});
		await first.waitForFollowup();
		const stale = await h.discord.pressButton({
			user: asker,
			message: copy,
			customId: customIdOf(copy, "✖ 1"),
		});
		expect((await stale.waitForFollowup()).content).toBe("That card is not on the shortlist any more.");
		expect(h.discord.violations).toEqual([]);
	});

	it("exports the list as a spreadsheet-safe CSV, newest first, with who saved each", async () => {
		const sly: FakeUser = {
			id: "820000000000000003",
			username: "sly",
			globalName: "=HYPERLINK(1) @everyone",
		};
		const h = await startHarness();
		const results = await settled(await h.category({ cat_id: 1031910 }));
		await save(h, results, 1);
		await save(h, results, 3, sly);
		const list = await settled(await h.shortlist());
		expect(list.embeds[0]?.description).toContain("saved by =HYPERLINK(1) @\u200beveryone");

		const command = await h.shortlist({ export: true });
		expect((await command.response()).type).toBe(DEFER);
		const done = await settled(command);
		expect(done.content).toBe("✅ 2 saved cards.");
		const upload = h.discord.requests.filter((r) => r.files.length > 0).at(-1);
		const file = upload?.files[0];
		expect(file?.filename).toMatch(/^catbot-shortlist-\d{4}-\d{2}-\d{2}\.csv$/);
		const rows = parse(file?.data ?? "", { bom: true, columns: true }) as Record<string, string>[];
		expect(rows.map((r) => r.title)).toEqual([3, 1].map((n) => titleOf(results.embeds[n - 1]?.title)));
		expect(rows.map((r) => r.saved_by)).toEqual(["'=HYPERLINK(1) @everyone", "asker"]);
		expect(rows[0]).toMatchObject({ saved_by_id: sly.id, command: "/category 1031910" });
		expect(rows[0]?.price_when_saved).toMatch(/^\d+(\.\d+)?$/);
		expect(h.discord.violations).toEqual([]);
	});
});
