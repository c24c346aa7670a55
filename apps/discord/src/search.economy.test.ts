import type { FakeUser, RecordedMessage } from "@catbot/fake-discord";
import { DEMO_SEARCH_KEYWORDS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { customIdOf, messageWhen, selectMenu, settled } from "./test-support/components.js";
import { asker, CHANNEL, type Harness, startHarness } from "./test-support/harness.js";
import { cardNumbers, searchCalls } from "./test-support/search.js";

const DRESSES = DEMO_SEARCH_KEYWORDS.dresses;
const BAD_BUTTON = "This button is no longer valid. Send the command again to get fresh results.";
const users: FakeUser[] = Array.from({ length: 10 }, (_, i) => ({
	id: String(820000000000000100n + BigInt(i)),
	username: `buyer${i + 1}`,
}));

/** Posts a message carrying buttons with these custom_ids straight through the API, as a forger could. */
async function postButtons(h: Harness, customIds: readonly string[]): Promise<string> {
	const response = await fetch(`${h.discord.apiBase}/v10/channels/${CHANNEL}/messages`, {
		method: "POST",
		headers: { authorization: `Bot ${h.discord.token}`, "content-type": "application/json" },
		body: JSON.stringify({
			content: "tampered",
			components: [0, 1, 2, 3, 4]
				.map((row) => customIds.slice(row * 5, row * 5 + 5))
				.filter((ids) => ids.length > 0)
				.map((ids) => ({
					type: 1,
					components: ids.map((custom_id, i) => ({ type: 2, style: 2, label: `b${i}`, custom_id })),
				})),
		}),
	});
	return ((await response.json()) as { id: string }).id;
}

/** A user presses a button on a message and resolves with the bot's private answer. */
async function pressFor(h: Harness, user: FakeUser, message: RecordedMessage | string, customId: string) {
	return settled(await h.discord.pressButton({ user, message, customId }));
}

describe("keyword search on Discord: expired searches and what searches cost", () => {
	it("tells a button whose keyword the cache no longer has to run the search again, with the command its message shows, without a paid call", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		const options = { keyword: DRESSES, sort: "sales", min_price: 1, max_price: 500, free_shipping: true };
		const message = await settled(await h.category(options, asker, "search"));
		expect(cardNumbers(message)).toEqual([1, 2, 3, 4, 5]);

		// A new process: the same PAGE_TOKEN_SECRET, an empty memory cache holding no keyword.
		await h.restart();
		h.emu.resetStats();
		const expired = (options: string) => `This search expired: run it again: /search ${DRESSES} ${options}`;
		// Each with the options (and page) of the page it leads to; always privately.
		for (const [label, said] of [
			["▶", "sort:sales price:1-500 free_shipping page:2"],
			["Cheapest", "sort:price_up price:1-500 free_shipping"],
		] as const) {
			const note = await pressFor(h, asker, message, customIdOf(message, label));
			expect(note).toMatchObject({ ephemeral: true, visibleTo: asker.id, content: expired(said) });
		}
		const saving = await h.discord.selectMenu({
			user: asker,
			message,
			customId: selectMenu(message, "v|").custom_id,
			values: ["3"],
		});
		expect((await settled(saving)).content).toBe(expired("sort:sales price:1-500 free_shipping"));
		expect(h.emu.stats.requests).toBe(0);
		expect(h.discord.message(message.id)?.edits).toBe(0);

		// The Browse suggestion is a category: it needs no stored keyword and still works.
		const browse = await h.discord.pressButton({
			user: asker,
			message,
			customId: customIdOf(message, "Browse: Dresses"),
		});
		const category = await messageWhen(h.discord, browse, message.id, (m) => m.content.includes("/category"));
		expect(category.content).toContain("`/category 1031910 sort:sales price:1-500 free_shipping`");
		expect(h.emu.stats.byEndpoint).toMatchObject({ search: 0, globalSearch: 0, v2: 1 });
		expect(h.discord.violations).toEqual([]);
	});

	it("lets the old buttons work again once the search is run again", async () => {
		const h = await startHarness();
		const message = await settled(await h.category({ keyword: DRESSES }, asker, "search"));
		const next = customIdOf(message, "▶");
		await h.restart();
		expect((await pressFor(h, asker, message, next)).content).toBe(
			`This search expired: run it again: /search ${DRESSES} page:2`,
		);
		const again = await settled(await h.category({ keyword: DRESSES }, asker, "search"));
		expect(customIdOf(again, "▶")).toBe(next);
		const press = await h.discord.pressButton({ user: asker, message, customId: next });
		const moved = await messageWhen(h.discord, press, message.id, (m) => cardNumbers(m)[0] === 6);
		expect(cardNumbers(moved)).toEqual([6, 7, 8, 9, 10]);
		expect(searchCalls(h)).toEqual({ search: 2, globalSearch: 0 });
	});

	it("serves ten people searching one keyword with one paid call per distinct upstream page", async () => {
		const h = await startHarness();
		const spellings = [DRESSES, ` ${DRESSES}`, `${DRESSES}  `];
		// All ten in flight together, spelled a little apart: one search, one cache entry.
		const first = await Promise.all(
			users.map(async (user, i) =>
				settled(await h.category({ keyword: spellings[i % 3] ?? "" }, user, "search")),
			),
		);
		for (const message of first) {
			expect(message.content).toContain(`\`/search ${DRESSES}\``);
			expect(cardNumbers(message)).toEqual([1, 2, 3, 4, 5]);
		}
		expect(searchCalls(h)).toEqual({ search: 1, globalSearch: 0 });
		// The one suggestion's name is looked up once, for everyone.
		expect(h.emu.stats.byEndpoint.info).toBe(1);
		expect(h.emu.stats.requests).toBe(2);

		// Everyone's next page is in the same upstream page of 20.
		const pressAll = (label: string, check: (m: RecordedMessage) => boolean) =>
			Promise.all(
				users.map(async (user, i) => {
					const message = h.discord.message((first[i] as RecordedMessage).id) as RecordedMessage;
					const press = await h.discord.pressButton({ user, message, customId: customIdOf(message, label) });
					return messageWhen(h.discord, press, message.id, check);
				}),
			);
		const second = await pressAll("▶", (m) => cardNumbers(m)[0] === 6);
		for (const message of second) expect(cardNumbers(message)).toEqual([6, 7, 8, 9, 10]);
		expect(h.emu.stats.requests).toBe(2);
		// Page 5 (cards 21..25) is the second upstream page: one more call for all ten.
		const fifth = await Promise.all(
			users.map(async (user) => settled(await h.category({ keyword: DRESSES, page: 5 }, user, "search"))),
		);
		for (const message of fifth) expect(cardNumbers(message)).toEqual([21, 22, 23, 24, 25]);
		expect(searchCalls(h)).toEqual({ search: 2, globalSearch: 0 });
		expect(h.emu.stats.queries.at(-1)?.query).toMatchObject({ keyword: DRESSES, page: "2" });
		// Another sort is another upstream page, once for all ten.
		await pressAll("Cheapest", (m) => m.content.includes("sort:price_up"));
		expect(searchCalls(h)).toEqual({ search: 3, globalSearch: 0 });
		expect(h.emu.stats.requests).toBe(4);
		expect(h.discord.violations).toEqual([]);
	});

	it("refuses an altered or foreign search button privately, with no paid call", async () => {
		const h = await startHarness();
		const message = await settled(await h.category({ keyword: DRESSES, sort: "sales" }, asker, "search"));
		const next = customIdOf(message, "▶");
		const token = next.slice(next.lastIndexOf("|") + 1);
		const prefix = next.slice(0, next.lastIndexOf("|") + 1);
		// A deployment with another secret: its buttons are well formed, but not signed with ours.
		const elsewhere = await startHarness({ PAGE_TOKEN_SECRET: "another-deployment-secret" });
		const foreign = customIdOf(
			await settled(await elsewhere.category({ keyword: DRESSES, sort: "sales" }, asker, "search")),
			"▶",
		);
		expect(foreign).not.toBe(next);
		expect(foreign.startsWith(prefix)).toBe(true);

		h.emu.resetStats();
		const altered = [...token].map((char, i) => {
			const swapped = char === "A" ? "B" : "A";
			return `${prefix}${token.slice(0, i)}${swapped}${token.slice(i + 1)}`;
		});
		const forged = [...altered, foreign, `${prefix}${token.slice(0, -1)}`, `${prefix}${token}A`];
		// At most 25 buttons a message.
		for (let start = 0; start < forged.length; start += 25) {
			const batch = forged.slice(start, start + 25);
			const posted = await postButtons(h, batch);
			for (const customId of batch) {
				const note = await pressFor(h, asker, posted, customId);
				expect(note, customId).toMatchObject({ ephemeral: true, content: BAD_BUTTON });
			}
		}
		expect(h.emu.stats.requests).toBe(0);
		expect(h.discord.message(message.id)?.edits).toBe(0);
		// The genuine button still works, from the cache.
		const press = await h.discord.pressButton({ user: asker, message, customId: next });
		await messageWhen(h.discord, press, message.id, (m) => cardNumbers(m)[0] === 6);
		expect(h.emu.stats.requests).toBe(0);
	});
});
