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
		await new Promise((resolve) => setTimeout(resolve, 100)); // let both clients connect
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
			await new Promise((resolve) => setTimeout(resolve, 100));
			await local.kill();
			const decisions = await hits(limits, "u", 3);
			expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
		} finally {
			await local.stop();
		}
	});
});
