import type { InlineAnswer, User } from "@catbot/fake-telegram";
import { DEMO_SEARCH_KEYWORDS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { alice, bob, command } from "./test-support/botCommand.js";
import { buttonOf, lastMessage, press, waitForEdit } from "./test-support/chat.js";
import { type Harness, startHarness } from "./test-support/harness.js";

/** A short settle keeps the tests quick; the deadline is the production one unless a test says otherwise. */
async function inlineHarness(env: Record<string, string> = {}, deadlineMs?: number): Promise<Harness> {
	const h = await startHarness(env, { inline: { settleMs: 30, ...(deadlineMs ? { deadlineMs } : {}) } });
	h.tg.setInlineMode({ placeholder: "1031910 sort:sales", feedback: true });
	return h;
}

/** A user types "@bot <query>"; resolves with the bot's answer, failing the test when there is none. */
async function ask(h: Harness, from: User, query: string, offset = ""): Promise<InlineAnswer> {
	const answer = await h.tg.sendInlineQuery({ from, query, offset }).answer(8_000);
	if (!answer) throw new Error(`no answer to the inline query ${JSON.stringify(query)}`);
	return answer;
}

const paidItemPages = (h: Harness) => h.emu.stats.byEndpoint.v2;

describe("inline mode, end to end through telegraf", () => {
	it("answers with the shared cards, scrolls to the next upstream page, and posts a chosen card via the bot", async () => {
		const h = await inlineHarness();
		const first = await ask(h, alice, "1031910 sales");
		expect(first).toMatchObject({ cache_time: 300, is_personal: false, next_offset: "2" });
		expect(first.results.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
		const card = first.results[0];
		expect(card).toMatchObject({ type: "photo", photo_url: expect.stringMatching(/^https:\/\/cbu01/) });
		expect(card?.message.caption).toMatch(/^1\. .+\n💰 ¥\d/);
		expect(card?.message.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["Open on 1688"]);
		expect(paidItemPages(h)).toBe(1);

		// The same card shared with the 📣 button is the same message, from the same cached upstream page.
		const chat = h.tg.privateChat(alice.id);
		const list = await command(h, chat, "/category 1031910 sort:sales");
		await press(h.tg, chat, alice, list, "🔍 1");
		const opened = await waitForEdit(h.tg, chat, list.message_id, 1);
		await press(h.tg, chat, alice, opened, "📣 Share");
		await h.tg.waitForCall("sendPhoto");
		const shared = lastMessage(h.tg, chat);
		expect(shared.caption).toBe(card?.message.caption);
		expect(shared.caption_entities).toEqual(card?.message.caption_entities);
		expect(shared.reply_markup).toEqual(card?.message.reply_markup);
		expect(paidItemPages(h)).toBe(1);

		const second = await ask(h, alice, "1031910 sales", first.next_offset);
		expect(second.results.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 21)));
		expect(second.next_offset).toBe("3");
		expect(paidItemPages(h)).toBe(2);

		const group = { id: -1004444444444, type: "supergroup" as const, title: "Friends, no bot here" };
		const posted = h.tg.chooseInlineResult({ query: second.inline_query_id, result_id: "21", chat: group });
		expect(posted.message).toMatchObject({
			from: { id: alice.id },
			via_bot: { username: h.tg.bot.username },
		});
		expect(posted.message.caption).toMatch(/^21\. /);
		expect(h.tg.inlineMessages(group.id)).toHaveLength(1);
		await expect.poll(() => h.logs()).toContain('"action":"inline-chosen"');
		const chosenLine =
			h
				.logs()
				.split("\n")
				.find((line) => line.includes('"action":"inline-chosen"')) ?? "";
		expect(JSON.parse(chosenLine)).toMatchObject({ user: String(alice.id), result: "21" });
		expect(chosenLine).not.toContain("1031910");
	});

	it("searches by keyword inline, article results for cards without an image", async () => {
		const h = await inlineHarness();
		const answer = await ask(h, bob, `search ${DEMO_SEARCH_KEYWORDS.dresses} sort:sales`);
		expect(answer.results.length).toBeGreaterThan(0);
		expect(answer.results.length).toBeLessThanOrEqual(50);
		expect(answer.results[0]?.message.caption ?? answer.results[0]?.message.text).toMatch(/^1\. /);
		expect(h.emu.stats.byEndpoint.search).toBe(1);
		for (const result of answer.results) {
			if (result.type === "article") expect(result.message.text).toMatch(/^\d+\. /);
			else expect(result.photo_url).toMatch(/^https?:\/\//);
		}
	});

	it("costs one upstream call per distinct upstream page, asked inline by ten users and by /category", async () => {
		const h = await inlineHarness({ RATE_LIMIT_ACTIONS: "100" });
		const users = Array.from({ length: 10 }, (_, i) => ({
			id: 2000 + i,
			is_bot: false,
			first_name: `U${i}`,
		}));
		const group = h.tg.group(-1003333333333, "Buyers");
		const [answers] = await Promise.all([
			Promise.all(users.map((user) => ask(h, user, "1031910 sort:sales"))),
			command(h, group, "/category 1031910 sort:sales", bob),
		]);
		expect(answers.every((a) => a.results.length === 20 && a.next_offset === "2")).toBe(true);
		expect(paidItemPages(h)).toBe(1);
		await Promise.all(users.slice(0, 5).map((user) => ask(h, user, "1031910 sort:sales", "2")));
		expect(paidItemPages(h)).toBe(2);
		// Chat page 5 (cards 21..25) is in upstream page 2: already paid for inline.
		await command(h, group, "/category 1031910 sort:sales page:5", bob);
		expect(paidItemPages(h)).toBe(2);
	});

	it("answers empty, half-typed, malformed and forged queries with 0 paid calls", async () => {
		const h = await inlineHarness();
		const help = await ask(h, alice, "");
		expect(help).toMatchObject({
			cache_time: 0,
			is_personal: true,
			button: { text: "How to use catbot", start_parameter: "inline-help" },
		});
		expect(help.results).toHaveLength(1);
		expect(help.results[0]?.message.text).toContain(`@${h.tg.bot.username} 1031910 sort:sales`);
		expect((await ask(h, alice, "search ")).results[0]?.id).toBe("help");

		const typo = await ask(h, alice, "1031910 srot:sales");
		expect(typo).toMatchObject({ cache_time: 300, is_personal: false });
		const problem = /^Unknown option 'srot'\. Did you mean 'sort'\?/;
		expect(typo.results).toEqual([
			expect.objectContaining({
				type: "article",
				title: expect.stringMatching(problem),
				message: expect.objectContaining({ text: expect.stringMatching(problem) }),
			}),
		]);
		const forged = await ask(h, alice, "1031910 sort:sales", "abc");
		expect(forged).toMatchObject({ results: [], next_offset: "" });
		expect(h.emu.stats.requests).toBe(0);

		// Recent queries are remembered from /category and from inline, newest first, and shown to that user only.
		await command(h, h.tg.privateChat(alice.id), "/category 1031910 sort:sales");
		await ask(h, alice, `search ${DEMO_SEARCH_KEYWORDS.dresses}`);
		const recent = await ask(h, alice, "");
		expect(recent.results[0]?.description).toBe(
			`Recent: search ${DEMO_SEARCH_KEYWORDS.dresses} · 1031910 sort:sales`,
		);
		expect(recent.results[0]?.message.text).toContain(`@${h.tg.bot.username} 1031910 sort:sales`);
		expect((await ask(h, bob, "")).results[0]?.description).not.toContain("Recent");
	});

	it("answers a slow upstream with a loading article in time, and the finished call fills the cache", async () => {
		// Slower than the deadline, within the TMAPI client's timeout.
		const h = await inlineHarness({}, 200);
		h.emu.setLatency(600);
		const query = h.tg.sendInlineQuery({ from: alice, query: "1031910 sort:price_up" });
		const loading = await query.answer(8_000);
		expect(loading?.latencyMs).toBeLessThan(550);
		expect(loading).toMatchObject({ cache_time: 0 });
		expect(loading?.results.map((r) => r.id)).toEqual(["loading"]);
		await expect.poll(() => paidItemPages(h), { timeout: 5_000 }).toBe(1);
		await expect.poll(() => h.logs(), { timeout: 5_000 }).toMatch(/"action":"inline".*"cache":"miss"/);
		const again = await ask(h, alice, "1031910 sort:price_up");
		expect(again.results).toHaveLength(20);
		expect(paidItemPages(h)).toBe(1);
	});

	it("drops queries replaced by the next keystroke: only the last one is paid for", async () => {
		const h = await startHarness({}, { inline: { settleMs: 250 } });
		h.tg.setInlineMode({});
		const typed = ["1", "10", "103", "1031", "1031910"].map((query) =>
			h.tg.sendInlineQuery({ from: alice, query }),
		);
		const answers = await Promise.all(typed.map((q) => q.answer(1_500)));
		expect(answers.slice(0, -1)).toEqual([undefined, undefined, undefined, undefined]);
		expect(answers.at(-1)?.results).toHaveLength(20);
		const items = h.emu.stats.queries.filter((q) => q.endpoint === "v2");
		expect(items.map((q) => q.query.cat_id)).toEqual(["1031910"]);
	});

	it("answers a cached query while the same user's slow one is still waiting for the upstream", async () => {
		const h = await inlineHarness({}, 5_000);
		await command(h, h.tg.privateChat(alice.id), "/category 1031910 sort:sales");
		h.emu.setLatency(800);
		const slow = h.tg.sendInlineQuery({ from: alice, query: "1031910 sort:price_up" });
		await expect.poll(() => h.emu.stats.inFlight).toBeGreaterThan(0);
		const cached = await ask(h, alice, "1031910 sort:sales");
		expect(cached.results).toHaveLength(20);
		expect(cached.latencyMs).toBeLessThan(500);
		expect(h.tg.inlineAnswers.map((a) => a.query)).toEqual(["1031910 sort:sales"]);
		expect((await slow.answer(5_000))?.results).toHaveLength(20);
	});

	it("offers ↗ Share to another chat on an opened card, and explains inline mode in /help", async () => {
		const h = await inlineHarness();
		const group = h.tg.group(-1002222222222, "Buyers");
		const list = await command(h, group, "/category 1031910 sort:sales page:2", bob);
		await press(h.tg, group, bob, list, "🔍 7");
		const card = await waitForEdit(h.tg, group, list.message_id, 1);
		expect(buttonOf(card, "↗ Share to another chat")).toEqual({
			text: "↗ Share to another chat",
			switch_inline_query: "1031910 sort:sales",
		});
		const help = await command(h, group, "/help", bob);
		expect(help.text).toContain(`@${h.tg.bot.username} search summer dress`);
		expect(help.text).toContain("/setinline");
	});
});
