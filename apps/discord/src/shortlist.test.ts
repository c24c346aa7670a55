import type { FakeUser, RecordedMessage } from "@catbot/fake-discord";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { registerCommands } from "./register.js";
import { customIdOf, messageWhen, parts, selectMenu, settled } from "./test-support/components.js";
import {
	asker,
	CHANNEL,
	GUILD,
	type Harness,
	OTHER_CHANNEL,
	other,
	startHarness,
} from "./test-support/harness.js";

const UPDATE = 7;
const DEFER = 5;
const DEFER_UPDATE = 6;
const DM = "830000000000000001";

/** A card's title without its "12. " position, as results and the shortlist both show it. */
const titleOf = (title: unknown) => String(title).replace(/^\d+\. /, "");

/** Picks card `position` in a results message's "Save a card…" menu, and waits for the private answer. */
async function save(h: Harness, results: RecordedMessage, position: number, user: FakeUser = asker) {
	const menu = selectMenu(results, "v|");
	const handle = await h.discord.selectMenu({
		user,
		message: results,
		customId: menu.custom_id,
		values: [String(position)],
	});
	return { handle, answer: await settled(handle) };
}

/** The action log lines the engine wrote for `action`, parsed. */
function actionLines(h: Harness, action: string): Record<string, unknown>[] {
	return h
		.logs()
		.split("\n")
		.filter((line) => line.includes(`"action":"${action}"`))
		.map((line) => JSON.parse(line) as Record<string, unknown>);
}

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
