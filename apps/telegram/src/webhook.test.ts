import { once } from "node:events";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { lastMessage } from "./test-support/chat.js";
import { startHarness } from "./test-support/harness.js";

async function freePort(): Promise<number> {
	const server = createServer().listen(0, "127.0.0.1");
	await once(server, "listening");
	const address = server.address();
	server.close();
	if (address === null || typeof address === "string") throw new Error("no port");
	return address.port;
}

const SECRET = "webhook-secret-0123456789";

describe("webhook mode", () => {
	it("takes updates from Telegram with the secret header and refuses anything else", async () => {
		const port = await freePort();
		const url = `http://127.0.0.1:${port}/telegram/hook`;
		const h = await startHarness({
			TELEGRAM_WEBHOOK_URL: url,
			TELEGRAM_WEBHOOK_SECRET: SECRET,
			PORT: String(port),
		});
		expect(h.bot.webhookPort).toBe(port);
		const setWebhook = await h.tg.waitForCall("setWebhook");
		expect(setWebhook.params).toMatchObject({ url, secret_token: SECRET });

		const chat = h.tg.privateChat(7);
		h.tg.sendText({ chat, text: "/category 1031910" });
		await h.tg.waitForCall("sendMessage", (c) => c.params.chat_id === chat.id);
		expect(lastMessage(h.tg, chat).text).toContain("Page 1 of 28");

		const update = {
			update_id: 999,
			message: {
				message_id: 1,
				date: 0,
				chat,
				from: { id: 7, is_bot: false, first_name: "Eve" },
				text: "/help",
			},
		};
		for (const headers of [{}, { "x-telegram-bot-api-secret-token": "wrong-secret-0123456789" }]) {
			const response = await fetch(url, {
				method: "POST",
				headers: { "content-type": "application/json", ...headers },
				body: JSON.stringify(update),
			});
			expect(response.status).toBe(403);
		}
		const sent = h.tg.calls.filter((c) => c.method === "sendMessage").length;
		expect(sent).toBe(1);
	});

	it("refuses to start in webhook mode without a secret", async () => {
		await expect(startHarness({ TELEGRAM_WEBHOOK_URL: "https://bot.example.com/hook" })).rejects.toThrow(
			"TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set",
		);
	});
});
