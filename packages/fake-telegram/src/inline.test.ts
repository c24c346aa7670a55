import { Markup, Telegraf, TelegramError } from "telegraf";
import type { InlineQueryResult } from "telegraf/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./server.js";

let tg: FakeTelegram;
let running: { bot: Telegraf; stopped: Promise<void> }[] = [];

beforeEach(async () => {
	tg = await startFakeTelegram({ inlineQueryTimeoutMs: 1000 });
	tg.setInlineMode({ placeholder: "1031910 sort:sales", feedback: true });
});

afterEach(async () => {
	for (const { bot, stopped } of running) {
		bot.stop("test over");
		await stopped;
	}
	running = [];
	await tg.close();
});

function newBot(): Telegraf {
	return new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } });
}

async function launch(setup: (bot: Telegraf) => void): Promise<Telegraf> {
	const bot = newBot();
	setup(bot);
	const stopped = bot.launch().catch((error: unknown) => {
		throw new Error(`bot stopped with an error: ${String(error)}`);
	});
	running.push({ bot, stopped });
	await tg.waitForCall("getUpdates", (call) => call.params.timeout === 50);
	return bot;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	if (!(error instanceof TelegramError)) throw new Error(`expected a TelegramError, got ${String(error)}`);
	return error.description;
}

const TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid";
const IMAGE = "https://cbu01.alicdn.com/img/ibank/dress.jpg";

function photo(id: string, caption = "<b>Dress</b> ¥12.50"): InlineQueryResult {
	return {
		type: "photo",
		id,
		photo_url: IMAGE,
		thumbnail_url: IMAGE,
		caption,
		parse_mode: "HTML",
		...Markup.inlineKeyboard([Markup.button.url("Open on 1688", "https://detail.1688.com/offer/1.html")]),
	};
}

function article(id: string, text = "No image"): InlineQueryResult {
	return { type: "article", id, title: `Result ${id}`, input_message_content: { message_text: text } };
}

describe("inline mode setting", () => {
	it("reports inline support in getMe and refuses queries while it is off", async () => {
		const bot = newBot();
		expect((await bot.telegram.getMe()).supports_inline_queries).toBe(true);
		tg.setInlineMode(false);
		expect((await bot.telegram.getMe()).supports_inline_queries).toBe(false);
		expect(() => tg.sendInlineQuery({ from: tg.user(5), query: "x" })).toThrow(/inline mode is off/);
	});
});

describe("inline queries through telegraf", () => {
	it("delivers a query, records the answer with its cards, and scrolls with next_offset", async () => {
		const seen: { query: string; offset: string; chat_type?: string }[] = [];
		await launch((bot) =>
			bot.on("inline_query", async (ctx) => {
				seen.push(ctx.inlineQuery);
				const page = ctx.inlineQuery.offset === "" ? 1 : Number(ctx.inlineQuery.offset);
				await ctx.answerInlineQuery([photo(`p${page}`), article(`a${page}`)], {
					cache_time: 300,
					next_offset: page < 2 ? String(page + 1) : "",
				});
			}),
		);
		const from = tg.user(42, "Ann");
		const first = tg.sendInlineQuery({ from, query: "1031910 sales", chat_type: "group" });
		const answer = await first.answer();
		expect(seen[0]).toMatchObject({ id: first.id, query: "1031910 sales", offset: "", chat_type: "group" });
		expect(answer).toMatchObject({
			inline_query_id: first.id,
			query: "1031910 sales",
			cache_time: 300,
			is_personal: false,
			next_offset: "2",
			from: { id: 42 },
		});
		expect(answer?.results).toEqual([
			{
				type: "photo",
				id: "p1",
				photo_url: IMAGE,
				thumbnail_url: IMAGE,
				message: {
					photo_url: IMAGE,
					caption: "Dress ¥12.50",
					caption_entities: [{ type: "bold", offset: 0, length: 5 }],
					parse_mode: "html",
					reply_markup: {
						inline_keyboard: [[{ text: "Open on 1688", url: "https://detail.1688.com/offer/1.html" }]],
					},
				},
			},
			{ type: "article", id: "a1", title: "Result a1", message: { text: "No image" } },
		]);
		expect(answer?.latencyMs).toBeGreaterThanOrEqual(0);

		const second = await tg
			.sendInlineQuery({ from, query: "1031910 sales", offset: answer?.next_offset ?? "" })
			.answer();
		expect(second).toMatchObject({ offset: "2", next_offset: "" });
		expect(second?.results.map((r) => r.id)).toEqual(["p2", "a2"]);
		expect(tg.inlineAnswers).toHaveLength(2);
	});

	it("records a personal answer with a button, and no answer when the bot stays silent", async () => {
		await launch((bot) =>
			bot.on("inline_query", async (ctx) => {
				if (ctx.inlineQuery.query === "") return;
				await ctx.answerInlineQuery([article("help", "Type a category id.")], {
					cache_time: 0,
					is_personal: true,
					button: { text: "How to use", start_parameter: "inline-help" },
				});
			}),
		);
		const from = tg.user(42);
		expect(await tg.sendInlineQuery({ from, query: "help" }).answer()).toMatchObject({
			cache_time: 0,
			is_personal: true,
			button: { text: "How to use", start_parameter: "inline-help" },
		});
		const started = Date.now();
		expect(await tg.sendInlineQuery({ from, query: "" }).answer(150)).toBeUndefined();
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it("refuses a second answer and an answer after the timeout", async () => {
		await tg.close();
		tg = await startFakeTelegram({ inlineQueryTimeoutMs: 30 });
		tg.setInlineMode({});
		const outcomes: unknown[] = [];
		let finished: () => void = () => undefined;
		const done = new Promise<void>((resolve) => {
			finished = resolve;
		});
		await launch((bot) =>
			bot.on("inline_query", async (ctx) => {
				if (ctx.inlineQuery.query === "slow") {
					// Slower than the timeout on purpose: that is the case under test.
					await new Promise((resolve) => setTimeout(resolve, 80));
					outcomes.push(await refusal(ctx.answerInlineQuery([article("1")])));
					finished();
					return;
				}
				await ctx.answerInlineQuery([article("1")]);
				outcomes.push(await refusal(ctx.answerInlineQuery([article("2")])));
			}),
		);
		const from = tg.user(42);
		expect(await tg.sendInlineQuery({ from, query: "twice" }).answer()).toMatchObject({ query: "twice" });
		expect(await tg.sendInlineQuery({ from, query: "slow" }).answer()).toBeUndefined();
		await done;
		expect(outcomes).toEqual([TOO_OLD, TOO_OLD]);
		expect(tg.inlineAnswers.map((a) => a.query)).toEqual(["twice"]);
	});
});

describe("choosing a result", () => {
	it("posts the card as the user via the bot, and sends chosen_inline_result and the message", async () => {
		const chosen: unknown[] = [];
		const viaBot: unknown[] = [];
		await launch((bot) => {
			bot.on("inline_query", (ctx) => ctx.answerInlineQuery([photo("item-1"), article("item-2")]));
			bot.on("chosen_inline_result", (ctx) => {
				chosen.push(ctx.chosenInlineResult);
			});
			bot.on("message", (ctx) => {
				viaBot.push(ctx.message);
			});
		});
		const from = tg.user(42, "Ann");
		const group = tg.group(-100777, "Buyers");
		const query = tg.sendInlineQuery({ from, query: "1031910 sales" });
		await query.answer();
		const result = tg.chooseInlineResult({ query, result_id: "item-1", chat: group });
		expect(result.message).toMatchObject({
			from: { id: 42 },
			chat: { id: group.id },
			via_bot: { id: tg.bot.id, username: tg.bot.username },
			caption: "Dress ¥12.50",
			photo: [expect.objectContaining({ file_id: expect.any(String) })],
		});
		expect(result.inline_message_id).toEqual(expect.any(String));
		await tg.waitForCall(
			"getUpdates",
			(call) => Number(call.params.offset) > (result.chosen?.update_id ?? 0),
		);
		expect(chosen).toEqual([
			{
				result_id: "item-1",
				from: expect.objectContaining({ id: 42 }),
				query: "1031910 sales",
				inline_message_id: result.inline_message_id,
			},
		]);
		expect(viaBot).toEqual([
			expect.objectContaining({ via_bot: expect.objectContaining({ id: tg.bot.id }) }),
		]);
		expect(tg.inlineMessages(group.id)).toEqual([
			expect.objectContaining({ caption: "Dress ¥12.50", photo: expect.objectContaining({ url: IMAGE }) }),
		]);
		expect(tg.messages(group.id)).toEqual([]);
	});

	it("posts to a chat without the bot silently, and sends no feedback while it is off", async () => {
		tg.setInlineMode({ feedback: false });
		await launch((bot) => bot.on("inline_query", (ctx) => ctx.answerInlineQuery([article("a", "Hello")])));
		const query = tg.sendInlineQuery({ from: tg.user(42), query: "" });
		await query.answer();
		const elsewhere = { id: -5, type: "group" as const, title: "Friends" };
		const result = tg.chooseInlineResult({ query: query.id, result_id: "a", chat: elsewhere });
		expect(result).toEqual({ message: expect.objectContaining({ text: "Hello" }) });
		expect(tg.inlineMessages(-5)).toHaveLength(1);
		expect(() => tg.chooseInlineResult({ query, result_id: "zzz", chat: elsewhere })).toThrow(
			/has no result "zzz"; it has \["a"\]/,
		);
	});
});

describe("answerInlineQuery validation", () => {
	/** Answers a fresh query with `results`; returns the query's id and the call's promise. */
	function answerWith(
		results: readonly unknown[],
		extra: Record<string, unknown> = {},
	): { query: string; call: Promise<true> } {
		const query = tg.sendInlineQuery({ from: tg.user(42), query: "q" });
		const call = newBot().telegram.answerInlineQuery(query.id, results as InlineQueryResult[], extra);
		return { query: query.id, call };
	}

	it("refuses what Telegram refuses, leaving the query open for a good answer", async () => {
		const cases: [readonly unknown[], Record<string, unknown>, string][] = [
			[Array.from({ length: 51 }, (_, i) => article(`${i}`)), {}, "Bad Request: RESULTS_TOO_MUCH"],
			[[article("1"), article("1")], {}, "Bad Request: RESULT_ID_DUPLICATE"],
			[[article("é".repeat(33))], {}, "Bad Request: RESULT_ID_INVALID"],
			[[article("")], {}, "Bad Request: RESULT_ID_EMPTY"],
			[[article("1")], { next_offset: "x".repeat(65) }, "Bad Request: NEXT_OFFSET_INVALID"],
			[
				[{ type: "photo", id: "1", photo_url: IMAGE }],
				{},
				`Bad Request: can't parse inline query result: Can't find field "thumbnail_url"`,
			],
			[
				[{ type: "photo", id: "1", photo_url: "ftp://x/a.jpg", thumbnail_url: IMAGE }],
				{},
				"Bad Request: WEBDOCUMENT_URL_INVALID",
			],
			[
				[{ type: "article", id: "1", title: "T" }],
				{},
				`Bad Request: can't parse inline query result: Can't find field "input_message_content"`,
			],
			[
				[{ type: "article", id: "1", input_message_content: { message_text: "x" } }],
				{},
				`Bad Request: can't parse inline query result: Can't find field "title"`,
			],
			[[article("1", " ")], {}, "Bad Request: MESSAGE_EMPTY"],
			[[article("1", "x".repeat(4097))], {}, "Bad Request: MESSAGE_TOO_LONG"],
			[[photo("1", "x".repeat(1025))], {}, "Bad Request: MEDIA_CAPTION_TOO_LONG"],
			[
				[photo("1", "<b>Dress")],
				{},
				`Bad Request: can't parse inline query result: Can't parse entities: Can't find end tag corresponding to start tag "b"`,
			],
			[
				[{ ...article("1"), reply_markup: { inline_keyboard: [[{ text: "x" }]] } }],
				{},
				"Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
			],
			[
				[{ type: "sticker_pack", id: "1" }],
				{},
				`Bad Request: can't parse inline query result: type "sticker_pack" is unsupported for the inline query result`,
			],
			[
				[article("1")],
				{ button: { text: "Help", start_parameter: "a b" } },
				"Bad Request: unallowed characters in start_parameter are used",
			],
		];
		for (const [results, extra, expected] of cases) {
			const { call, query } = answerWith(results, extra);
			expect(await refusal(call)).toBe(expected);
			await newBot().telegram.answerInlineQuery(query, [article("ok")]);
		}
		expect(tg.inlineAnswers).toHaveLength(cases.length);
		expect(await refusal(newBot().telegram.answerInlineQuery("999", [article("1")]))).toBe(TOO_OLD);
	});

	it("takes 50 results, 64-byte ids and offsets, and cards with a share button", async () => {
		const share = Markup.inlineKeyboard([
			Markup.button.switchToChat("↗ Share to another chat", "1031910 sort:sales"),
			Markup.button.switchToCurrentChat("Search here", ""),
		]);
		const results = [
			...Array.from({ length: 49 }, (_, i) => article(`${i}`)),
			{ ...article("é".repeat(32)), ...share },
		];
		expect(await answerWith(results, { next_offset: "x".repeat(64) }).call).toBe(true);
		expect(tg.inlineAnswers[0]?.results.at(-1)?.message.reply_markup).toEqual({
			inline_keyboard: [
				[
					{ text: "↗ Share to another chat", switch_inline_query: "1031910 sort:sales" },
					{ text: "Search here", switch_inline_query_current_chat: "" },
				],
			],
		});
	});
});
