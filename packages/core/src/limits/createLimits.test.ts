import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLimits } from "./createLimits.js";
import { msUntilUtcMidnight } from "./dailyBudget.js";

const WINDOW = 30_000;

async function hits(limits: ReturnType<typeof createLimits>, key: string, n: number) {
	const out = [];
	for (let i = 0; i < n; i += 1) out.push(await limits.action(key));
	return out;
}

const allowedCount = (decisions: { allowed: boolean }[]) => decisions.filter((d) => d.allowed).length;

describe("per-user action limit (in memory, fake clock)", () => {
	beforeEach(() => {
		vi.useFakeTimers();
		// Start a fresh window so each test knows where the edges are.
		vi.setSystemTime(Math.ceil(Date.now() / WINDOW) * WINDOW + 1);
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it("allows a burst of 6, refuses the 7th with the wait, and tells the user only once", async () => {
		const limits = createLimits({ actionsPerWindow: 6, windowMs: WINDOW });
		const decisions = await hits(limits, "telegram:1", 9);
		expect(allowedCount(decisions)).toBe(6);
		const refused = decisions.slice(6);
		expect(refused.map((d) => !d.allowed && d.notify)).toEqual([true, false, false]);
		const first = refused[0];
		if (!first || first.allowed) throw new Error("expected a refusal");
		expect(first.retryAfterMs).toBeGreaterThan(0);
		expect(first.retryAfterMs).toBeLessThanOrEqual(2 * WINDOW);
		vi.advanceTimersByTime(first.retryAfterMs);
		expect((await limits.action("telegram:1")).allowed).toBe(true);
	});

	it("keeps users apart", async () => {
		const limits = createLimits({ actionsPerWindow: 2, windowMs: WINDOW });
		await hits(limits, "telegram:1", 3);
		expect((await limits.action("telegram:2")).allowed).toBe(true);
		expect((await limits.action("discord:1")).allowed).toBe(true);
	});

	it("does not allow a double burst across a window edge", async () => {
		const limits = createLimits({ actionsPerWindow: 6, windowMs: WINDOW });
		vi.advanceTimersByTime(WINDOW - 100);
		expect(allowedCount(await hits(limits, "u", 6))).toBe(6);
		vi.advanceTimersByTime(200); // just past the edge of a fixed window
		// A fixed window would allow 6 more here (12 within 200 ms); the sliding window allows none.
		expect(allowedCount(await hits(limits, "u", 6))).toBe(0);
		// Halfway through the next window half of the old burst has faded.
		vi.advanceTimersByTime(WINDOW / 2);
		expect(allowedCount(await hits(limits, "u", 6))).toBe(3);
	});

	it("does not count refused presses, so pressing while refused does not extend the wait", async () => {
		const limits = createLimits({ actionsPerWindow: 2, windowMs: WINDOW });
		await hits(limits, "u", 2);
		const first = await limits.action("u");
		await hits(limits, "u", 20);
		const later = await limits.action("u");
		if (first.allowed || later.allowed) throw new Error("expected refusals");
		expect(later.retryAfterMs).toBeLessThanOrEqual(first.retryAfterMs);
		vi.advanceTimersByTime(first.retryAfterMs);
		expect((await limits.action("u")).allowed).toBe(true);
	});

	it("tells the user again in the next window", async () => {
		const limits = createLimits({ actionsPerWindow: 1, windowMs: WINDOW });
		await limits.action("u");
		const a = await limits.action("u");
		vi.advanceTimersByTime(WINDOW);
		// The last window's action still weighs almost fully: refused, and said again since it is a new window.
		const b = await limits.action("u");
		const c = await limits.action("u");
		expect([a, b, c].map((d) => !d.allowed && d.notify)).toEqual([true, true, false]);
	});
});

describe("daily upstream budgets (in memory)", () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date("2026-11-23T22:00:00Z"));
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it("refuses past the user's budget until midnight UTC, and refunds failed calls", async () => {
		const limits = createLimits({ userDailyBudget: 2, dailyBudget: 100 });
		expect(await limits.spendUpstream("u")).toEqual({ ok: true });
		expect(await limits.spendUpstream("u")).toEqual({ ok: true });
		const refused = await limits.spendUpstream("u");
		expect(refused).toEqual({ ok: false, retryAfterMs: 2 * 3_600_000, scope: "user" });
		await limits.refundUpstream("u");
		expect((await limits.spendUpstream("u")).ok).toBe(true);
		expect((await limits.spendUpstream("someone-else")).ok).toBe(true);
		vi.setSystemTime(new Date("2026-11-24T00:00:01Z"));
		expect((await limits.spendUpstream("u")).ok).toBe(true);
	});

	it("refuses everyone past the deployment's budget without charging the user", async () => {
		const limits = createLimits({ userDailyBudget: 10, dailyBudget: 3 });
		for (const user of ["a", "b", "c"]) expect((await limits.spendUpstream(user)).ok).toBe(true);
		expect(await limits.spendUpstream("d")).toMatchObject({ ok: false, scope: "deployment" });
		expect(await limits.spendUpstream("a")).toMatchObject({ ok: false, scope: "deployment" });
		await limits.refundUpstream("a");
		expect((await limits.spendUpstream("d")).ok).toBe(true);
	});

	it("computes the time to midnight UTC", () => {
		expect(msUntilUtcMidnight(Date.parse("2026-11-23T23:59:00Z"))).toBe(60_000);
	});
});
