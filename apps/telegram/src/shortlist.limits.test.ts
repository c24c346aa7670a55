import { describe, expect, it } from "vitest";
import { press, pressData, sendCommand, waitForEdit } from "./test-support/chat.js";
import { startHarness } from "./test-support/harness.js";
import { lastAnswer, pressSave, shortlistCommand } from "./test-support/shortlist.js";

const alice = { id: 1001, is_bot: false, first_name: "Alice" };

describe("the Telegram shortlist's limits: rate, SHORTLIST_MAX, button data", () => {
	it("counts ☆ Save against the rate limit like any press", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "2", RATE_LIMIT_WINDOW_SECONDS: "60" });
		const chat = h.tg.privateChat(alice.id);
		const list = await sendCommand(h.tg, chat, alice, "/category 1031910");
		await press(h.tg, chat, alice, list, "🔍 1");
		const card = await waitForEdit(h.tg, chat, list.message_id, 1);
		await press(h.tg, chat, alice, card, "☆ Save");
		expect(lastAnswer(h)).toMatchObject({ show_alert: true, text: expect.stringMatching(/^Slow down/) });
		const save = h
			.logs()
			.split("\n")
			.find((line) => line.includes('"action":"shortlist-save"'));
		expect(JSON.parse(save ?? "{}")).toMatchObject({ outcome: "rate-limited" });
		expect(save).not.toContain('"result"');
	});

	it("refuses garbled shortlist buttons before they count", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "2", RATE_LIMIT_WINDOW_SECONDS: "60" });
		const chat = h.tg.privateChat(alice.id);
		const shortlist = await shortlistCommand(h, chat, alice);
		expect(shortlist.text).toContain("Nothing saved here yet: press ☆ Save on a card.");
		for (const data of [
			"sl|0",
			"sl|20001",
			"sl|1|x",
			"sl|01",
			"rm1|12a",
			"rm0|123",
			"rm1|",
			"v0|abc",
			"v1|a|b",
		]) {
			await pressData(h.tg, chat, alice, shortlist, data);
			expect(lastAnswer(h)).toMatchObject({
				show_alert: true,
				text: expect.stringContaining("no longer valid"),
			});
		}
		// None of them cost an action: the second of the two allowed still goes through.
		await pressData(h.tg, chat, alice, shortlist, "sl|1");
		expect(lastAnswer(h).show_alert).toBe(false);
	});

	it("holds at most SHORTLIST_MAX cards a chat, and is in the command menu and /help", async () => {
		const h = await startHarness({ SHORTLIST_MAX: "2" });
		const menu = await h.tg.waitForCall("setMyCommands");
		expect(menu.params.commands).toContainEqual({
			command: "shortlist",
			description: "This chat's saved cards: /shortlist 2, /shortlist export",
		});
		const chat = h.tg.privateChat(alice.id);
		const list = await sendCommand(h.tg, chat, alice, "/category 1031910");
		expect((await pressSave(h, chat, alice, list, 1)).text).toBe(
			"☆ Saved to this chat's shortlist (1 of 2).",
		);
		expect((await pressSave(h, chat, alice, list, 2)).text).toBe(
			"☆ Saved to this chat's shortlist (2 of 2).",
		);
		expect((await pressSave(h, chat, alice, list, 3)).text).toBe(
			"The shortlist is full (2 cards): remove some with /shortlist first.",
		);
		const help = await sendCommand(h.tg, chat, alice, "/help");
		expect(help.text).toContain("/shortlist export");
	});
});
