import {
	type Actor,
	createAccessPolicy,
	createCatalog,
	createLimits,
	createMemoryStore,
	createTieredStore,
	createTmapiClient,
} from "@catbot/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisStore } from "./cache/redisStore.js";
import { redisCounters } from "./limits/redisCounters.js";
import { TEST_TOKEN, useEmulator } from "./test-support/emulator.js";
import { captureLogs } from "./test-support/logs.js";
import { startRedis, type TestRedis } from "./test-support/redis.js";

const emu = useEmulator();
const alice: Actor = { platform: "telegram", userId: "1001", placeId: "-100500" };

/** One bot process: its own client and Redis connection, the shared Redis behind. */
function botProcess(
	redis: TestRedis,
	prefix: string,
	actionsPerWindow = 100,
	tiers: "redis" | "memory+redis" = "redis",
) {
	const logs = captureLogs([TEST_TOKEN]);
	const client = redis.client();
	const shared = createRedisStore({ redis: client, logger: logs.logger, prefix: `${prefix}:cache:` });
	const catalog = createCatalog({
		client: createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: emu.current.url, retries: 0 }),
		cache:
			tiers === "redis"
				? shared
				: createTieredStore({ near: createMemoryStore({ maxBytes: 8 * 1024 * 1024 }), far: shared }),
		limits: createLimits({ counters: redisCounters(client), prefix, actionsPerWindow, windowMs: 60_000 }),
		access: createAccessPolicy({}),
		logger: logs.logger,
		tokenSecret: "shared-secret-of-the-deployment",
	});
	return { catalog, logs };
}

describe("several bot processes on one Redis", () => {
	let redis: TestRedis;
	beforeAll(async () => {
		redis = await startRedis();
	});
	afterAll(async () => {
		await redis.stop();
	});

	it("share the cache: a page fetched by one process is a hit in the other, buttons included", async () => {
		const a = botProcess(redis, "share1");
		const b = botProcess(redis, "share1");
		await redis.connected();
		const first = await a.catalog.show(alice, { text: "/category 1031910 sort:sales" });
		if (!first.ok) throw new Error(first.refusal.message);
		const second = await b.catalog.show(
			{ ...alice, userId: "2002" },
			{ token: first.view.tokens.next ?? "" },
		);
		if (!second.ok) throw new Error(second.refusal.message);
		expect(second.view.fromCache).toBe(true);
		expect(second.view.page).toBe(2);
		expect(emu.current.stats.byEndpoint.v2).toBe(1);
	});

	it("share the rate limit", async () => {
		const a = botProcess(redis, "share2", 3);
		const b = botProcess(redis, "share2", 3);
		await redis.connected();
		const outcomes = [];
		for (const bot of [a, b, a, b])
			outcomes.push(await bot.catalog.show(alice, { text: "/category 1031910" }));
		expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false]);
		expect(outcomes[3]).toMatchObject({ ok: false, refusal: { kind: "rate-limited" } });
	});

	it("keep answering, uncached, when Redis dies mid-run, and log it once", async () => {
		const local = await startRedis();
		try {
			const bot = botProcess(local, "dies");
			await local.connected();
			expect((await bot.catalog.show(alice, { text: "/category 1031910" })).ok).toBe(true);
			await local.kill();
			for (let i = 0; i < 5; i += 1) {
				const outcome = await bot.catalog.show(alice, { text: "/category 1031910" });
				expect(outcome.ok).toBe(true);
				if (outcome.ok) expect(outcome.view.fromCache).toBe(false);
			}
			// Coalescing still works without the shared store, but each sequential command pays.
			expect(emu.current.stats.byEndpoint.v2).toBe(6);
			const warnings = bot.logs.lines.filter((l) => l.level === 40 && String(l.msg).includes("redis"));
			expect(warnings).toHaveLength(1);
			expect(bot.logs.text()).not.toContain(TEST_TOKEN);
		} finally {
			await local.stop();
		}
	});

	it("with memory in front, serve repeats from memory, and keep serving them while Redis is down", async () => {
		const local = await startRedis();
		try {
			const a = botProcess(local, "tiers", 100, "memory+redis");
			const b = botProcess(local, "tiers", 100, "memory+redis");
			await local.connected();
			const first = await a.catalog.show(alice, { text: "/category 1031910" });
			expect(first).toMatchObject({ ok: true, view: { fromCache: false } });
			// The other process finds the page in Redis; this one answers the repeat from memory.
			expect(await b.catalog.show(alice, { text: "/category 1031910" })).toMatchObject({
				view: { fromCache: true },
			});
			await local.kill();
			for (let i = 0; i < 5; i += 1) {
				expect(await a.catalog.show(alice, { text: "/category 1031910" })).toMatchObject({
					ok: true,
					view: { fromCache: true },
				});
			}
			expect(emu.current.stats.byEndpoint.v2).toBe(1);
			const warnings = a.logs.lines.filter((l) => l.level === 40 && String(l.msg).includes("redis"));
			expect(warnings.length).toBeLessThanOrEqual(1);
		} finally {
			await local.stop();
		}
	});
});
