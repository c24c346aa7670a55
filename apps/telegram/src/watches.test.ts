import type { BotMessage, Chat } from "@catbot/fake-telegram";
import { newArrivalsFault } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { buttonOf, press, pressData, sendCommand, waitForEdit } from "./test-support/chat.js";
import { type Harness, startHarness } from "./test-support/harness.js";
import { buttonRows, lastAnswer, titleAt } from "./test-support/shortlist.js";

const alice = { id: 1001, is_bot: false, first_name: "Alice" };
const HOUR = 3_600_000;
const WATCHING = "👁 Watching /category 1031910 sort:sales every 12 h: I will post new ones here.";

/** A clock the test moves; the bot's engine, limits and watches all read it. */
function testClock() {
	let at = Date.now();
	return { now: () => at, advance: (ms: number) => (at += ms) };
}

/** Starts the bot on a test clock; a frozen clock never ends a rate-limit window, so the limit is high. */
async function start(env: Record<string, string> = {}, watchIntervalMs?: number) {
	const clock = testClock();
	const h = await startHarness(
		{ RATE_LIMIT_ACTIONS: "100", ...env },
		{ now: clock.now, ...(watchIntervalMs ? { watchIntervalMs } : {}) },
	);
	return { h, clock };
}

const cardCount = (message: BotMessage) => message.text?.match(/^\d+\. /gm)?.length ?? 0;

function watchesCommand(h: Harness, chat: Chat): Promise<BotMessage> {
	return sendCommand(h.tg, chat, alice, "/watches");
}

describe("category watches on Telegram, end to end through telegraf", () => {
	it("posts the top cards at once, then only new products when the clock passes the interval", async () => {
		const { h, clock } = await start();
		const group = h.tg.group(-1004444444444, "Sourcing team");
		const before = h.tg.messages(group.id).length;
		const first = await sendCommand(h.tg, group, alice, "/watch 1031910 sort:sales every:12h");
		// One message: the first post says "watching" itself.
		expect(h.tg.messages(group.id)).toHaveLength(before + 1);
		expect(first.parse_mode).toBe("html");
		expect(first.text).toMatch(new RegExp(`^${WATCHING} The top products now:\\n`));
		expect(cardCount(first)).toBe(5);
		expect(first.text).toMatch(/^And \d+ more in the full list\.$/m);
		expect(first.text).toMatch(/^💰 /m);
		expect(buttonRows(first)).toEqual([["Full list"]]);
		expect(buttonOf(first, "Full list").callback_data).toMatch(/^p\|[\w-]+$/);

		// Not due yet: nothing runs, nothing is posted.
		clock.advance(11 * HOUR);
		expect(await h.bot.runWatchesNow()).toBe(0);
		clock.advance(HOUR);
		h.emu.inject(newArrivalsFault(2));
		const calls = h.emu.stats.requests;
		expect(await h.bot.runWatchesNow()).toBe(1);
		expect(h.emu.stats.requests - calls).toBe(1);
		const fresh = h.tg.messages(group.id).at(-1);
		if (!fresh) throw new Error("no post");
		expect(fresh.text).toMatch(/^🆕 2 new in \/category 1031910 sort:sales:\n/);
		expect(cardCount(fresh)).toBe(2);
		expect(titleAt(fresh, 1)).toBe("New arrival 1");
		expect(titleAt(fresh, 2)).toBe("New arrival 2");
		expect(fresh.text).not.toContain(titleAt(first, 1));
		expect(buttonRows(fresh)).toEqual([["Full list"]]);

		// The same page 12 h later: nothing new, no message.
		const count = h.tg.messages(group.id).length;
		clock.advance(12 * HOUR);
		expect(await h.bot.runWatchesNow()).toBe(0);
		expect(h.tg.messages(group.id)).toHaveLength(count);

		// "Full list" opens page 1 of the query in place, like any page button.
		await press(h.tg, group, alice, fresh, "Full list");
		const page = await waitForEdit(h.tg, group, fresh.message_id, 1);
		expect(page.text).toContain("/category 1031910 sort:sales");
		expect(buttonOf(page, "Next »")).toBeDefined();
	});

	it("lists the chat's watches with next run and last result; removes by button and by /unwatch", async () => {
		const { h } = await start();
		const group = h.tg.group(-1005555555555, "Buyers");
		const empty = await watchesCommand(h, group);
		expect(empty.text).toBe(
			"👁 This chat's watches (0 of 10)\n\nNo watches here yet: start one with /watch 1031910 new_arrival sort:sales.",
		);
		await sendCommand(h.tg, group, alice, "/watch 1031910");
		await sendCommand(h.tg, group, alice, "/watch 201149004 every:1d");
		const again = await sendCommand(h.tg, group, alice, "/watch 1031910");
		expect(again.text).toBe("This chat already watches /category 1031910: it is number 1 in /watches.");
		const list = await watchesCommand(h, group);
		const lines = list.text?.split("\n\n") ?? [];
		expect(lines[0]).toBe("👁 This chat's watches (2 of 10)");
		expect(lines[1]).toMatch(/^1\. \/category 1031910 · every 24 h · next in 24 h · \d+ new · 1 min ago$/);
		expect(lines[2]).toMatch(/^2\. \/category 201149004 · every 24 h · next in 24 h · \d+ new · 1 min ago$/);
		expect(buttonRows(list)).toEqual([["✖ Remove 1", "✖ Remove 2"]]);
		expect(list.reply_markup?.inline_keyboard.flat().map((b) => b.callback_data)).toEqual(["wr|1", "wr|2"]);

		await press(h.tg, group, alice, list, "✖ Remove 1");
		expect(lastAnswer(h)).toMatchObject({ show_alert: false, text: "Stopped watching /category 1031910." });
		const after = await waitForEdit(h.tg, group, list.message_id, 1);
		expect(after.text).toMatch(/^👁 This chat's watches \(1 of 10\)\n\n1\. \/category 201149004 · /);
		expect(buttonRows(after)).toEqual([["✖ Remove 1"]]);

		const removed = await sendCommand(h.tg, group, alice, "/unwatch 1");
		expect(removed.text).toBe("Stopped watching /category 201149004.");
		const missing = await sendCommand(h.tg, group, alice, "/unwatch 1");
		expect(missing.text).toBe("There is no watch 1 here: see /watches.");
		const bad = await sendCommand(h.tg, group, alice, "/unwatch x");
		expect(bad.text).toContain("/unwatch 2");

		// A stale ✖ (the watch is gone) answers with a toast; garbled data is refused before it counts.
		await pressData(h.tg, group, alice, after, "wr|1");
		expect(lastAnswer(h)).toMatchObject({ text: "There is no watch 1 here: see /watches." });
		for (const data of ["wr|0", "wr|1001", "wr|01", "wr|1|x", "wr|", "wr|-1"]) {
			await pressData(h.tg, group, alice, after, data);
			expect(lastAnswer(h)).toMatchObject({
				show_alert: true,
				text: expect.stringContaining("no longer valid"),
			});
		}
	});

	it("is in the command menu and /help", async () => {
		const { h } = await start();
		const menu = await h.tg.waitForCall("setMyCommands");
		const names = (menu.params.commands as { command: string }[]).map((c) => c.command);
		expect(names).toEqual(expect.arrayContaining(["watch", "watches", "unwatch"]));
		const help = await sendCommand(h.tg, h.tg.privateChat(alice.id), alice, "/help");
		expect(help.text).toContain("/watch 1031910 new_arrival sort:sales every:12h");
		expect(help.text).toContain("/unwatch 2");
		const refused = await sendCommand(h.tg, h.tg.privateChat(alice.id), alice, "/watch 1031910 page:2");
		expect(refused.text).toContain("A watch checks the first page of results: leave out page: and size:");
	});

	it("skips a run when the daily budget is spent and says so in /watches", async () => {
		const { h } = await start({ BUDGET_DAILY: "1" });
		const chat = h.tg.privateChat(alice.id);
		const first = await sendCommand(h.tg, chat, alice, "/watch 1031910");
		expect(cardCount(first)).toBe(5);
		const second = await sendCommand(h.tg, chat, alice, "/watch 201149004");
		// No post: only the "watching" line.
		expect(second.text).toBe("👁 Watching /category 201149004 every 24 h: I will post new ones here.");
		expect(second.reply_markup).toBeUndefined();
		const list = await watchesCommand(h, chat);
		expect(list.text?.split("\n\n")[2]).toBe(
			"2. /category 201149004 · every 24 h · next in 24 h · skipped 1 min ago: daily budget spent, retrying next time",
		);
	});

	it("pauses the watches of a chat the bot was removed from (403) and posts there no more", async () => {
		const { h, clock } = await start();
		const kicked = h.tg.group(-1006666666666, "Old team");
		const stays = h.tg.group(-1007777777777, "New team");
		await sendCommand(h.tg, kicked, alice, "/watch 1031910 every:12h");
		await sendCommand(h.tg, stays, alice, "/watch 1031910 every:12h");
		const kickedCount = h.tg.messages(kicked.id).length;
		const staysCount = h.tg.messages(stays.id).length;

		clock.advance(12 * HOUR);
		h.emu.inject(newArrivalsFault(2));
		// The older watch's post is sent first: the kicked chat's.
		h.tg.failNext("sendMessage", {
			error_code: 403,
			description: "Forbidden: bot was kicked from the group chat",
		});
		expect(await h.bot.runWatchesNow()).toBe(1);
		expect(h.tg.messages(stays.id)).toHaveLength(staysCount + 1);
		expect(h.tg.messages(kicked.id)).toHaveLength(kickedCount);
		expect(h.logs()).toContain("watches paused: the bot cannot post in this place");

		clock.advance(12 * HOUR);
		h.emu.inject(newArrivalsFault(3, { base: 910_000_000_000 }));
		expect(await h.bot.runWatchesNow()).toBe(1);
		expect(h.tg.messages(stays.id).at(-1)?.text).toMatch(/^🆕 3 new in \/category 1031910:/);
		// Paused: not even tried.
		const tries = h.tg.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === kicked.id);
		expect(tries).toHaveLength(2);
		expect(h.tg.messages(kicked.id)).toHaveLength(kickedCount);

		// Added back, any watch command resumes the chat's watches.
		const list = await watchesCommand(h, kicked);
		expect(list.text).toMatch(/^1\. \/category 1031910 · every 12 h · next (due now|in \d+ min) · /m);
	});

	it("runs due watches on the scheduler's own timer, started with the bot", async () => {
		const { h, clock } = await start({}, 1_000);
		const chat = h.tg.privateChat(alice.id);
		await sendCommand(h.tg, chat, alice, "/watch 1031910 every:6h");
		const before = h.tg.messages(chat.id).length;
		h.emu.inject(newArrivalsFault(1));
		clock.advance(6 * HOUR);
		await h.tg.waitForCall("sendMessage", () => h.tg.messages(chat.id).length > before, 5_000);
		expect(h.tg.messages(chat.id).at(-1)?.text).toMatch(/^🆕 1 new in \/category 1031910:/);
	});

	it("keeps the watches and their schedule across a restart", async () => {
		const { h, clock } = await start();
		const group = h.tg.group(-1008888888888, "Buyers");
		await sendCommand(h.tg, group, alice, "/watch 1031910 sort:sales every:12h");
		clock.advance(2 * HOUR);
		const bot = await h.restart();
		expect(await bot.runWatchesNow()).toBe(0);
		const list = await watchesCommand(h, group);
		expect(list.text?.split("\n\n")[1]).toMatch(
			/^1\. \/category 1031910 sort:sales · every 12 h · next in 10 h · \d+ new · 2 h ago$/,
		);
		clock.advance(10 * HOUR);
		h.emu.inject(newArrivalsFault(1));
		expect(await bot.runWatchesNow()).toBe(1);
		const post = h.tg.messages(group.id).at(-1);
		expect(post?.text).toMatch(/^🆕 1 new in \/category 1031910 sort:sales:\n/);
		expect(post && titleAt(post, 1)).toBe("New arrival 1");
	});
});
