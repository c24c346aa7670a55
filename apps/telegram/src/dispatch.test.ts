import type { ApiCall } from "@catbot/fake-telegram";
import { describe, expect, it } from "vitest";
import { BUSY_TEXT } from "./dispatch.js";
import { buttonOf, lastMessage, press, pressData, sendCommand, waitForEdit } from "./test-support/chat.js";
import { startHarness } from "./test-support/harness.js";

const alice = { id: 2001, is_bot: false, first_name: "Alice" };
const bob = { id: 2002, is_bot: false, first_name: "Bob" };
const carol = { id: 2003, is_bot: false, first_name: "Carol" };

const dataOf = (message: Parameters<typeof buttonOf>[0], text: string) =>
	buttonOf(message, text).callback_data ?? "";
const sentTo = (chatId: number) => (c: ApiCall) => c.params.chat_id === chatId;

describe("update dispatch: order per chat, parallel chats, one place for errors", () => {
	it("handles two quick presses in one chat in the order they came, the slow one first", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const page = await sendCommand(h.tg, chat, alice, "/category 1031910");
		h.emu.setLatency(800);
		// Another sort is an uncached, slow page; the next page of this sort is already cached and quick.
		for (const text of ["💲 Cheapest", "Next »"]) {
			h.tg.pressButton({ chat, from: alice, message_id: page.message_id, data: dataOf(page, text) });
		}
		const final = await waitForEdit(h.tg, chat, page.message_id, 2, 8_000);
		const edits = h.tg.calls.filter((c) => c.method === "editMessageText").map((c) => String(c.params.text));
		expect(edits).toHaveLength(2);
		expect(edits[0]).toContain("Price: low to high");
		expect(edits[1]).toContain("Page 2 of 28");
		expect(final.text).toContain("Page 2 of 28");
		expect(final.text).not.toContain("Price: low to high");
		expect(h.tg.callbackAnswers).toHaveLength(2);
	});

	it("answers another chat while one chat's update is slow", async () => {
		const h = await startHarness();
		const slowChat = h.tg.privateChat(alice.id);
		const quickChat = h.tg.privateChat(bob.id);
		// A slow link to Telegram for one chat: its reply is in flight for 2 s.
		h.tg.setLatency("sendMessage", 2_000, slowChat.id);
		h.tg.sendText({ chat: slowChat, from: alice, text: "/help" });
		const slowReply = await h.tg.waitForCall("sendMessage", sentTo(slowChat.id));
		const quick = await sendCommand(h.tg, quickChat, bob, "/help");
		expect(quick.text).toContain("/category 1031910");
		expect(slowReply.response).toBeUndefined();

		// A slow upstream page in one chat does not hold up the other either.
		h.tg.setLatency("sendMessage", 0, slowChat.id);
		h.emu.setLatency(700);
		h.tg.sendText({ chat: slowChat, from: alice, text: "/category 1031910 sort:sales" });
		await h.tg.waitForCall("sendChatAction", sentTo(slowChat.id));
		const before = h.tg.messages(slowChat.id).length;
		await sendCommand(h.tg, quickChat, bob, "/help");
		expect(h.tg.messages(slowChat.id)).toHaveLength(before);
		await h.tg.waitForCall(
			"sendMessage",
			(c) => sentTo(slowChat.id)(c) && /Best selling/.test(String(c.params.text)),
			5_000,
		);
	});

	it("runs at most maxConcurrent handlers at once: the next one waits for a free slot", async () => {
		const h = await startHarness({}, { updates: { maxConcurrent: 2 } });
		h.tg.setLatency("sendMessage", 500);
		const chats = [alice, bob, carol].map((user) => ({ user, chat: h.tg.privateChat(user.id) }));
		for (const { user, chat } of chats) h.tg.sendText({ chat, from: user, text: "/help" });
		for (const { chat } of chats) await h.tg.waitForCall("sendMessage", sentTo(chat.id), 5_000);
		const arrivals = h.tg.calls
			.filter((c) => c.method === "sendMessage")
			.map((c) => c.at)
			.sort((a, b) => a - b);
		expect(arrivals).toHaveLength(3);
		const [first = 0, second = 0, third = 0] = arrivals;
		expect(second - first).toBeLessThan(300);
		expect(third - first).toBeGreaterThanOrEqual(450);
	});

	it("answers a chat's presses past its queue as busy, without running them", async () => {
		const h = await startHarness({}, { updates: { maxQueuedPerChat: 2 } });
		const chat = h.tg.privateChat(alice.id);
		const page = await sendCommand(h.tg, chat, alice, "/category 1031910");
		h.emu.setLatency(700);
		h.tg.pressButton({ chat, from: alice, message_id: page.message_id, data: dataOf(page, "💲 Cheapest") });
		await h.tg.waitForCall("sendChatAction", sentTo(chat.id));
		for (let i = 0; i < 4; i += 1) {
			h.tg.pressButton({ chat, from: alice, message_id: page.message_id, data: dataOf(page, "1/28") });
		}
		await waitForEdit(h.tg, chat, page.message_id, 1, 5_000);
		await expect.poll(() => h.tg.callbackAnswers.length, { timeout: 3_000 }).toBe(5);
		const busy = h.tg.callbackAnswers.filter((a) => a.text === BUSY_TEXT);
		expect(busy).toHaveLength(2);
		expect(busy.every((a) => !a.show_alert)).toBe(true);
		expect(h.logs()).toContain('"msg":"update queue full; dropping updates"');
	});

	it("logs a failing handler once and answers the user, for commands and presses alike", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		h.tg.failNext("sendMessage", { error_code: 400, description: "Bad Request: message text is empty" });
		const help = await sendCommand(h.tg, chat, alice, "/help");
		expect(help.text).toBe("Something went wrong. Please try again.");
		const failures = () =>
			h
				.logs()
				.split("\n")
				.filter((line) => line.includes('"msg":"update failed"'));
		expect(failures()).toHaveLength(1);
		expect(failures()[0]).toContain("message text is empty");

		const page = await sendCommand(h.tg, chat, alice, "/category 1031910");
		h.tg.failNext("editMessageText", { error_code: 400, description: "Bad Request: can't parse entities" });
		await press(h.tg, chat, alice, page, "Next »");
		await expect
			.poll(() => lastMessage(h.tg, chat).text, { timeout: 3_000 })
			.toBe("Something went wrong. Please try again.");
		expect(failures()).toHaveLength(2);
		expect(failures()[1]).toContain('"type":"callback_query"');
		expect(h.logs()).not.toContain("button press failed");
	});

	it("refuses button data with anything after the token before it costs the user an action", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "2", RATE_LIMIT_WINDOW_SECONDS: "60" });
		const chat = h.tg.privateChat(alice.id);
		const page = await sendCommand(h.tg, chat, alice, "/category 1031910");
		const next = dataOf(page, "Next »");
		const card = dataOf(page, "🔍 1");
		for (const data of [`${next}|extra`, `${card}|x`]) {
			await pressData(h.tg, chat, alice, page, data);
			expect(h.tg.callbackAnswers.at(-1)).toMatchObject({
				show_alert: true,
				text: expect.stringContaining("no longer valid"),
			});
		}
		expect(h.logs().match(/unreadable button data/g)).toHaveLength(2);
		expect(h.emu.stats.byEndpoint.v2).toBe(1);
		// The refused presses were not actions: the second of two allowed still goes through.
		await press(h.tg, chat, alice, page, "Next »");
		const edited = await waitForEdit(h.tg, chat, page.message_id, 1);
		expect(edited.text).toContain("Page 2 of 28");
	});
});
