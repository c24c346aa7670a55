import { inspect } from "node:util";
import { startTmapiEmulator, type TmapiEmulator } from "@catbot/tmapi-emulator";
import { afterEach, beforeEach, expect } from "vitest";
import { createTmapiClient, type TmapiClient, type TmapiClientOptions } from "../tmapi/client.js";
import { TmapiError } from "../tmapi/errors.js";
import { TEST_TOKEN } from "./emulator.js";

/**
 * A new emulator for every test, not one per file. An attempt the client aborts (per-request timeout,
 * overall deadline) may already be on the wire and reach the server after its call has settled. With one
 * emulator per file such a request was counted in the next test, after its counters had been reset: that
 * is how a run under load saw 3 requests for `retries: 1`. A closed emulator cannot count it anywhere.
 */
export function useEmulatorPerTest(): { readonly current: TmapiEmulator } {
	let current: TmapiEmulator | undefined;
	beforeEach(async () => {
		current = await startTmapiEmulator({ apiToken: TEST_TOKEN });
	});
	afterEach(async () => {
		await current?.close();
		current = undefined;
	});
	return {
		get current() {
			if (!current) throw new Error("emulator not started");
			return current;
		},
	};
}

/** A client of the test's own emulator, retrying without waiting unless told otherwise. */
export function clientOf(emu: {
	readonly current: TmapiEmulator;
}): (options?: Partial<TmapiClientOptions>) => TmapiClient {
	return (options = {}) =>
		createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: emu.current.url, retryDelayMs: 1, ...options });
}

export async function failure(promise: Promise<unknown>): Promise<TmapiError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(TmapiError);
		return error as TmapiError;
	}
	throw new Error("expected the call to fail");
}

/** Everything an error could show a log, a chat or a snapshot. */
export function everythingShown(error: unknown): string {
	const parts: string[] = [
		String(error),
		JSON.stringify(error),
		inspect(error, { depth: 10, showHidden: true }),
	];
	let current: unknown = error;
	for (let depth = 0; current instanceof Error && depth < 10; depth += 1) {
		parts.push(current.message, current.stack ?? "", JSON.stringify(current));
		current = current.cause;
	}
	return parts.join("\n");
}

export function expectNoToken(error: unknown) {
	const shown = everythingShown(error);
	expect(shown).not.toContain(TEST_TOKEN);
	expect(shown).not.toContain(encodeURIComponent(TEST_TOKEN));
}
