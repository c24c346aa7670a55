import { startRedisServer } from "@catbot/testkit/redis";
import { describe, expect, it } from "vitest";
import { startHarness, TMAPI_TOKEN } from "./test-support/harness.js";

const REDIS_PASSWORD = "redis-pass-for-the-discord-log-test";

describe("secrets in the Discord bot's log", () => {
	it("never logs the Redis password or any token, through a failed defer and a dead Redis", async () => {
		const redis = await startRedisServer({ password: REDIS_PASSWORD });
		try {
			const h = await startHarness({ REDIS_URL: redis.url, LOG_LEVEL: "debug" });
			h.discord.failNext((request) => request.path.endsWith("/callback"), {
				status: 404,
				body: { code: 10062, message: "Unknown interaction" },
				times: 2,
			});
			const expired = await h.category({ cat_id: 1031910 });
			for (let i = 0; i < 250 && !h.logs().includes("interaction expired before we answered"); i += 1) {
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			await redis.kill();
			const next = await h.category({ cat_id: 1031910, page: 2 });
			await next.waitForEdit(8_000).catch(() => next.response());
			const logs = h.logs();
			expect(logs).toContain("interaction expired before we answered");
			for (const secret of [REDIS_PASSWORD, TMAPI_TOKEN, h.discord.token, expired.token]) {
				expect(logs).not.toContain(secret);
			}
		} finally {
			await redis.stop();
		}
	});
});
