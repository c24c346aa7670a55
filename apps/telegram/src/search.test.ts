import { DEMO_SEARCH_KEYWORDS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { alice, bob, command } from "./test-support/botCommand.js";
import { buttonOf, lastMessage, press, waitForEdit } from "./test-support/chat.js";
import { startHarness } from "./test-support/harness.js";
import { callbackDataSent, cardNumbers, searchCalls } from "./test-support/search.js";
import { buttonRows, current, lastAnswer, titleAt } from "./test-support/shortlist.js";

const DRESSES = DEMO_SEARCH_KEYWORDS.dresses;

describe("keyword search on Telegram, end to end through telegraf", () => {
	it("searches, pages, opens and shares a card, then browses the suggested category with the same options", async () => {
		// One person's whole session: more presses than the default rate limit allows in 30 s.
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		const group = h.tg.group(-1007000000001, "Sourcing team");
		const list = await command(h, group, `/search ${DRESSES} sort:sales price:1-500`, bob);
		expect(list.text).toMatch(new RegExp(`^Search: ${DRESSES}\\n`));
		expect(list.text).toMatch(/^Best selling · Price ¥1.00–¥500.00 · Page 1 of \d+ · just now$/m);
		expect(list.text).toContain(`/search ${DRESSES} sort:sales price:1-500`);
		expect(cardNumbers(list)).toEqual([1, 2, 3, 4, 5]);
		expect(buttonRows(list)[0]).toEqual([expect.stringMatching(/^1\/\d+$/), "Next »"]);
		expect(buttonRows(list).at(-1)).toEqual(["Browse: Dresses"]);
		// 连衣裙 is Chinese, so it goes to 1688's own index with the keyword as typed.
		expect(searchCalls(h)).toEqual({ search: 1, globalSearch: 0 });
		expect(h.emu.stats.queries.find((q) => q.endpoint === "search")?.query).toMatchObject({
			keyword: DRESSES,
			sort: "sales",
			price_start: "1",
			price_end: "500",
		});

		await press(h.tg, group, bob, list, "Next »");
		const second = await waitForEdit(h.tg, group, list.message_id, 1);
		expect(second.text).toMatch(/ · Page 2 of \d+ · /);
		expect(cardNumbers(second)).toEqual([6, 7, 8, 9, 10]);
		expect(buttonRows(second)[0]).toEqual(["« Prev", expect.stringMatching(/^2\/\d+$/), "Next »"]);
		// Cards 6..10 are in the same upstream page of 20 as cards 1..5.
		expect(searchCalls(h)).toEqual({ search: 1, globalSearch: 0 });

		await press(h.tg, group, bob, second, "🔍 7");
		const card = await waitForEdit(h.tg, group, list.message_id, 2);
		expect(card.text).toMatch(/^7\. /);
		expect(card.text).toContain(`/search ${DRESSES} sort:sales price:1-500`);
		// The card shows the whole title the list cut to fit.
		expect(card.text?.startsWith(`7. ${titleAt(second, 7).replace(/…$/, "")}`)).toBe(true);
		expect(buttonOf(card, "Open on 1688").url).toMatch(/^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);
		await press(h.tg, group, bob, card, "Share");
		await h.tg.waitForCall("sendPhoto");
		const shared = lastMessage(h.tg, group);
		expect(shared.caption).toMatch(/^7\. /);
		expect(buttonRows(shared)).toEqual([["Open on 1688"]]);
		await press(h.tg, group, bob, card, "☆ Save");
		expect(lastAnswer(h).text).toBe("☆ Saved to this chat's shortlist (1 of 500).");
		await press(h.tg, group, bob, card, "« Back to list");
		const back = await waitForEdit(h.tg, group, list.message_id, 3);
		expect(cardNumbers(back)).toEqual([6, 7, 8, 9, 10]);
		expect(searchCalls(h)).toEqual({ search: 1, globalSearch: 0 });

		const v2 = h.emu.stats.byEndpoint.v2;
		await press(h.tg, group, bob, back, "Browse: Dresses");
		const category = await waitForEdit(h.tg, group, list.message_id, 4);
		expect(category.text).toMatch(/^Dresses\n/);
		expect(category.text).toMatch(/^Best selling · Price ¥1.00–¥500.00 · Page 1 of \d+ · just now$/m);
		expect(category.text).toContain("/category 1031910 sort:sales price:1-500");
		expect(category.text).not.toContain("/search");
		expect(cardNumbers(category)).toEqual([1, 2, 3, 4, 5]);
		expect(
			buttonRows(category)
				.flat()
				.some((label) => label.startsWith("Browse:")),
		).toBe(false);
		expect(h.emu.stats.byEndpoint.v2).toBe(v2 + 1);
		expect(h.emu.stats.queries.at(-1)?.query).toMatchObject({ cat_id: "1031910", sort: "sales" });
		// Paging, cards and shares edited one message; only the shared card is a new one.
		expect(h.tg.messages(group.id)).toHaveLength(2);
		expect(callbackDataSent(h).every((data) => Buffer.byteLength(data) <= 64)).toBe(true);
		expect(current(h, group, list).text).toBe(category.text);
	});

	it("sends an English keyword with lang:ru to global search, and pages it from the cache", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const page = await command(h, chat, `/search ${DEMO_SEARCH_KEYWORDS.sunglasses} lang:ru`);
		expect(page.text).toMatch(/^Поиск: sunglasses\n/);
		expect(page.text).toContain("/search sunglasses lang:ru");
		expect(cardNumbers(page)).toEqual([1, 2, 3, 4, 5]);
		expect(searchCalls(h)).toEqual({ search: 0, globalSearch: 1 });
		expect(h.emu.stats.lastQuery).toMatchObject({ keyword: "sunglasses", language: "ru" });
		// Global search answers carry no category path: paging, cards and sorts, no row of suggestions.
		expect(buttonRows(page)).toHaveLength(3);
		expect(
			buttonRows(page)
				.flat()
				.some((label) => label.startsWith("Открыть:")),
		).toBe(false);

		await press(h.tg, chat, alice, page, "Next »");
		const second = await waitForEdit(h.tg, chat, page.message_id, 1);
		expect(cardNumbers(second)).toEqual([6, 7, 8, 9, 10]);
		expect(searchCalls(h)).toEqual({ search: 0, globalSearch: 1 });

		// An English keyword in English is global too; a Chinese one with lang:ru needs api:global spelled out.
		await command(h, chat, "/search summer dress");
		expect(searchCalls(h)).toEqual({ search: 0, globalSearch: 2 });
		const refused = await command(h, chat, `/search ${DRESSES} lang:ru api:native`);
		expect(refused.text).toContain("api:global");
		expect(searchCalls(h)).toEqual({ search: 0, globalSearch: 2 });
	});

	it("keeps every button of a 60-character Chinese search within 64 bytes, and they work", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		const chat = h.tg.privateChat(alice.id);
		const keyword = `${"韩版宽松显瘦".repeat(9)}夏季新款连衣裙`.slice(0, 60);
		expect(Array.from(keyword)).toHaveLength(60);
		expect(Buffer.byteLength(keyword)).toBe(180);
		const page = await command(h, chat, `/search ${keyword} sort:sales`);
		expect(page.text).toContain(`/search ${keyword} sort:sales`);
		expect(cardNumbers(page)).toEqual([1, 2, 3, 4, 5]);

		await press(h.tg, chat, alice, page, "Next »");
		const second = await waitForEdit(h.tg, chat, page.message_id, 1);
		expect(cardNumbers(second)).toEqual([6, 7, 8, 9, 10]);
		await press(h.tg, chat, alice, second, "💲 Cheapest");
		const cheapest = await waitForEdit(h.tg, chat, page.message_id, 2);
		expect(cheapest.text).toMatch(/^Price: low to high · Page 1 of \d+/m);
		expect(cheapest.text).toContain(`/search ${keyword} sort:price_up`);
		expect(cardNumbers(cheapest)).toEqual([1, 2, 3, 4, 5]);
		expect(h.emu.stats.byEndpoint.search).toBe(2);

		const sent = callbackDataSent(h);
		expect(sent.length).toBeGreaterThan(20);
		for (const data of sent) expect(Buffer.byteLength(data), data).toBeLessThanOrEqual(64);
	});
});
