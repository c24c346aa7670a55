import { startRedisServer } from "@catbot/testkit/redis";
import { describe, expect, it } from "vitest";
import { lastMessage, press, waitForEdit } from "./test-support/chat.js";
import { startHarness, TMAPI_TOKEN } from "./test-support/harness.js";

const alice = { id: 1001, is_bot: false, first_name: "Alice" };
const REDIS_PASSWORD = "redis-pass-for-the-telegram-log-test";

describe("secrets in the Telegram bot's log", () => {
	it("never logs the Redis password, the bot token or the TMAPI token, even when Redis dies mid-run", async () => {
		const redis = await startRedisServer({ password: REDIS_PASSWORD });
		try {
			const h = await startHarness({ REDIS_URL: redis.url, LOG_LEVEL: "debug" });
			const chat = h.tg.privateChat(alice.id);
			h.tg.sendText({ chat, from: alice, text: "/category 1031910 sort:sales" });
			await h.tg.waitForCall("sendMessage", (c) => c.params.chat_id === chat.id);
			const first = lastMessage(h.tg, chat);
			await redis.kill();
			await press(h.tg, chat, alice, first, "Next »");
			await waitForEdit(h.tg, chat, first.message_id, 1, 5_000);
			const logs = h.logs();
			expect(logs).toContain("redis");
			for (const secret of [REDIS_PASSWORD, TMAPI_TOKEN, h.tg.token]) expect(logs).not.toContain(secret);
		} finally {
			await redis.stop();
		}
	});
});
