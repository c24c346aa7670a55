import { DEMO_CATEGORY_IDS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { alice, command } from "./test-support/botCommand.js";
import { buttonOf, lastMessage, press, pressData, waitForEdit } from "./test-support/chat.js";
import { startHarness, TMAPI_TOKEN } from "./test-support/harness.js";

describe("the Telegram bot, end to end through telegraf", () => {
	it("explains a bad command without calling the upstream", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const reply = await command(h, chat, "/category sotr:sales page:0");
		expect(reply.text).toContain("Tell me a category id");
		expect(reply.text).toContain("Did you mean 'sort'");
		expect(h.emu.stats.byEndpoint.v2).toBe(0);
	});

	it("refuses forged or garbled button data with an alert", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const page = await command(h, chat, "/category 1031910");
		const token = (buttonOf(page, "Next »").callback_data ?? "").slice(2);
		const tampered = `p|${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
		for (const data of [tampered, "zz|nonsense", "c9|x", "t|-5"]) {
			await pressData(h.tg, chat, alice, page, data);
			expect(h.tg.callbackAnswers.at(-1)).toMatchObject({
				show_alert: true,
				text: expect.stringContaining("no longer valid"),
			});
		}
		expect(lastMessage(h.tg, chat).edited).toBe(0);
	});

	it("answers a page past the known end with one button to the last page, without an upstream call", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		await command(h, chat, "/category 1031910");
		const before = h.emu.stats.requests;
		const refusal = await command(h, chat, "/category 1031910 page:99");
		expect(refusal.text).toBe("Page 99 of 28 does not exist: the last page is 28.");
		const buttons = refusal.reply_markup?.inline_keyboard.flat() ?? [];
		expect(buttons.map((b) => b.text)).toEqual(["Page 28 »"]);
		// The page buttons' own scheme: a press is read like any "Next »".
		expect(buttons[0]?.callback_data).toMatch(/^p\|[\w-]+$/);
		expect(h.emu.stats.requests).toBe(before);
		await press(h.tg, chat, alice, refusal, "Page 28 »");
		const last = await waitForEdit(h.tg, chat, refusal.message_id, 1);
		expect(last.text).toContain("Page 28 of 28");
		expect(last.text).toMatch(/^136\. /m);

		const paid = h.emu.stats.requests;
		h.tg.sendText({ chat, from: alice, text: "/export 1031910 page:99" });
		const edit = await h.tg.waitForCall("editMessageText", (c) =>
			String(c.params.text).startsWith("Page 99"),
		);
		expect(edit.params.text).toBe("Page 99 of 28 does not exist: the last page is 28.");
		const status = lastMessage(h.tg, chat);
		expect(status.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["Page 28 »"]);
		expect(h.emu.stats.requests).toBe(paid);
	});

	it("shows a rate-limit alert once, then acknowledges quietly", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "2", RATE_LIMIT_WINDOW_SECONDS: "60" });
		const chat = h.tg.privateChat(alice.id);
		const page = await command(h, chat, "/category 1031910");
		await press(h.tg, chat, alice, page, "Next »");
		await waitForEdit(h.tg, chat, page.message_id, 1);
		await press(h.tg, chat, alice, lastMessage(h.tg, chat), "Next »");
		await press(h.tg, chat, alice, lastMessage(h.tg, chat), "Next »");
		const [first, second] = h.tg.callbackAnswers.slice(-2);
		expect(first).toMatchObject({
			show_alert: true,
			text: expect.stringMatching(/Slow down a little: try again in \d+ s/),
		});
		expect(second?.text).toBeUndefined();
	});

	it.each([
		[{ kind: "code", code: 439 } as const, /subscription has expired or run out of balance/],
		[{ kind: "code", code: 503 } as const, /busy right now/],
		[{ kind: "hang" } as const, /did not answer in time/],
	])("tells the chat when the upstream fails: %j", async (fault, message) => {
		const h = await startHarness();
		h.emu.inject({ ...fault, endpoint: "v2" });
		const chat = h.tg.privateChat(alice.id);
		const reply = await command(h, chat, "/category 1031910");
		expect(reply.text).toMatch(message);
		expect(h.logs()).not.toContain(TMAPI_TOKEN);
		expect(h.logs()).not.toContain(h.tg.token);
	});

	it("escapes titles full of markup and keeps within Telegram's limits", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const page = await command(h, chat, `/category ${DEMO_CATEGORY_IDS.quirkyTitles} size:10`);
		expect(page.text).toMatch(/[<&*_]/);
		expect(page.text).toContain("…");
		expect(page.text?.length).toBeLessThanOrEqual(4096);
		await press(h.tg, chat, alice, page, "🔍 4");
		const card = await waitForEdit(h.tg, chat, page.message_id, 1);
		await press(h.tg, chat, alice, card, "Share");
		const shared = await h.tg.waitForCall("sendPhoto");
		expect(String(shared.params.caption).replaceAll(/<[^>]*>/g, "").length).toBeLessThanOrEqual(1024);
	});

	it("retries a 429 after retry_after, and turns a long one into 'try again in N s'", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const page = await command(h, chat, "/category 1031910");
		h.tg.failNext("editMessageText", { error_code: 429, retry_after: 1 });
		await press(h.tg, chat, alice, page, "Next »");
		const edited = await waitForEdit(h.tg, chat, page.message_id, 1, 6_000);
		expect(edited.text).toContain("Page 2");
		expect(h.tg.calls.filter((c) => c.method === "editMessageText")).toHaveLength(2);
		h.tg.failNext("editMessageText", { error_code: 429, retry_after: 30 });
		await press(h.tg, chat, alice, edited, "Next »");
		await h.tg.waitForCall("sendMessage", (c) => String(c.params.text).includes("try again in 30 s"), 6_000);
	});
});
