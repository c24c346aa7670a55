import { createLimits, type LimitDecision } from "@catbot/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis } from "../test-support/redis.js";
import { redisCounters } from "./redisCounters.js";

async function hits(limits: ReturnType<typeof createLimits>, key: string, n: number) {
	const out: LimitDecision[] = [];
	for (let i = 0; i < n; i += 1) out.push(await limits.action(key));
	return out;
}

const allowedCount = (decisions: readonly LimitDecision[]) => decisions.filter((d) => d.allowed).length;

describe("limits on Redis", () => {
	let redis: TestRedis;
	beforeAll(async () => {
		redis = await startRedis();
	});
	afterAll(async () => {
		await redis.stop();
	});

	it("share counts between two processes' limiters", async () => {
		const prefix = `t${Date.now()}`;
		const a = createLimits({
			counters: redisCounters(redis.client()),
			prefix,
			actionsPerWindow: 4,
			windowMs: 10_000,
			userDailyBudget: 3,
		});
		const b = createLimits({
			counters: redisCounters(redis.client()),
			prefix,
			actionsPerWindow: 4,
			windowMs: 10_000,
			userDailyBudget: 3,
		});
		await redis.connected();
		const decisions = [await a.action("u"), await b.action("u"), await a.action("u"), await b.action("u")];
		expect(allowedCount(decisions)).toBe(4);
		expect((await a.action("u")).allowed).toBe(false);
		expect((await b.action("u")).allowed).toBe(false);
		expect((await a.spendUpstream("u")).ok).toBe(true);
		expect((await b.spendUpstream("u")).ok).toBe(true);
		expect((await a.spendUpstream("u")).ok).toBe(true);
		expect(await b.spendUpstream("u")).toMatchObject({ ok: false, scope: "user" });
	});

	it("keep limiting in memory while Redis is down", async () => {
		const local = await startRedis();
		try {
			const limits = createLimits({
				counters: redisCounters(local.client()),
				actionsPerWindow: 2,
				windowMs: 10_000,
			});
			await local.connected();
			await local.kill();
			const decisions = await hits(limits, "u", 3);
			expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
		} finally {
			await local.stop();
		}
	});
});

describe("daily budgets when Redis fails", () => {
	const waitUntil = async (check: () => boolean) => {
		const deadline = Date.now() + 10_000;
		while (!check()) {
			if (Date.now() > deadline) throw new Error("timed out");
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	};

	it("spend at most this process's share while Redis is down, and say so", async () => {
		const local = await startRedis();
		try {
			let fallbacks = 0;
			const client = local.client();
			const limits = createLimits({
				counters: redisCounters(client, { processes: 2, onBudgetFallback: () => (fallbacks += 1) }),
				userDailyBudget: 100,
				dailyBudget: 10,
			});
			await waitUntil(() => client.status === "ready");
			await local.kill();
			await waitUntil(() => client.status !== "ready");
			const spent = [];
			for (let i = 0; i < 7; i += 1) spent.push((await limits.spendUpstream("u")).ok);
			expect(spent).toEqual([true, true, true, true, true, false, false]);
			expect(fallbacks).toBeGreaterThan(0);
		} finally {
			await local.stop();
		}
	});

	it("do not start again from zero when Redis restarts with an empty store", async () => {
		const local = await startRedis();
		try {
			const restored: number[] = [];
			const client = local.client();
			const limits = createLimits({
				counters: redisCounters(client, { onBudgetRestored: (_key, count) => restored.push(count) }),
				userDailyBudget: 100,
				dailyBudget: 5,
			});
			await waitUntil(() => client.status === "ready");
			for (let i = 0; i < 4; i += 1) expect((await limits.spendUpstream("u")).ok).toBe(true);
			await local.kill();
			await local.restart();
			await waitUntil(() => client.status === "ready");
			expect((await limits.spendUpstream("u")).ok).toBe(true);
			expect(await limits.spendUpstream("u")).toMatchObject({ ok: false, scope: "deployment" });
			expect(restored).toContain(5);
		} finally {
			await local.stop();
		}
	});
});
