import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLogs as capture } from "../test-support/logs.js";
import { startRedis, type TestRedis } from "../test-support/redis.js";
import { createRedisStore } from "./redisStore.js";

describe("createRedisStore", () => {
	let redis: TestRedis;
	beforeAll(async () => {
		redis = await startRedis();
	});
	afterAll(async () => {
		await redis.stop();
	});

	it("stores with a TTL under its prefix", async () => {
		const client = redis.client();
		await redis.connected();
		const store = createRedisStore({ redis: client, logger: capture().logger, prefix: "test:" });
		await store.set("k", "v", 150);
		expect(await store.get("k")).toBe("v");
		expect(await client.get("test:k")).toBe("v");
		await new Promise((resolve) => setTimeout(resolve, 250));
		expect(await store.get("k")).toBeUndefined();
	});

	it("degrades to misses when Redis dies, logging once per interval, and recovers", async () => {
		const local = await startRedis();
		try {
			const logs = capture();
			const { logger } = logs;
			const client = local.client();
			await local.connected();
			const store = createRedisStore({ redis: client, logger, failureLogIntervalMs: 60_000 });
			await store.set("k", "v", 60_000);
			await local.kill();
			for (let i = 0; i < 20; i += 1) {
				expect(await store.get("k")).toBeUndefined();
				await store.set("k", "v", 60_000);
			}
			expect(logs.lines.filter((l) => l.level === 40)).toHaveLength(1);
			await local.restart();
			await local.connected();
			await store.set("k", "again", 60_000);
			expect(await store.get("k")).toBe("again");
		} finally {
			await local.stop();
		}
	});
});
