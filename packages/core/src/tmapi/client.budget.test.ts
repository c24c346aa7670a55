import { setTimeout as delay } from "node:timers/promises";
import type { Fault } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { clientOf, failure, useEmulatorPerTest } from "../test-support/tmapiClient.js";
import type { TmapiAttemptEvent } from "./client.js";

const emu = useEmulatorPerTest();
const client = clientOf(emu);

describe("request budget: at most 1 + retries requests per call", () => {
	const retryableCodes = [417, 499, 500, 503];
	/** Every way an attempt can fail, and whether the client may send it again. */
	const failures: readonly (readonly [string, Fault, boolean])[] = [
		["a hanging request (timeout)", { kind: "hang" }, true],
		["a reset connection", { kind: "reset" }, true],
		["HTTP 500", { kind: "code", code: 500 }, true],
		["HTTP 503", { kind: "code", code: 503 }, true],
		["an HTML 502 page", { kind: "html", status: 502 }, true],
		["an empty 200 body", { kind: "empty" }, true],
		["a truncated 200 body", { kind: "malformed-json" }, true],
		...retryableCodes.map(
			(code) => [`body code ${code} in HTTP 200`, { kind: "code-in-200", code }, true] as const,
		),
		["body code 422 in HTTP 200", { kind: "code-in-200", code: 422 }, false],
		["body code 439 in HTTP 200", { kind: "code-in-200", code: 439 }, false],
	];
	const cases = failures.flatMap(([name, fault, retryable]) =>
		[0, 2].map((retries) => [name, retries, fault, retryable] as const),
	);
	// Each call asks for its own category, so the server counts exactly that call's requests.
	let nextCatId = 700_001;

	/**
	 * Requests for `catId` the server has read, once every request the client handed to fetch has arrived
	 * or 2 s have passed: a request the client aborted (a hang that timed out) may never reach the server
	 * on a busy machine, and an aborted request that never arrived was not paid for.
	 */
	async function arrivedAt(catId: number, sent: number): Promise<number> {
		const arrived = () => emu.current.stats.queries.filter((q) => q.query.cat_id === String(catId)).length;
		for (let waited = 0; arrived() < sent && waited < 2_000; waited += 20) await delay(20);
		// A little longer, for any request a lower layer (ofetch, undici) might re-send on its own.
		await delay(50);
		return arrived();
	}

	it.each(cases)("%s, retries=%i", async (_name, retries, fault, retryable) => {
		const catId = nextCatId++;
		emu.current.inject(fault);
		let sent = 0;
		const countingFetch: typeof fetch = (input, init) => {
			sent += 1;
			return fetch(input, init);
		};
		const events: TmapiAttemptEvent[] = [];
		const tmapi = client({ retries, timeoutMs: 200, fetch: countingFetch, onAttempt: (e) => events.push(e) });
		await failure(tmapi.categoryItemsV2({ catId }));

		const expected = retryable ? 1 + retries : 1;
		expect(sent).toBe(expected);
		expect(events.map((e) => e.attempt)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
		const arrived = await arrivedAt(catId, sent);
		// Every answered attempt reached the server; an aborted one may not have, and then cost nothing.
		if (fault.kind !== "hang") expect(arrived).toBe(expected);
		expect(arrived).toBeLessThanOrEqual(1 + retries);
	});

	it("shares one budget between coalesced callers", async () => {
		emu.current.setLatency(20);
		emu.current.inject({ kind: "code-in-200", code: 503 });
		const tmapi = client({ retries: 2 });
		const catId = nextCatId++;
		const results = await Promise.allSettled(
			Array.from({ length: 5 }, () => tmapi.categoryItemsV2({ catId })),
		);
		expect(results.every((r) => r.status === "rejected")).toBe(true);
		expect(await arrivedAt(catId, 3)).toBe(3);
	});
});
