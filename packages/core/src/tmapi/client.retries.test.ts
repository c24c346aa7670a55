import { describe, expect, it } from "vitest";
import { TEST_TOKEN } from "../test-support/emulator.js";
import { clientOf, expectNoToken, failure, useEmulatorPerTest } from "../test-support/tmapiClient.js";
import { createTmapiClient, type TmapiAttemptEvent } from "./client.js";
import { TmapiNetworkError, TmapiTimeoutError } from "./errors.js";

const emu = useEmulatorPerTest();
const client = clientOf(emu);

describe("retries", () => {
	it("recovers when a retryable failure passes", async () => {
		emu.current.inject({ kind: "code", code: 503, times: 2 });
		const events: TmapiAttemptEvent[] = [];
		const page = await client({ retries: 2, onAttempt: (e) => events.push(e) }).categoryItemsV2({
			catId: 1031910,
		});
		expect(page.items.length).toBeGreaterThan(0);
		expect(emu.current.stats.requests).toBe(3);
		expect(events.map((e) => [e.attempt, e.outcome, e.error?.code])).toEqual([
			[1, "error", 503],
			[2, "error", 503],
			[3, "ok", undefined],
		]);
		expect(events[0]?.retryInMs).toBeGreaterThanOrEqual(0);
		expectNoToken(events);
	});

	it("gives up after `retries` extra attempts", async () => {
		emu.current.inject({ kind: "code", code: 417 });
		await failure(client({ retries: 4 }).categoryItemsV2({ catId: 1031910 }));
		expect(emu.current.stats.requests).toBe(5);
	});

	it("stops retrying when the overall deadline runs out", async () => {
		emu.current.inject({ kind: "code", code: 503 });
		const started = Date.now();
		const error = await failure(
			client({ retries: 10, retryDelayMs: 100, maxRetryDelayMs: 100, deadlineMs: 250 }).categoryItemsV2({
				catId: 1,
			}),
		);
		expect(Date.now() - started).toBeLessThan(1_500);
		expect([503, "timeout"]).toContain(error.code);
		expect(emu.current.stats.requests).toBeLessThan(10);
	});
});

describe("timeouts and network failures", () => {
	it("times out a hanging request, retries it, then reports a TmapiTimeoutError", async () => {
		emu.current.inject({ kind: "hang" });
		const error = await failure(client({ timeoutMs: 150, retries: 1 }).categoryItemsV2({ catId: 1031910 }));
		expect(error).toBeInstanceOf(TmapiTimeoutError);
		expect(error).toMatchObject({ code: "timeout", retryable: true, timeoutMs: 150 });
		// The second attempt was aborted: on a busy machine the server may read it just after the call failed.
		await expect.poll(() => emu.current.stats.requests).toBeGreaterThanOrEqual(2);
		expect(emu.current.stats.requests).toBe(2);
		expectNoToken(error);
	});

	it("times out at the deadline even when the per-request timeout is longer", async () => {
		emu.current.inject({ kind: "hang" });
		const started = Date.now();
		const error = await failure(client({ timeoutMs: 10_000, deadlineMs: 200 }).categoryItemsV2({ catId: 1 }));
		expect(error).toBeInstanceOf(TmapiTimeoutError);
		expect(Date.now() - started).toBeLessThan(2_000);
	});

	it("reports a reset connection as a TmapiNetworkError", async () => {
		emu.current.inject({ kind: "reset" });
		const error = await failure(client({ retries: 0 }).categoryItemsV2({ catId: 1031910 }));
		expect(error).toBeInstanceOf(TmapiNetworkError);
		expect(error).toMatchObject({ code: "network", retryable: true });
		expect(error.cause).toBeInstanceOf(Error);
		expectNoToken(error);
	});

	it("reports a refused connection as a TmapiNetworkError with a token-free cause chain", async () => {
		const error = await failure(
			createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: "http://127.0.0.1:1", retries: 0 }).categoryItemsV2({
				catId: 1,
			}),
		);
		expect(error).toBeInstanceOf(TmapiNetworkError);
		expectNoToken(error);
	});
});
