import { existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buttonOf, lastMessage, press, pressData, sendCommand, waitForEdit } from "./test-support/chat.js";
import { startHarness } from "./test-support/harness.js";
import {
	buttonRows,
	current,
	lastAnswer,
	pressSave,
	saveCard,
	shortlistCommand,
	titleAt,
} from "./test-support/shortlist.js";

const alice = { id: 1001, is_bot: false, first_name: "Alice" };
const bob = { id: 1002, is_bot: false, first_name: "Bob" };
const SAVED_BY = (name: string) => new RegExp(`saved by ${name} · \\d{1,2} [A-Z][a-z]{2}$`, "m");

describe("the team shortlist on Telegram, end to end through telegraf", () => {
	it("saves the opened card with a toast, once per product, without a paid call", async () => {
		const h = await startHarness();
		const group = h.tg.group(-1001111111111, "Sourcing team");
		const list = await sendCommand(h.tg, group, alice, "/category 1031910");
		const paid = h.emu.stats.requests;
		await press(h.tg, group, alice, list, "🔍 2");
		const card = await waitForEdit(h.tg, group, list.message_id, 1);
		const save = buttonOf(card, "☆ Save");
		expect(save.callback_data).toMatch(/^v2\|[\w-]+$/);
		expect(Buffer.byteLength(save.callback_data ?? "")).toBeLessThanOrEqual(64);
		const messages = h.tg.messages(group.id).length;

		await press(h.tg, group, alice, card, "☆ Save");
		expect(lastAnswer(h)).toMatchObject({
			show_alert: false,
			text: "☆ Saved to this chat's shortlist (1 of 500).",
		});
		await press(h.tg, group, bob, card, "☆ Save");
		expect(lastAnswer(h).show_alert).toBe(false);
		expect(lastAnswer(h).text).toMatch(/^Already on the shortlist: saved by Alice on \d{1,2} \w{3} \d{4}\.$/);
		// Toasts only: a busy group gets no new message, and the cached page costs no paid call.
		expect(h.tg.messages(group.id)).toHaveLength(messages);
		expect(h.emu.stats.requests).toBe(paid);

		const shortlist = await shortlistCommand(h, group, bob);
		expect(shortlist.parse_mode).toBe("html");
		expect(shortlist.text).toMatch(/^☆ This chat's shortlist\n1\/500 · Page 1 of 1\n/);
		expect(titleAt(shortlist, 1)).toBe(titleAt(list, 2));
		expect(shortlist.text).toMatch(/^💰 ¥[\d.,]+ when saved( · MOQ .+)?$/m);
		expect(shortlist.text).toMatch(SAVED_BY("Alice"));
		expect(shortlist.text?.match(/^\d+\. /gm)).toHaveLength(1);
		expect(buttonRows(shortlist)).toEqual([["✖ 1"]]);
		expect(h.emu.stats.requests).toBe(paid);
		const actions = h
			.logs()
			.split("\n")
			.filter((line) => line.includes('"action":"shortlist-save"'));
		expect(actions.map((line) => JSON.parse(line).result)).toEqual(["saved", "exists"]);
	});

	it("lists newest first with who saved each, pages in place, and removes in place", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		const group = h.tg.group(-1002222222222, "Buyers");
		const list = await sendCommand(h.tg, group, alice, "/category 1031910 size:10");
		for (const position of [1, 2, 3, 4, 5, 6]) {
			const answer = await pressSave(h, group, position % 2 === 0 ? bob : alice, list, position);
			expect(answer.text).toBe(`☆ Saved to this chat's shortlist (${position} of 500).`);
		}
		const page1 = await shortlistCommand(h, group, alice);
		expect(page1.text).toContain("6/500 · Page 1 of 2");
		// Newest first: the sixth card saved is the first on the list.
		for (const [entry, position] of [6, 5, 4, 3, 2].entries()) {
			expect(titleAt(page1, entry + 1)).toBe(titleAt(list, position));
		}
		const [first] = page1.text?.split("\n\n").slice(1) ?? [];
		expect(first).toMatch(SAVED_BY("Bob"));
		expect(buttonRows(page1)).toEqual([
			["✖ 1", "✖ 2", "✖ 3", "✖ 4", "✖ 5"],
			["1/2", "Next »"],
		]);
		for (const b of page1.reply_markup?.inline_keyboard.flat() ?? []) {
			expect(b.callback_data).toMatch(/^(rm1\|\d{1,25}|sl\|2|n)$/);
		}

		await press(h.tg, group, bob, page1, "Next »");
		const page2 = await waitForEdit(h.tg, group, page1.message_id, 1);
		expect(page2.text).toContain("Page 2 of 2");
		expect(titleAt(page2, 6)).toBe(titleAt(list, 1));
		expect(page2.text).toMatch(SAVED_BY("Alice"));
		expect(buttonRows(page2)).toEqual([["✖ 6"], ["« Prev", "2/2"]]);
		await press(h.tg, group, bob, page2, "« Prev");
		const back = await waitForEdit(h.tg, group, page1.message_id, 2);
		expect(back.text).toContain("Page 1 of 2");

		const removeData = buttonOf(back, "✖ 1").callback_data ?? "";
		await press(h.tg, group, bob, back, "✖ 1");
		expect(lastAnswer(h)).toMatchObject({ show_alert: false });
		expect(lastAnswer(h).text).toMatch(/^Removed from the shortlist: .+\.$/);
		const after = await waitForEdit(h.tg, group, page1.message_id, 3);
		expect(after.text).toContain("5/500 · Page 1 of 1");
		expect(titleAt(after, 1)).toBe(titleAt(list, 5));
		expect(buttonRows(after)).toEqual([["✖ 1", "✖ 2", "✖ 3", "✖ 4", "✖ 5"]]);
		const removal = h
			.logs()
			.split("\n")
			.find((line) => line.includes('"action":"shortlist-remove"'));
		expect(JSON.parse(removal ?? "{}")).toMatchObject({
			user: String(bob.id),
			place: `telegram:${group.id}`,
			result: "removed",
			itemId: removeData.slice("rm1|".length),
		});

		// A stale button: someone else removed that card first.
		await pressData(h.tg, group, alice, after, removeData);
		expect(lastAnswer(h)).toMatchObject({
			show_alert: false,
			text: "That card is not on the shortlist any more.",
		});
		expect(current(h, group, after).text).toContain("5/500");
		// A page that no longer exists shows the last one there is.
		const shorter = await shortlistCommand(h, group, alice, "2");
		expect(shorter.text).toContain("5/500 · Page 1 of 1");
		const usage = await shortlistCommand(h, group, alice, "everything please");
		expect(usage.text).toContain("Use /shortlist, /shortlist 2 for its second page, or /shortlist export");
	});

	it("escapes saved titles full of markup", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		const chat = h.tg.privateChat(alice.id);
		const list = await sendCommand(h.tg, chat, alice, "/category 1046640");
		await saveCard(h, chat, alice, list, 1);
		for (const position of [4, 5]) await pressSave(h, chat, alice, list, position);
		const shortlist = await shortlistCommand(h, chat, alice);
		expect(titleAt(shortlist, 3)).toBe(titleAt(list, 1));
		expect(titleAt(shortlist, 3)).toMatch(/[<&*_]/);
		expect(titleAt(shortlist, 2)).toBe(titleAt(list, 4));
		expect(titleAt(shortlist, 2).endsWith("…")).toBe(true);
	});

	it("keeps the shortlist in the SQLite file across a restart; a save then may need the page again", async () => {
		const h = await startHarness();
		const group = h.tg.group(-1003333333333, "Buyers");
		const list = await sendCommand(h.tg, group, alice, "/category 1031910");
		await saveCard(h, group, alice, list, 3);
		await press(h.tg, group, bob, current(h, group, list), "🔍 4");
		const card = await waitForEdit(h.tg, group, list.message_id, 3);
		await h.restart();
		expect(existsSync(join(h.dataDir, "catbot.sqlite"))).toBe(true);
		const shortlist = await shortlistCommand(h, group, bob);
		expect(shortlist.text).toContain("1/500");
		expect(titleAt(shortlist, 1)).toBe(titleAt(list, 3));

		// The new process has an empty page cache: the press is answered at once, the result follows as a message.
		const pages = h.emu.stats.byEndpoint.v2;
		const messages = h.tg.messages(group.id).length;
		await press(h.tg, group, bob, card, "☆ Save");
		expect(lastAnswer(h).text).toBeUndefined();
		await h.tg.waitForCall("sendMessage", (c) => String(c.params.text).startsWith("☆ Saved"));
		expect(lastMessage(h.tg, group).text).toBe("☆ Saved to this chat's shortlist (2 of 500).");
		expect(h.tg.messages(group.id)).toHaveLength(messages + 1);
		expect(h.emu.stats.byEndpoint.v2).toBe(pages + 1);
	});

	it("keeps each chat's shortlist to itself", async () => {
		const h = await startHarness();
		const team = h.tg.group(-1004444444444, "Team");
		const other = h.tg.group(-1005555555555, "Other team");
		const list = await sendCommand(h.tg, team, alice, "/category 1031910");
		await saveCard(h, team, alice, list, 1);
		const mine = await shortlistCommand(h, team, alice);
		const removeData = buttonOf(mine, "✖ 1").callback_data ?? "";

		const theirs = await shortlistCommand(h, other, bob);
		expect(theirs.text).toContain("0/500");
		expect(theirs.text).toContain("Nothing saved here yet");
		const empty = await shortlistCommand(h, other, bob, "export");
		expect(empty.text).toBe("Nothing saved here yet: press ☆ Save on a card.");
		expect(empty.document).toBeUndefined();
		// The other chat's ✖ for the same item id is about its own (empty) list.
		await pressData(h.tg, other, bob, theirs, removeData);
		expect(lastAnswer(h).text).toBe("That card is not on the shortlist any more.");
		const still = await shortlistCommand(h, team, alice);
		expect(still.text).toContain("1/500");
	});

	it("exports the shortlist as a CSV document, newest first, with who saved each and the price then", async () => {
		const h = await startHarness();
		const group = h.tg.group(-1008888888888, "Buyers");
		const list = await sendCommand(h.tg, group, alice, "/category 1031910");
		await pressSave(h, group, alice, list, 1);
		await saveCard(h, group, bob, list, 2);
		h.tg.sendText({ chat: group, from: bob, text: "/shortlist@catbot_test_bot export" });
		const sent = await h.tg.waitForCall("sendDocument");
		expect(sent.params.caption).toBe("2 saved cards.");
		const document = lastMessage(h.tg, group).document;
		expect(document?.file_name).toMatch(/^catbot-shortlist-\d{4}-\d{2}-\d{2}\.csv$/);
		const rows = parse(document?.text ?? "", { bom: true, columns: true }) as Record<string, string>[];
		expect(rows.map((row) => [row.saved_by, row.saved_by_id])).toEqual([
			["Bob", String(bob.id)],
			["Alice", String(alice.id)],
		]);
		// The list shows titles cut to fit; the file has them whole.
		expect(rows[0]?.title?.startsWith(titleAt(list, 2).replace(/…$/, ""))).toBe(true);
		for (const row of rows) {
			expect(row.url).toMatch(/^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);
			expect(Number(row.price_when_saved)).toBeGreaterThan(0);
			expect(row.command).toBe("/category 1031910");
			expect(Date.parse(row.saved_at ?? "")).toBeGreaterThan(Date.now() - 60_000);
		}
	});
});
