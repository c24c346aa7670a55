import type { BotMessage, Chat, User } from "@catbot/fake-telegram";
import { DEMO_SEARCH_KEYWORDS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { alice, command } from "./test-support/botCommand.js";
import { buttonOf, lastMessage, press, pressData, waitForEdit } from "./test-support/chat.js";
import { type Harness, startHarness } from "./test-support/harness.js";
import { cardNumbers, searchCalls } from "./test-support/search.js";
import { current, lastAnswer } from "./test-support/shortlist.js";

const DRESSES = DEMO_SEARCH_KEYWORDS.dresses;
const BAD_BUTTON = "This button is no longer valid. Send the command again to get fresh results.";
const users: User[] = Array.from({ length: 10 }, (_, i) => ({
	id: 3001 + i,
	is_bot: false,
	first_name: `Buyer${i + 1}`,
}));

/** Each user sends their text in a chat of their own, all at once; resolves with the answers in order. */
async function allAtOnce(h: Harness, sends: readonly { chat: Chat; from: User; text: string }[]) {
	const before = sends.map((send) => h.tg.messages(send.chat.id).length);
	for (const send of sends) h.tg.sendText(send);
	return Promise.all(
		sends.map(async (send, i) => {
			const seen = before[i] ?? 0;
			await h.tg.waitForCall(
				"sendMessage",
				(c) => c.params.chat_id === send.chat.id && h.tg.messages(send.chat.id).length > seen,
			);
			return h.tg.messages(send.chat.id)[seen] as BotMessage;
		}),
	);
}

/** The callback_data of a message's button whose label contains `label`, as a string. */
function dataOf(message: BotMessage, label: string): string {
	const data = buttonOf(message, label).callback_data;
	if (typeof data !== "string") throw new Error(`"${label}" carries no callback_data`);
	return data;
}

describe("keyword search on Telegram: expired searches and what searches cost", () => {
	it("tells a button whose keyword the cache no longer has to run the search again, with the command its message shows, without a paid call", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "100" });
		const chat = h.tg.privateChat(alice.id);
		const list = await command(h, chat, `/search ${DRESSES} sort:sales price:1-500 free_shipping`);
		expect(cardNumbers(list)).toEqual([1, 2, 3, 4, 5]);
		const next = dataOf(list, "Next »");
		const save = `v1|${dataOf(list, "🔍 1").slice("c0|".length)}`;

		// A new process: the same PAGE_TOKEN_SECRET, an empty memory cache holding no keyword.
		await h.restart();
		h.emu.resetStats();
		const expired = (options: string) => `This search expired: run it again: /search ${DRESSES} ${options}`;
		// Each with the options (and page) of the page it leads to.
		for (const [label, options] of [
			["Next »", "sort:sales price:1-500 free_shipping page:2"],
			["💲 Cheapest", "sort:price_up price:1-500 free_shipping"],
			["🔍 2", "sort:sales price:1-500 free_shipping"],
		] as const) {
			await press(h.tg, chat, alice, list, label);
			expect(lastAnswer(h)).toMatchObject({ show_alert: true, text: expired(options) });
		}
		await pressData(h.tg, chat, alice, list, save);
		expect(lastAnswer(h).text).toBe(expired("sort:sales price:1-500 free_shipping"));
		expect(h.emu.stats.requests).toBe(0);
		expect(current(h, chat, list).edited).toBe(0);
		expect(h.tg.messages(chat.id)).toHaveLength(1);

		// Running it again stores the keyword again, so the old message's buttons work once more.
		const again = await command(h, chat, `/search ${DRESSES} sort:sales price:1-500 free_shipping`);
		expect(dataOf(again, "Next »")).toBe(next);
		await press(h.tg, chat, alice, list, "Next »");
		const second = await waitForEdit(h.tg, chat, list.message_id, 1);
		expect(cardNumbers(second)).toEqual([6, 7, 8, 9, 10]);
		expect(searchCalls(h)).toEqual({ search: 1, globalSearch: 0 });
	});

	it("keeps a search's Browse suggestion working in a new process: a category needs no stored keyword", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const list = await command(h, chat, `/search ${DRESSES} sort:price_up`);
		await h.restart();
		h.emu.resetStats();
		await press(h.tg, chat, alice, list, "Browse: Dresses");
		const category = await waitForEdit(h.tg, chat, list.message_id, 1);
		expect(category.text).toContain("/category 1031910 sort:price_up");
		expect(h.emu.stats.byEndpoint).toMatchObject({ search: 0, globalSearch: 0, v2: 1 });
	});

	it("serves ten people searching one keyword with one paid call per distinct upstream page", async () => {
		const h = await startHarness();
		// Ten chats, so the bot's pacing of one message a second per chat does not serialize them.
		const chats = users.map((user) => h.tg.privateChat(user.id, user.first_name));
		const everyone = (text: (i: number) => string) =>
			allAtOnce(
				h,
				users.map((from, i) => ({ chat: chats[i] as Chat, from, text: text(i) })),
			);
		// All in flight together, spelled a little apart: one search, one cache entry.
		const spellings = [DRESSES, ` ${DRESSES}`, `${DRESSES}  `];
		const first = await everyone((i) => `/search ${spellings[i % 3]}`);
		for (const page of first) {
			expect(page.text).toContain(`/search ${DRESSES}\n`);
			expect(cardNumbers(page)).toEqual([1, 2, 3, 4, 5]);
		}
		expect(searchCalls(h)).toEqual({ search: 1, globalSearch: 0 });
		// The one suggestion's name is looked up once, for everyone.
		expect(h.emu.stats.byEndpoint.info).toBe(1);
		expect(h.emu.stats.requests).toBe(2);

		// Everyone's next page is in the same upstream page of 20.
		const pressAll = (label: string, times: number) =>
			Promise.all(
				users.map(async (from, i) => {
					const chat = chats[i] as Chat;
					const page = first[i] as BotMessage;
					await press(h.tg, chat, from, current(h, chat, page), label);
					return waitForEdit(h.tg, chat, page.message_id, times);
				}),
			);
		for (const page of await pressAll("Next »", 1)) expect(cardNumbers(page)).toEqual([6, 7, 8, 9, 10]);
		expect(h.emu.stats.requests).toBe(2);
		// Page 5 (cards 21..25) is the second upstream page: one more call for all ten.
		const fifth = await everyone(() => `/search ${DRESSES} page:5`);
		for (const page of fifth) expect(cardNumbers(page)).toEqual([21, 22, 23, 24, 25]);
		expect(searchCalls(h)).toEqual({ search: 2, globalSearch: 0 });
		expect(h.emu.stats.queries.at(-1)?.query).toMatchObject({ keyword: DRESSES, page: "2" });
		// Another sort is another upstream page, once for all ten.
		for (const page of await pressAll("💲 Cheapest", 2)) expect(page.text).toContain("sort:price_up");
		expect(searchCalls(h)).toEqual({ search: 3, globalSearch: 0 });
		expect(h.emu.stats.requests).toBe(4);
	});

	it("refuses an altered or foreign search button with an alert and no paid call", async () => {
		const h = await startHarness();
		const chat = h.tg.privateChat(alice.id);
		const list = await command(h, chat, `/search ${DRESSES} sort:sales`);
		const next = dataOf(list, "Next »");
		const token = next.slice("p|".length);
		// A deployment with another secret: its buttons are well formed, but not signed with ours.
		const elsewhere = await startHarness({ PAGE_TOKEN_SECRET: "another-deployment-secret" });
		const theirs = await command(
			elsewhere,
			elsewhere.tg.privateChat(alice.id),
			`/search ${DRESSES} sort:sales`,
		);
		const foreign = dataOf(theirs, "Next »");
		expect(foreign).not.toBe(next);

		h.emu.resetStats();
		const altered = [...token].map((char, i) => {
			const swapped = char === "A" ? "B" : "A";
			return `p|${token.slice(0, i)}${swapped}${token.slice(i + 1)}`;
		});
		for (const data of [...altered, foreign, `p|${token.slice(0, -1)}`, `p|${token}A`]) {
			await pressData(h.tg, chat, alice, list, data);
			expect(lastAnswer(h), data).toMatchObject({ show_alert: true, text: BAD_BUTTON });
		}
		expect(h.emu.stats.requests).toBe(0);
		expect(current(h, chat, list).edited).toBe(0);
		expect(lastMessage(h.tg, chat).message_id).toBe(list.message_id);
		// The genuine button still works, from the cache.
		await press(h.tg, chat, alice, list, "Next »");
		expect(cardNumbers(await waitForEdit(h.tg, chat, list.message_id, 1))).toEqual([6, 7, 8, 9, 10]);
		expect(h.emu.stats.requests).toBe(0);
	});
});
