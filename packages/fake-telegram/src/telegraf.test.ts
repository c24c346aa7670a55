import { Input, Markup, Telegraf, TelegramError } from "telegraf";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./server.js";

let tg: FakeTelegram;
let running: { bot: Telegraf; stopped: Promise<void> }[] = [];

beforeEach(async () => {
	tg = await startFakeTelegram({ callbackTimeoutMs: 1000 });
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

/** Launches a long-polling bot and resolves once its first long poll is being held. */
async function launch(setup: (bot: Telegraf) => void): Promise<Telegraf> {
	const bot = newBot();
	setup(bot);
	// launch() settles only when polling stops; afterEach waits for that.
	const stopped = bot.launch().catch((error: unknown) => {
		throw new Error(`bot stopped with an error: ${String(error)}`);
	});
	running.push({ bot, stopped });
	await tg.waitForCall("getUpdates", (call) => call.params.timeout === 50);
	return bot;
}

const pageKeyboard = (page: number) =>
	Markup.inlineKeyboard([
		...(page > 1 ? [Markup.button.callback("‹ Prev", `p:${page - 1}`)] : []),
		Markup.button.callback("Next ›", `p:${page + 1}`),
	]);

const TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid";

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
	let resolve: (value: T) => void = () => undefined;
	const promise = new Promise<T>((r) => {
		resolve = r;
	});
	return { promise, resolve };
}

async function rejection(promise: Promise<unknown>): Promise<TelegramError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	if (!(error instanceof TelegramError)) throw new Error(`expected a TelegramError, got ${String(error)}`);
	return error;
}

describe("commands", () => {
	it("answers a /command with arguments in a private chat", async () => {
		await launch((bot) =>
			bot.command("category", (ctx) =>
				ctx.reply(`<b>Category ${ctx.payload}</b>`, { parse_mode: "HTML", ...pageKeyboard(1) }),
			),
		);
		const chat = tg.privateChat(1001, "Ann");
		tg.sendText({ chat, text: "/category 1031910 sort:sales" });
		const call = await tg.waitForCall("sendMessage");
		expect(call.params).toMatchObject({ chat_id: 1001, parse_mode: "HTML" });
		expect(tg.messages(chat.id)).toEqual([
			expect.objectContaining({
				message_id: 2,
				text: "Category 1031910 sort:sales",
				entities: [{ type: "bold", offset: 0, length: 27 }],
				parse_mode: "html",
				reply_markup: { inline_keyboard: [[{ text: "Next ›", callback_data: "p:2" }]] },
				edited: 0,
			}),
		]);
	});

	it("takes /command@botname in a group and ignores commands for other bots", async () => {
		await launch((bot) => bot.command("category", (ctx) => ctx.reply(`got ${ctx.payload}`)));
		const group = tg.group(-100200300, "Buyers");
		const from = tg.user(7, "Bea");
		tg.sendText({ chat: group, from, text: "/category@other_bot 1" });
		const update = tg.sendText({ chat: group, from, text: "/category@catbot_test_bot 2" });
		expect(update.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 25 }]);
		await tg.waitForCall("sendMessage");
		expect(tg.messages(group.id).map((m) => m.text)).toEqual(["got 2"]);
	});
});

describe("buttons", () => {
	it("delivers a press, records the answer and edits the message in place", async () => {
		await launch((bot) => {
			bot.command("category", (ctx) => ctx.reply("Page 1", pageKeyboard(1)));
			bot.action(/^p:(\d+)$/, async (ctx) => {
				const page = Number(ctx.match[1]);
				await ctx.answerCbQuery(`Page ${page}`);
				await ctx.editMessageText(`Page ${page}`, pageKeyboard(page));
			});
		});
		const chat = tg.privateChat(1001);
		tg.sendText({ chat, text: "/category 1031910" });
		const sent = await tg.waitForCall("sendMessage");
		const messageId = (sent.response as { result: { message_id: number } }).result.message_id;

		tg.pressButton({ chat, message_id: messageId, data: "p:2" });
		await tg.waitForCall("editMessageText");
		const [message] = tg.messages(chat.id);
		expect(message).toMatchObject({ message_id: messageId, text: "Page 2", edited: 1 });
		expect(message?.reply_markup?.inline_keyboard[0]?.map((b) => b.callback_data)).toEqual(["p:1", "p:3"]);
		expect(tg.callbackAnswers).toEqual([
			expect.objectContaining({ text: "Page 2", show_alert: false, data: "p:2", message_id: messageId }),
		]);
		expect(tg.callbackAnswers[0]?.latencyMs).toBeGreaterThanOrEqual(0);
		expect(() => tg.pressButton({ chat, message_id: messageId, data: "p:9" })).toThrow(
			/no button with callback_data "p:9"/,
		);
	});

	it("refuses answers to unknown and already answered queries", async () => {
		const second = deferred<unknown>();
		const bot = await launch((b) =>
			b.action("twice", async (ctx) => {
				await ctx.answerCbQuery();
				second.resolve(await ctx.answerCbQuery().catch((error: unknown) => error));
			}),
		);
		const chat = tg.privateChat(1001);
		const sent = await bot.telegram.sendMessage(
			chat.id,
			"Pick",
			Markup.inlineKeyboard([Markup.button.callback("A", "twice")]),
		);
		tg.pressButton({ chat, message_id: sent.message_id, data: "twice" });
		expect(await second.promise).toMatchObject({ code: 400, description: TOO_OLD });
		expect((await rejection(bot.telegram.answerCbQuery("12345"))).description).toBe(TOO_OLD);
		const long = await rejection(bot.telegram.answerCbQuery("12345", "x".repeat(201)));
		expect(long.description).toBe("Bad Request: MESSAGE_TOO_LONG");
		expect(tg.callbackAnswers).toHaveLength(1);
	});

	it("refuses answers that come after the callback timeout", async () => {
		await tg.close();
		tg = await startFakeTelegram({ callbackTimeoutMs: 20 });
		const answer = deferred<unknown>();
		const bot = await launch((b) =>
			b.action("slow", async (ctx) => {
				// The handler is slower than the timeout on purpose: that is the case under test.
				await new Promise((resolve) => setTimeout(resolve, 80));
				answer.resolve(await ctx.answerCbQuery().catch((error: unknown) => error));
			}),
		);
		const chat = tg.privateChat(1001);
		const sent = await bot.telegram.sendMessage(
			chat.id,
			"Pick",
			Markup.inlineKeyboard([Markup.button.callback("A", "slow")]),
		);
		tg.pressButton({ chat, message_id: sent.message_id, data: "slow" });
		expect(await answer.promise).toMatchObject({ description: TOO_OLD });
	});
});

describe("validation", () => {
	const tooLong = "Bad Request: message is too long";

	it("limits text to 4096 UTF-16 code units after parsing", async () => {
		const bot = newBot();
		const chat = tg.privateChat(1);
		await bot.telegram.sendMessage(chat.id, `<b>${"x".repeat(4096)}</b>`, { parse_mode: "HTML" });
		const error = await rejection(bot.telegram.sendMessage(chat.id, "😀".repeat(2049)));
		expect(error.code).toBe(400);
		expect(error.description).toBe(tooLong);
		expect((await rejection(bot.telegram.sendMessage(chat.id, " \n "))).description).toBe(
			"Bad Request: message text is empty",
		);
		expect((await rejection(bot.telegram.sendMessage(999, "hi"))).description).toBe(
			"Bad Request: chat not found",
		);
	});

	it("limits callback_data to 64 bytes, not characters", async () => {
		const bot = newBot();
		const chat = tg.privateChat(1);
		const keyboard = (data: string) => Markup.inlineKeyboard([Markup.button.callback("Go", data)]);
		await bot.telegram.sendMessage(chat.id, "ok", keyboard("é".repeat(32)));
		const error = await rejection(
			bot.telegram.sendMessage(chat.id, "too long", keyboard(`${"é".repeat(32)}x`)),
		);
		expect(error.description).toBe("Bad Request: BUTTON_DATA_INVALID");
		const url = await rejection(
			bot.telegram.sendMessage(
				chat.id,
				"bad url",
				Markup.inlineKeyboard([Markup.button.url("Open", "not a url")]),
			),
		);
		expect(url.description).toBe(
			"Bad Request: inline keyboard button URL 'not a url' is invalid: Wrong HTTP URL",
		);
		expect(tg.messages(chat.id)).toHaveLength(1);
	});

	it("refuses HTML Telegram cannot parse", async () => {
		const bot = newBot();
		const chat = tg.privateChat(1);
		const unclosed = await rejection(bot.telegram.sendMessage(chat.id, "<b>Dress", { parse_mode: "HTML" }));
		expect(unclosed.description).toBe(
			"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
		);
		const bare = await rejection(bot.telegram.sendMessage(chat.id, "price < 5 ¥", { parse_mode: "HTML" }));
		expect(bare.description).toBe(
			'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 6',
		);
		const markdown = await rejection(bot.telegram.sendMessage(chat.id, "*x*", { parse_mode: "Markdown" }));
		expect(markdown.description).toBe(
			"Bad Request: unsupported parse_mode: fake-telegram implements HTML only",
		);
		const unknown = await rejection(
			bot.telegram.sendMessage(chat.id, "x", { parse_mode: "BBCode" as "HTML" }),
		);
		expect(unknown.description).toBe("Bad Request: unsupported parse_mode");
	});

	it("refuses edits that change nothing and edits of missing messages", async () => {
		const bot = newBot();
		const chat = tg.privateChat(1);
		const sent = await bot.telegram.sendMessage(chat.id, "Page 1", pageKeyboard(1));
		const same = await rejection(
			bot.telegram.editMessageText(chat.id, sent.message_id, undefined, "Page 1", pageKeyboard(1)),
		);
		expect(same.description).toBe(
			"Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
		);
		// The same text without the keyboard is a change: an edit without reply_markup removes the keyboard.
		await bot.telegram.editMessageText(chat.id, sent.message_id, undefined, "Page 1");
		expect(tg.messages(chat.id)[0]).not.toHaveProperty("reply_markup");
		const missing = await rejection(bot.telegram.editMessageText(chat.id, 99, undefined, "x"));
		expect(missing.description).toBe("Bad Request: message to edit not found");
		await bot.telegram.deleteMessage(chat.id, sent.message_id);
		expect(tg.messages(chat.id)[0]).toMatchObject({ deleted: true });
		expect((await rejection(bot.telegram.deleteMessage(chat.id, sent.message_id))).description).toBe(
			"Bad Request: message to delete not found",
		);
	});
});

describe("failures and flood control", () => {
	it("answers an injected 429 with retry_after, then runs the method again", async () => {
		const bot = newBot();
		const chat = tg.privateChat(1);
		tg.failNext("sendMessage", { error_code: 429, retry_after: 3 });
		const error = await rejection(bot.telegram.sendMessage(chat.id, "hi"));
		expect(error.code).toBe(429);
		expect(error.description).toBe("Too Many Requests: retry after 3");
		expect(error.parameters).toEqual({ retry_after: 3 });
		await bot.telegram.sendMessage(chat.id, "hi");
		expect(tg.messages(chat.id)).toHaveLength(1);
	});

	it("enforces flood limits when asked", async () => {
		const bot = newBot();
		const group = tg.group(-100500, "Buyers");
		// A one-minute window keeps the test exact however slow the machine is.
		tg.setRateLimit({ perGroupPerMinute: 1 });
		await bot.telegram.sendMessage(group.id, "one");
		const error = await rejection(bot.telegram.sendMessage(group.id, "two"));
		const retryAfter = error.parameters?.retry_after ?? 0;
		expect(error.response).toEqual({
			ok: false,
			error_code: 429,
			description: `Too Many Requests: retry after ${retryAfter}`,
			parameters: { retry_after: retryAfter },
		});
		expect(retryAfter).toBeGreaterThan(55);
		await bot.telegram.sendMessage(tg.privateChat(2).id, "private chats have no group limit");
		expect(tg.messages(group.id)).toHaveLength(1);
	});
});

describe("media", () => {
	it("keeps uploaded documents readable and photos by URL", async () => {
		await launch((bot) =>
			bot.command("export", async (ctx) => {
				await ctx.sendChatAction("upload_document");
				await ctx.replyWithDocument(Input.fromBuffer(Buffer.from("item_id,title\n1,Dress\n"), "items.csv"), {
					caption: "Export",
				});
			}),
		);
		const chat = tg.privateChat(1);
		tg.sendText({ chat, text: "/export" });
		await tg.waitForCall("sendDocument");
		expect(tg.calls.find((c) => c.method === "sendChatAction")?.params.action).toBe("upload_document");
		expect(tg.messages(chat.id)[0]).toMatchObject({
			caption: "Export",
			document: { file_name: "items.csv", mime_type: "text/csv", text: "item_id,title\n1,Dress\n" },
		});
	});

	it("sends photos by URL and edits their caption and media", async () => {
		const bot = newBot();
		const chat = tg.privateChat(1);
		const sent = await bot.telegram.sendPhoto(chat.id, "https://cbu01.alicdn.com/img/a.jpg", {
			caption: "<i>Dress</i>",
			parse_mode: "HTML",
		});
		expect(sent.photo[0]?.file_id).toEqual(expect.any(String));
		await bot.telegram.editMessageCaption(chat.id, sent.message_id, undefined, "Shoes");
		await bot.telegram.editMessageMedia(chat.id, sent.message_id, undefined, {
			type: "photo",
			media: Input.fromBuffer(Buffer.from([0xff, 0xd8]), "b.jpg"),
			caption: "Bag",
		});
		expect(tg.messages(chat.id)[0]).toMatchObject({
			caption: "Bag",
			photo: { file_name: "b.jpg", file_size: 2 },
			edited: 2,
		});
		const longCaption = await rejection(
			bot.telegram.sendPhoto(chat.id, "https://cbu01.alicdn.com/img/b.jpg", { caption: "x".repeat(1025) }),
		);
		expect(longCaption.description).toBe("Bad Request: message caption is too long");
		const text = await bot.telegram.sendMessage(chat.id, "text");
		const noCaption = await rejection(
			bot.telegram.editMessageCaption(chat.id, text.message_id, undefined, "x"),
		);
		expect(noCaption.description).toBe("Bad Request: there is no caption in the message to edit");
		const action = await rejection(bot.telegram.sendChatAction(chat.id, "dancing" as "typing"));
		expect(action.description).toBe("Bad Request: wrong parameter action in request");
	});
});
