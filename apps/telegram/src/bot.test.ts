import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { alice, bob, command } from "./test-support/botCommand.js";
import { buttonOf, lastMessage, press, waitForEdit } from "./test-support/chat.js";
import { startHarness } from "./test-support/harness.js";

describe("the Telegram bot, end to end through telegraf", () => {
	it("registers its command menu and answers /category in a private chat with cards and buttons", async () => {
		const h = await startHarness();
		const menu = await h.tg.waitForCall("setMyCommands");
		expect((menu.params.commands as { command: string }[]).map((c) => c.command)).toEqual([
			"category",
			"search",
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
		await h.tg.waitForCall("editMessageText", (c) => /pages must be/i.test(String(c.params.text)), 5_000);
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
