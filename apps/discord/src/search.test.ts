import { DEMO_SEARCH_KEYWORDS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { customIdOf, messageWhen, parts, settled } from "./test-support/components.js";
import { asker, CHANNEL, other, startHarness } from "./test-support/harness.js";
import { UPDATE } from "./test-support/responses.js";
import { cardNumbers, customIdsSent, searchCalls } from "./test-support/search.js";
import { save } from "./test-support/shortlist.js";

const DRESSES = DEMO_SEARCH_KEYWORDS.dresses;

describe("keyword search on Discord, end to end through discord.js", () => {
	it("searches, pages, saves and shares, then browses the suggested category with the same options", async () => {
		// One channel's whole session: more presses than the default rate limit allows in 30 s.
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		const options = { keyword: DRESSES, sort: "sales", min_price: 1, max_price: 500 };
		const message = await settled(await h.category(options, asker, "search"));
		expect(message.ephemeral).toBe(false);
		expect(message.content).toMatch(
			new RegExp(
				`^\\*\\*Search: ${DRESSES}\\*\\* · Best selling · Price ¥1\\.00–¥500\\.00 · Page 1 of \\d+ · `,
			),
		);
		expect(message.content).toContain(`\`/search ${DRESSES} sort:sales price:1-500\``);
		expect(cardNumbers(message)).toEqual([1, 2, 3, 4, 5]);
		expect(parts(message).map((p) => [p.label, p.disabled ?? false])).toEqual(
			expect.arrayContaining([
				["◀", true],
				["▶", false],
				["⏭", false],
				["Browse: Dresses", false],
			]),
		);
		// 连衣裙 is Chinese, so it goes to 1688's own index with the keyword as typed.
		expect(searchCalls(h)).toEqual({ search: 1, globalSearch: 0 });
		expect(h.emu.stats.queries.find((q) => q.endpoint === "search")?.query).toMatchObject({
			keyword: DRESSES,
			sort: "sales",
			price_start: "1",
			price_end: "500",
		});

		const next = await h.discord.pressButton({ user: asker, message, customId: customIdOf(message, "▶") });
		// Cards 6..10 are in the same upstream page of 20: answered with an update at once.
		expect((await next.response()).type).toBe(UPDATE);
		const second = await messageWhen(h.discord, next, message.id, (m) => m.content.includes("Page 2 of"));
		expect(cardNumbers(second)).toEqual([6, 7, 8, 9, 10]);
		expect(searchCalls(h)).toEqual({ search: 1, globalSearch: 0 });

		// A card of the search saved to the channel's shortlist, then the list shows where it came from.
		const saved = await save(h, second, 7);
		expect(saved.answer.content).toMatch(/^☆ Saved to this channel's shortlist \(1 of 500\)/);
		const shortlist = await settled(await h.shortlist({}));
		expect(shortlist.embeds[0]?.title).toBe(second.embeds[1]?.title?.replace(/^7\. /, "1. "));

		// Someone else's press opens their own private copy, which they share to the channel.
		const theirs = await settled(
			await h.discord.pressButton({ user: other, message: second, customId: customIdOf(second, "▶") }),
		);
		expect(theirs).toMatchObject({ ephemeral: true, visibleTo: other.id });
		expect(cardNumbers(theirs)).toEqual([11, 12, 13, 14, 15]);
		const shared = await settled(
			await h.discord.pressButton({
				user: other,
				message: theirs,
				customId: customIdOf(theirs, "Share to channel"),
			}),
		);
		expect(shared.ephemeral).toBe(false);
		expect(shared.content).toContain(`\`/search ${DRESSES} sort:sales price:1-500 page:3\``);
		expect(cardNumbers(shared)).toEqual([11, 12, 13, 14, 15]);
		expect(h.discord.channelMessages(CHANNEL).map((m) => m.id)).toContain(shared.id);
		expect(searchCalls(h)).toEqual({ search: 1, globalSearch: 0 });

		const v2 = h.emu.stats.byEndpoint.v2;
		const browse = await h.discord.pressButton({
			user: asker,
			message: second,
			customId: customIdOf(second, "Browse: Dresses"),
		});
		const category = await messageWhen(h.discord, browse, message.id, (m) => !m.content.includes("Search:"));
		expect(category.content).toMatch(
			/^\*\*Dresses\*\* · Best selling · Price ¥1\.00–¥500\.00 · Page 1 of \d+ · /,
		);
		expect(category.content).toContain("`/category 1031910 sort:sales price:1-500`");
		expect(cardNumbers(category)).toEqual([1, 2, 3, 4, 5]);
		expect(parts(category).some((p) => p.label?.startsWith("Browse:"))).toBe(false);
		expect(h.emu.stats.byEndpoint.v2).toBe(v2 + 1);
		expect(h.emu.stats.queries.at(-1)?.query).toMatchObject({ cat_id: "1031910", sort: "sales" });
		expect(h.discord.violations).toEqual([]);
	});

	it("sends an English keyword in Russian to global search, and pages it from the cache", async () => {
		const h = await startHarness();
		const message = await settled(
			await h.category({ keyword: DEMO_SEARCH_KEYWORDS.sunglasses, language: "ru" }, asker, "search"),
		);
		expect(message.content).toMatch(/^\*\*Поиск: sunglasses\*\*/);
		expect(message.content).toContain("`/search sunglasses lang:ru`");
		expect(cardNumbers(message)).toEqual([1, 2, 3, 4, 5]);
		expect(searchCalls(h)).toEqual({ search: 0, globalSearch: 1 });
		expect(h.emu.stats.lastQuery).toMatchObject({ keyword: "sunglasses", language: "ru" });
		// Global search answers carry no category path: no suggestion to offer.
		// Paging, sorts and the save menu: no row of "Browse" suggestions.
		expect(message.components).toHaveLength(3);
		expect(parts(message).some((p) => p.label?.startsWith("Открыть:"))).toBe(false);

		const next = await h.discord.pressButton({ user: asker, message, customId: customIdOf(message, "▶") });
		const second = await messageWhen(h.discord, next, message.id, (m) => cardNumbers(m)[0] === 6);
		expect(cardNumbers(second)).toEqual([6, 7, 8, 9, 10]);
		expect(searchCalls(h)).toEqual({ search: 0, globalSearch: 1 });

		// api:native with another language is refused privately, before any call.
		const refusal = await settled(
			await h.category({ keyword: DRESSES, language: "ru", api: "native" }, asker, "search"),
		);
		expect(refusal).toMatchObject({ ephemeral: true });
		expect(refusal.content).toContain("api:global");
		expect(h.emu.stats.requests).toBe(1);
	});

	it("keeps every custom_id of a 60-character Chinese search within Discord's 100, and the buttons work", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		const keyword = `${"韩版宽松显瘦".repeat(9)}夏季新款连衣裙`.slice(0, 60);
		expect(Array.from(keyword)).toHaveLength(60);
		const message = await settled(await h.category({ keyword, sort: "sales" }, asker, "search"));
		expect(message.content).toContain(`\`/search ${keyword} sort:sales\``);
		expect(cardNumbers(message)).toEqual([1, 2, 3, 4, 5]);

		const next = await h.discord.pressButton({ user: asker, message, customId: customIdOf(message, "▶") });
		const second = await messageWhen(h.discord, next, message.id, (m) => m.content.includes("Page 2 of"));
		expect(cardNumbers(second)).toEqual([6, 7, 8, 9, 10]);
		const sort = await h.discord.pressButton({
			user: asker,
			message: second,
			customId: customIdOf(second, "Cheapest"),
		});
		const cheapest = await messageWhen(h.discord, sort, message.id, (m) =>
			m.content.includes("sort:price_up"),
		);
		expect(cheapest.content).toContain(`\`/search ${keyword} sort:price_up\``);
		expect(cardNumbers(cheapest)).toEqual([1, 2, 3, 4, 5]);
		expect(searchCalls(h)).toEqual({ search: 2, globalSearch: 0 });

		const sent = customIdsSent(h);
		expect(sent.length).toBeGreaterThan(20);
		for (const id of sent) expect(id.length, id).toBeLessThanOrEqual(100);
		expect(h.discord.violations).toEqual([]);
	});
});
