import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Telegraf } from "telegraf";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./server.js";

let tg: FakeTelegram;
let hook: { server: Server; port: number; requests: IncomingHttpHeaders[]; handler: RequestListener };
let arrivals: { count: number; resolve: () => void }[];

beforeEach(async () => {
	tg = await startFakeTelegram();
	arrivals = [];
	const server = createServer((req, res) => {
		hook.requests.push(req.headers);
		for (const wait of arrivals.filter((a) => a.count === hook.requests.length)) wait.resolve();
		hook.handler(req, res);
	});
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	const { port } = server.address() as AddressInfo;
	hook = { server, port, requests: [], handler: (_req, res) => res.end() };
});

afterEach(async () => {
	await tg.close();
	hook.server.closeAllConnections();
	hook.server.close();
});

/** Resolves once the webhook server has received `count` requests in all. */
function requestsArrived(count: number): Promise<void> {
	if (hook.requests.length >= count) return Promise.resolve();
	return new Promise((resolve) => arrivals.push({ count, resolve }));
}

describe("webhook delivery", () => {
	it("posts updates with the secret token header and runs calls made in the webhook reply", async () => {
		const bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } });
		bot.command("start", (ctx) => ctx.reply("hello"));
		bot.action("ok", (ctx) => ctx.answerCbQuery("done"));
		const callback = await bot.createWebhook({
			domain: `127.0.0.1:${hook.port}`,
			path: "/telegraf/hook",
			secret_token: "s3cret_token",
		});
		hook.handler = (req, res) => {
			void callback(req, res);
		};
		expect((await tg.waitForCall("setWebhook")).params).toMatchObject({
			url: `https://127.0.0.1:${hook.port}/telegraf/hook`,
			secret_token: "s3cret_token",
		});

		const chat = tg.privateChat(1001);
		tg.sendText({ chat, text: "/start" });
		const reply = await tg.waitForCall("sendMessage");
		expect(reply.params).toMatchObject({ chat_id: 1001, text: "hello" });
		expect(hook.requests[0]?.["x-telegram-bot-api-secret-token"]).toBe("s3cret_token");

		const [sent] = tg.messages(chat.id);
		await bot.telegram.editMessageReplyMarkup(chat.id, sent?.message_id, undefined, {
			inline_keyboard: [[{ text: "OK", callback_data: "ok" }]],
		});
		tg.pressButton({ chat, message_id: sent?.message_id ?? 0, data: "ok" });
		const answer = await tg.waitForCall("answerCallbackQuery");
		expect(answer.via).toBe("webhook-reply");
		expect(tg.callbackAnswers).toEqual([expect.objectContaining({ text: "done", data: "ok" })]);
	});

	it("keeps an update the webhook refused, reports the error and retries", async () => {
		const bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } });
		const callback = bot.webhookCallback("/hook", { secretToken: "right" });
		hook.handler = (req, res) => {
			void callback(req, res);
		};
		tg.deliverTo(`http://127.0.0.1:${hook.port}/hook`, "wrong");
		tg.sendText({ chat: tg.privateChat(5), text: "hi" });
		// The retry comes after the failure was recorded, so two arrivals mean the info is up to date.
		await requestsArrived(2);
		const info = await bot.telegram.getWebhookInfo();
		expect(info).toMatchObject({
			url: `http://127.0.0.1:${hook.port}/hook`,
			pending_update_count: 1,
			last_error_message: "Wrong response from the webhook: 403 Forbidden",
		});
		tg.deliverTo(null);
		const updates = await bot.telegram.getUpdates(0, 100, 0, undefined);
		expect(updates.map((u) => ("message" in u && "text" in u.message ? u.message.text : undefined))).toEqual([
			"hi",
		]);
	});
});
