import { describe, expect, it } from "vitest";
import { chat, created, HOUR, newArrivals, useWatches } from "../test-support/watches.js";
import { createWatchScheduler } from "./scheduler.js";
import type { WatchPost } from "./types.js";

const { emu, build } = useWatches();

class GoneError extends Error {
	readonly code = 403;
}

describe("createWatchScheduler", () => {
	it("hands due posts to send, never overlapping ticks", async () => {
		const { watches, logs, advance } = build();
		await created(watches, "/watch 1031910 every:6h");
		const sent: WatchPost[] = [];
		let release: () => void = () => undefined;
		const gate = new Promise<void>((resolve) => {
			release = resolve;
		});
		const scheduler = createWatchScheduler({
			watches,
			logger: logs.logger,
			send: async (post) => {
				await gate;
				sent.push(post);
			},
		});
		advance(6 * HOUR);
		emu.current.inject(newArrivals(1));
		const first = scheduler.tick();
		const second = scheduler.tick();
		expect(second).toBe(first);
		release();
		expect(await first).toBe(1);
		expect(sent.map((post) => post.kind)).toEqual(["new"]);
		expect(await scheduler.tick()).toBe(0);
		await scheduler.stop();
	});

	it("pauses the place when send says the bot is gone, and logs other send errors", async () => {
		const { watches, store, logs, advance } = build();
		await created(watches, "/watch 1031910 every:6h");
		const scheduler = createWatchScheduler({
			watches,
			logger: logs.logger,
			send: async () => {
				throw new GoneError("Forbidden: bot was kicked from the group chat");
			},
			isGone: (error) => error instanceof GoneError && error.code === 403,
		});
		advance(6 * HOUR);
		emu.current.inject(newArrivals(1));
		expect(await scheduler.tick()).toBe(0);
		expect((await store.list(chat))[0]?.placePaused).toBe(true);
		advance(6 * HOUR);
		expect(await watches.runDue()).toEqual([]);

		const failing = createWatchScheduler({
			watches,
			logger: logs.logger,
			send: async () => {
				throw new Error("network down");
			},
			isGone: () => false,
		});
		await watches.placeBack(chat);
		emu.current.inject(newArrivals(1, { base: 910_000_000_000 }));
		expect(await failing.tick()).toBe(0);
		expect((await store.list(chat))[0]?.placePaused).toBe(false);
		expect(logs.lines.some((line) => line.msg === "watch post could not be sent")).toBe(true);
	});

	it("keeps ticking after a round fails", async () => {
		const { logs } = build();
		let calls = 0;
		const scheduler = createWatchScheduler({
			watches: {
				runDue: async () => {
					calls++;
					throw new Error("store down");
				},
			} as never,
			logger: logs.logger,
			send: async () => undefined,
		});
		expect(await scheduler.tick()).toBe(0);
		expect(await scheduler.tick()).toBe(0);
		expect(calls).toBe(2);
	});
});
