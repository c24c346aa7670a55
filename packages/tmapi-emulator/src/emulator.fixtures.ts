import { afterAll, beforeAll } from "vitest";
import { startTmapiEmulator, type TmapiEmulator } from "./server.js";

// biome-ignore lint/suspicious/noExplicitAny: tests poke at JSON of a known shape.
export type Json = any;

/** The parts of the file's emulator its tests read; valid once `beforeAll` has started it. */
export type SharedEmulator = Pick<TmapiEmulator, "url" | "catalog">;

/** One emulator for the calling test file, started before its first test and closed after its last. */
export function useSharedEmulator(): SharedEmulator {
	let current: TmapiEmulator | undefined;
	beforeAll(async () => {
		current = await startTmapiEmulator();
	});
	afterAll(async () => {
		await current?.close();
	});
	const started = (): TmapiEmulator => {
		if (!current) throw new Error("emulator not started");
		return current;
	};
	return {
		get url() {
			return started().url;
		},
		get catalog() {
			return started().catalog;
		},
	};
}
