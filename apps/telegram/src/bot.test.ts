import { DEMO_CATEGORY_IDS } from "@catbot/tmapi-emulator";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buttonOf, lastMessage, press, pressData, waitForEdit } from "./test-support/chat.js";
import { startHarness, TMAPI_TOKEN } from "./test-support/harness.js";

const alice = { id: 1001, is_bot: false, first_name: "Alice" };
const bob = { id: 1002, is_bot: false, first_name: "Bob" };

async function command(
	h: Awaited<ReturnType<typeof startHarness>>,
	chat: Parameters<typeof h.tg.sendText>[0]["chat"],
	text: string,
	from = alice,
) {
	const before = h.tg.messages(chat.id).length;
	h.tg.sendText({ chat, from, text });
	await h.tg.waitForCall(
		"sendMessage",
		(c) => c.params.chat_id === chat.id && h.tg.messages(chat.id).length > before,
	);
	return lastMessage(h.tg, chat);
}

describe("the Telegram bot, end to end through telegraf", () => {
	it("registers its command menu and answers /category in a private chat with cards and buttons", async () => {
		const h = await startHarness();
		const menu = await h.tg.waitForCall("setMyCommands");
		expect((menu.params.commands as { command: string }[]).map((c) => c.command)).toEqual([
			"category",
			"categories",
			"export",
			"shortlist",
			"watch",
			"watches",
			"unwatch",
			"help",
		]);
		const chat = h.tg.privateChat(alice.id);
		const page = await command(h, chat, "/category 1031910 sort:sales");
		expect(page.parse_mode).toBe("html");
		expect(page.text).toContain("Best selling · Page 1 of 28");
		expect(page.text).toContain("/category 1031910 sort:sales");
		expect(page.text?.match(/^\d+\. /gm)).toHaveLength(5);
		expect(page.text).toMatch(/💰 ¥\d/);
		expect(page.link_preview_options?.url).toMatch(/^https:\/\/cbu01/);
		const labels = page.reply_markup?.inline_keyboard.flat().map((b) => b.text);
		expect(labels).toEqual(expect.arrayContaining(["1/28", "Next »", "🔍 1", "🔍 5", "💲 Cheapest"]));
		for (const b of page.reply_markup?.inline_keyboard.flat() ?? []) {
			if (b.callback_data) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
		}
		expect(h.logs()).toContain('"msg":"telegram bot ready"');
	});

	it("answers /category@botname in a group, and /help", async () => {
		const h = await startHarness();
		const group = h.tg.group(-1001234567890, "Sourcing team");
		const page = await command(h, group, "/category@catbot_test_bot 1031910 price:10-50 free_shipping", bob);
		expect(page.text).toContain("Free shipping");
		const help = await command(h, group, "/help@catbot_test_bot", bob);
		expect(help.text).toContain("/category 1031910 sort:sales");
	});

	it("pages forward and back by editing the message in place, answering every press", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const first = await command(h, chat, "/category 1031910");
		await press(h.tg, chat, alice, first, "Next »");
		const second = await waitForEdit(h.tg, chat, first.message_id, 1);
		expect(second.text).toContain("Page 2 of 28");
		expect(second.text).toMatch(/^6\. /m);
		await press(h.tg, chat, alice, second, "« Prev");
		const back = await waitForEdit(h.tg, chat, first.message_id, 2);
		expect(back.text).toContain("Page 1 of 28");
		expect(h.tg.messages(chat.id)).toHaveLength(1);
		expect(h.emu.stats.byEndpoint.v2).toBe(1);
	});

	it("answers a press at once, before a slow upstream call, and shows typing", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const first = await command(h, chat, "/category 1031910");
		h.emu.setLatency(600);
		// Another sort is another upstream page: a paid, slow call.
		await press(h.tg, chat, alice, first, "💲 Cheapest");
		const answer = h.tg.callbackAnswers.at(-1);
		expect(answer?.latencyMs).toBeLessThan(400);
		await h.tg.waitForCall("sendChatAction", (c) => c.params.action === "typing");
		const sorted = await waitForEdit(h.tg, chat, first.message_id, 1);
		expect(sorted.text).toContain("Price: low to high");
	});

	it("opens a card in place, shares it as a photo, and goes back to the list", async () => {
		const h = await startHarness();
		const group = h.tg.group(-1009876543210, "Buyers");
		const list = await command(h, group, "/category 1031910", bob);
		await press(h.tg, group, bob, list, "🔍 2");
		const card = await waitForEdit(h.tg, group, list.message_id, 1);
		expect(card.text).toMatch(/^2\. /);
		expect(card.link_preview_options).toMatchObject({ prefer_large_media: true, show_above_text: true });
		expect(buttonOf(card, "Open on 1688").url).toMatch(/^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);
		await press(h.tg, group, bob, card, "Share");
		const photo = await h.tg.waitForCall("sendPhoto");
		const shared = lastMessage(h.tg, group);
		expect(shared.photo).toBeDefined();
		expect(shared.caption).toMatch(/^2\. /);
		expect(shared.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["Open on 1688"]);
		expect(photo.params.chat_id).toBe(group.id);
		await press(h.tg, group, bob, card, "Back to list");
		const back = await waitForEdit(h.tg, group, list.message_id, 2);
		expect(back.text).toContain("Page 1 of 28");
	});

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

	it("keeps old buttons working after a restart", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const page = await command(h, chat, "/category 1031910 sort:sales");
		await h.restart();
		await press(h.tg, chat, alice, page, "Next »");
		const edited = await waitForEdit(h.tg, chat, page.message_id, 1);
		expect(edited.text).toContain("Page 2 of 28");
	});

	it("exports a query as a CSV document, showing progress in a status message", async () => {
		const h = await startHarness({ HEALTH_PORT: "0", HEALTH_HOST: "127.0.0.1" });
		const group = h.tg.group(-1005555555555, "Buyers");
		h.tg.sendText({ chat: group, from: bob, text: "/export@catbot_test_bot 1031910 sort:sales pages:2" });
		const sent = await h.tg.waitForCall("sendDocument", undefined, 8_000);
		expect(sent.params.caption).toContain("40 products");
		const document = lastMessage(h.tg, group).document;
		expect(document?.file_name).toBe("catbot-1031910-sales.csv");
		const rows = parse(document?.text ?? "", { bom: true, columns: true }) as Record<string, string>[];
		expect(rows).toHaveLength(40);
		expect(rows[0]?.url).toMatch(/^https:\/\/detail\.1688\.com/);
		const status = h.tg.messages(group.id)[0];
		expect(status?.text).toBe("✅ 40 products from 2 page(s).");
		expect(status?.edited).toBeGreaterThanOrEqual(2);
		expect(h.emu.stats.byEndpoint.v2).toBe(2);

		const metrics = await (await fetch(`http://127.0.0.1:${h.bot.healthPort}/metrics`)).text();
		expect(metrics).toContain('catbot_actions_total{platform="telegram",action="export",outcome="ok"} 1');
		expect((await fetch(`http://127.0.0.1:${h.bot.healthPort}/healthz`)).status).toBe(200);
	});

	it("explains a bad /export", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		h.tg.sendText({ chat, from: alice, text: "/export pages:0" });
		await h.tg.waitForCall("editMessageText", (c) => String(c.params.text).includes("pages must be"), 5_000);
	});

	it("browses categories with buttons down to the items", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const top = await command(h, chat, "/categories");
		expect(top.text).toContain("Categories");
		const first = top.reply_markup?.inline_keyboard[0]?.[0];
		if (!first?.text) throw new Error("no category buttons");
		await press(h.tg, chat, alice, top, first.text);
		const level = await waitForEdit(h.tg, chat, top.message_id, 1);
		await press(h.tg, chat, alice, level, "Show items");
		const items = await waitForEdit(h.tg, chat, top.message_id, 2);
		expect(items.text).toMatch(/Page 1/);
	});
});
