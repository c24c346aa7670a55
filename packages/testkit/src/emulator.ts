import { startTmapiEmulator, type TmapiEmulator } from "@catbot/tmapi-emulator";
import { afterAll, afterEach, beforeAll } from "vitest";

export const TEST_TOKEN = "tok_9f8e7d6c5b4a_SECRET";

/**
 * Starts one emulator for the calling test file, checks the token like the real API, and clears faults
 * and counters between tests so each starts from a quiet upstream.
 */
export function useEmulator(): { readonly current: TmapiEmulator } {
	const holder: { current?: TmapiEmulator } = {};
	beforeAll(async () => {
		holder.current = await startTmapiEmulator({ apiToken: TEST_TOKEN });
	});
	afterEach(() => {
		holder.current?.clearFaults();
		holder.current?.setLatency(0);
		holder.current?.resetStats();
	});
	afterAll(async () => {
		await holder.current?.close();
	});
	return {
		get current() {
			if (!holder.current) throw new Error("emulator not started");
			return holder.current;
		},
	};
}
