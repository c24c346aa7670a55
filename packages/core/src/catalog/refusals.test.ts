import { describe, expect, it } from "vitest";
import { alice, bob, useCatalog, view } from "../test-support/catalog.js";
import { TEST_TOKEN } from "../test-support/emulator.js";
import { encodePageToken } from "../tokens/pageToken.js";

const { emu, setup } = useCatalog();

describe("catalog refusals", () => {
	it("explains a malformed command, with every problem, without any call", async () => {
		const { catalog } = setup();
		const outcome = await catalog.show(alice, { text: "/category sotr:sales page:0" });
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.refusal.kind).toBe("invalid");
		expect(outcome.refusal.message).toContain("Tell me a category id");
		expect(outcome.refusal.message).toContain("Did you mean 'sort'");
		expect(emu.current.stats.requests).toBe(0);
	});

	it("refuses a forged or altered token", async () => {
		const { catalog } = setup();
		const forged = encodePageToken(
			{ ...(await view(catalog, alice, { text: "/category 1031910" })).query, page: 3 },
			"another-secret-entirely",
		);
		for (const token of [forged, "garbage", "", `${forged}A`]) {
			const outcome = await catalog.show(alice, { token });
			expect(outcome).toMatchObject({ ok: false, refusal: { kind: "bad-token" } });
		}
	});

	it("refuses people outside the allow-lists, and serves those inside", async () => {
		const { catalog } = setup({ allow: { telegramChats: ["-100500"], discordUsers: ["1"] } });
		expect((await catalog.show(alice, { text: "/category 1031910" })).ok).toBe(true);
		const outside = await catalog.show({ ...alice, placeId: "-100999" }, { text: "/category 1031910" });
		expect(outside).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
		expect((await catalog.show(bob, { text: "/category 1031910" })).ok).toBe(false);
		expect((await catalog.show({ ...bob, userId: "1" }, { text: "/category 1031910" })).ok).toBe(true);
	});

	it("rate-limits a user, says when to retry, and says it once per window", async () => {
		const { catalog } = setup({ limits: { actionsPerWindow: 2, windowMs: 60_000 } });
		await catalog.show(alice, { text: "/category 1031910" });
		await catalog.show(alice, { text: "/category 1031910" });
		const refusals = [
			await catalog.show(alice, { text: "/category 1031910" }),
			await catalog.show(alice, { text: "/category 1031910" }),
		];
		expect(refusals.map((r) => !r.ok && r.refusal.kind === "rate-limited" && r.refusal.notify)).toEqual([
			true,
			false,
		]);
		const first = refusals[0];
		if (!first || first.ok || first.refusal.kind !== "rate-limited") throw new Error("expected a refusal");
		expect(first.refusal.retryAfterSec).toBeGreaterThan(0);
		expect(first.refusal.message).toMatch(/try again in \d+ (s|min)/);
		expect((await catalog.show(bob, { text: "/category 1031910" })).ok).toBe(true);
	});

	it("spends the daily budget on cache misses only, refunding failed calls", async () => {
		const { catalog } = setup({ limits: { userDailyBudget: 2, dailyBudget: 100 }, nameWaitMs: 0 });
		emu.current.inject({ kind: "code", code: 439, endpoint: "info" });
		await view(catalog, alice, { text: "/category 1031910" });
		// Cached pages cost nothing.
		for (let i = 0; i < 5; i += 1) await view(catalog, alice, { text: "/category 1031910 page:2" });
		emu.current.inject({ kind: "code", code: 500, endpoint: "v2", times: 1 });
		expect(await catalog.show(alice, { text: "/category 1031910 sort:sales" })).toMatchObject({
			ok: false,
			refusal: { kind: "upstream", code: 500 },
		});
		// The failed call was refunded, so one paid call is still left today.
		await view(catalog, alice, { text: "/category 1031910 sort:sales" });
		const refused = await catalog.show(alice, { text: "/category 1031910 sort:price_up" });
		expect(refused).toMatchObject({ ok: false, refusal: { kind: "budget", scope: "user" } });
		expect((await catalog.show(alice, { text: "/category 1031910 page:3" })).ok).toBe(true);
		expect((await catalog.show(bob, { text: "/category 1031910 sort:price_up" })).ok).toBe(true);
	});

	it.each([
		[439, /subscription|balance/i],
		[503, /busy/i],
	])("turns upstream %d into a message for the user", async (code, text) => {
		const { catalog, logs } = setup();
		emu.current.inject({ kind: "code", code, endpoint: "v2" });
		const outcome = await catalog.show(alice, { text: "/category 1031910" });
		expect(outcome).toMatchObject({ ok: false, refusal: { kind: "upstream", code } });
		if (!outcome.ok) expect(outcome.refusal.message).toMatch(text);
		expect(logs.lines.filter((l) => l.msg === "action")).toHaveLength(1);
		expect(logs.text()).not.toContain(TEST_TOKEN);
	});

	it("turns an upstream timeout into a message", async () => {
		const { catalog } = setup();
		emu.current.inject({ kind: "hang", endpoint: "v2" });
		const outcome = await catalog.show(alice, { text: "/category 1031910" });
		expect(outcome).toMatchObject({
			ok: false,
			refusal: { kind: "upstream", code: "timeout", retryable: true },
		});
	});

	it("never lets a failing or slow name lookup hold back the items", async () => {
		const { catalog } = setup({ nameWaitMs: 100 });
		emu.current.inject({ kind: "hang", endpoint: "info" });
		const page = await view(catalog, alice, { text: "/category 1031910" });
		expect(page.category?.name).toBeNull();
		expect(page.cards).toHaveLength(5);
	});
});
