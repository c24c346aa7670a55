import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./server.js";

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers of known shapes.
type Json = any;

let tg: FakeTelegram;
beforeEach(async () => {
	tg = await startFakeTelegram();
});
afterEach(async () => {
	await tg.close();
});

async function call(
	method: string,
	body?: unknown,
	token = tg.token,
): Promise<{ status: number; json: Json }> {
	const res = await fetch(`${tg.apiRoot}/bot${token}/${method}`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(body ?? {}),
	});
	return { status: res.status, json: await res.json() };
}

describe("routing", () => {
	it("answers getMe with the bot, whatever the case of the method name", async () => {
		const { status, json } = await call("GETme");
		expect(status).toBe(200);
		expect(json).toEqual({
			ok: true,
			result: expect.objectContaining({ id: 123456, is_bot: true, username: "catbot_test_bot" }),
		});
	});

	it("refuses a wrong token with 401 and an unknown method with 404, recording both", async () => {
		expect(await call("getMe", {}, "123456:wrong")).toEqual({
			status: 401,
			json: { ok: false, error_code: 401, description: "Unauthorized" },
		});
		expect(await call("sendSticker")).toEqual({
			status: 404,
			json: { ok: false, error_code: 404, description: "Not Found" },
		});
		expect((await fetch(`${tg.apiRoot}/nothing`)).status).toBe(404);
		expect(tg.calls.map((c) => [c.method, c.response?.ok])).toEqual([
			["getMe", false],
			["sendSticker", false],
		]);
	});

	it("reads urlencoded bodies and query strings, parsing JSON-valued fields", async () => {
		const chat = tg.privateChat(7);
		const form = new URLSearchParams({
			chat_id: String(chat.id),
			text: "hi",
			reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "Next", callback_data: "p:2" }]] }),
		});
		const res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage`, { method: "POST", body: form });
		expect(res.status).toBe(200);
		const get = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage?chat_id=${chat.id}&text=again`);
		expect(((await get.json()) as Json).result.text).toBe("again");
		const [first] = tg.calls;
		expect(first?.params.reply_markup).toEqual({
			inline_keyboard: [[{ text: "Next", callback_data: "p:2" }]],
		});
		expect(tg.messages(chat.id).map((m) => m.text)).toEqual(["hi", "again"]);
	});

	it("reads multipart uploads and keeps small text files readable", async () => {
		const chat = tg.privateChat(7);
		const form = new FormData();
		form.set("chat_id", String(chat.id));
		form.set("caption", "<b>Export</b>");
		form.set("parse_mode", "HTML");
		form.set("document", new Blob(["id,title\n1,Dress\n"]), "items.csv");
		const res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendDocument`, { method: "POST", body: form });
		const json = (await res.json()) as Json;
		expect(json.result.document).toMatchObject({ file_name: "items.csv", file_size: 17 });
		expect(tg.calls[0]?.params.document).toMatchObject({ file_name: "items.csv", file_size: 17 });
		const [message] = tg.messages(chat.id);
		expect(message?.document).toMatchObject({ file_name: "items.csv", text: "id,title\n1,Dress\n" });
		expect(message?.caption_entities).toEqual([{ type: "bold", offset: 0, length: 6 }]);
	});
});

describe("getUpdates", () => {
	it("returns queued updates, confirms them with offset and honours limit", async () => {
		const chat = tg.privateChat(5);
		const first = tg.sendText({ chat, text: "one" });
		tg.sendText({ chat, text: "two" });
		const limited = await call("getUpdates", { limit: 1 });
		expect(limited.json.result.map((u: Json) => u.message.text)).toEqual(["one"]);
		const rest = await call("getUpdates", { offset: first.update_id + 1 });
		expect(rest.json.result.map((u: Json) => u.message.text)).toEqual(["two"]);
		const again = await call("getUpdates", { offset: first.update_id + 2 });
		expect(again.json.result).toEqual([]);
	});

	it("holds a long poll until an update arrives", async () => {
		const poll = call("getUpdates", { timeout: 30 });
		await tg.waitForCall("getUpdates");
		const update = tg.sendText({ chat: tg.privateChat(5), text: "/start" });
		const { json } = await poll;
		expect(json.result).toEqual([update]);
		expect(update.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
	});

	it("answers [] when the timeout passes", async () => {
		const started = Date.now();
		expect((await call("getUpdates", { timeout: 1 })).json).toEqual({ ok: true, result: [] });
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it("ends a held poll with 409 when another getUpdates arrives", async () => {
		const first = call("getUpdates", { timeout: 30 });
		await tg.waitForCall("getUpdates");
		const second = await call("getUpdates", { timeout: 0 });
		expect(second.json).toEqual({ ok: true, result: [] });
		expect(await first).toEqual({
			status: 409,
			json: {
				ok: false,
				error_code: 409,
				description:
					"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
			},
		});
	});

	it("refuses getUpdates while a webhook is set", async () => {
		await call("setWebhook", { url: "https://127.0.0.1:9/hook" });
		const { status, json } = await call("getUpdates");
		expect(status).toBe(409);
		expect(json.description).toMatch(/^Conflict: can't use getUpdates method while webhook is active/);
		expect((await call("getWebhookInfo")).json.result).toMatchObject({ url: "https://127.0.0.1:9/hook" });
	});

	it("keeps only the newest updates for a negative offset, and drops all with drop_pending_updates", async () => {
		const chat = tg.privateChat(5);
		for (const text of ["a", "b", "c"]) tg.sendText({ chat, text });
		const newest = await call("getUpdates", { offset: -1 });
		expect(newest.json.result.map((u: Json) => u.message.text)).toEqual(["c"]);
		await call("deleteWebhook", { drop_pending_updates: true });
		expect((await call("getUpdates")).json.result).toEqual([]);
	});

	it("drops update types left out of allowed_updates", async () => {
		await call("getUpdates", { allowed_updates: ["callback_query"] });
		tg.sendText({ chat: tg.privateChat(5), text: "ignored" });
		expect((await call("getUpdates")).json.result).toEqual([]);
	});

	it("is ended at once by close()", async () => {
		const poll = call("getUpdates", { timeout: 50 });
		await tg.waitForCall("getUpdates");
		const started = Date.now();
		await tg.close();
		expect((await poll).json).toEqual({ ok: true, result: [] });
		expect(Date.now() - started).toBeLessThan(500);
		await tg.close();
	});
});

describe("bot settings", () => {
	it("stores commands per scope and language", async () => {
		const commands = [{ command: "category", description: "Browse a category" }];
		expect((await call("setMyCommands", { commands })).json.result).toBe(true);
		expect((await call("getMyCommands")).json.result).toEqual(commands);
		expect((await call("getMyCommands", { language_code: "ru" })).json.result).toEqual([]);
		const bad = await call("setMyCommands", { commands: [{ command: "Bad-Name", description: "x" }] });
		expect(bad.json.description).toBe("Bad Request: BOT_COMMAND_INVALID");
		await call("deleteMyCommands");
		expect((await call("getMyCommands")).json.result).toEqual([]);
	});

	it("records link preview options, old style included", async () => {
		const chat = tg.privateChat(5);
		await call("sendMessage", {
			chat_id: chat.id,
			text: "https://1688.com",
			link_preview_options: { is_disabled: true },
		});
		await call("sendMessage", { chat_id: chat.id, text: "https://1688.com", disable_web_page_preview: true });
		expect(tg.messages(chat.id).map((m) => m.link_preview_options)).toEqual([
			{ is_disabled: true },
			{ is_disabled: true },
		]);
	});
});

describe("waitForCall", () => {
	it("rejects with the recent calls when nothing matches in time", async () => {
		await call("getMe");
		await expect(tg.waitForCall("sendMessage", undefined, 50)).rejects.toThrow(
			/no sendMessage call within 50 ms[\s\S]*getMe \{\} → ok/,
		);
	});
});

describe("setLatency", () => {
	it("holds a method's calls, for one chat or all, and shows them in flight", async () => {
		const alice = tg.privateChat(1);
		const bob = tg.privateChat(2);
		tg.setLatency("sendMessage", 300, alice.id);
		const started = Date.now();
		const slow = call("sendMessage", { chat_id: alice.id, text: "slow" });
		const held = await tg.waitForCall("sendMessage", (c) => c.params.chat_id === alice.id);
		expect(held.response).toBeUndefined();
		await call("sendMessage", { chat_id: bob.id, text: "fast" });
		expect(Date.now() - started).toBeLessThan(250);
		expect((await slow).json.ok).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);

		tg.setLatency("sendMessage", 0, alice.id);
		tg.setLatency("SENDMESSAGE", 200);
		const before = Date.now();
		await call("sendMessage", { chat_id: bob.id, text: "all chats" });
		expect(Date.now() - before).toBeGreaterThanOrEqual(190);
		expect(() => tg.setLatency("getMe", -1)).toThrow(RangeError);
	});
});
