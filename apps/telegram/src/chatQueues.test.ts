import { describe, expect, it } from "vitest";
import { type ChatQueueLimits, createChatQueues } from "./chatQueues.js";

const LIMITS: ChatQueueLimits = { maxConcurrent: 10, maxQueuedPerChat: 10, maxQueued: 100, holdMs: 5_000 };

/** A piece of work the test finishes by hand. */
function gate() {
	let open: () => void = () => undefined;
	const opened = new Promise<void>((resolve) => {
		open = resolve;
	});
	return { open, opened };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("chat queues", () => {
	it("runs one chat's items one at a time in order, and other chats alongside", async () => {
		const queues = createChatQueues(LIMITS);
		const log: string[] = [];
		const first = gate();
		const a1 = queues.push("a", async () => {
			log.push("a1 start");
			await first.opened;
			log.push("a1 end");
		});
		const a2 = queues.push("a", async () => {
			log.push("a2");
		});
		const b1 = queues.push("b", async () => {
			log.push("b1");
		});
		await b1;
		await tick();
		expect(log).toEqual(["a1 start", "b1"]);
		first.open();
		await Promise.all([a1, a2]);
		expect(log).toEqual(["a1 start", "b1", "a1 end", "a2"]);
	});

	it("keeps a chat's order when an item fails", async () => {
		const queues = createChatQueues(LIMITS);
		const log: string[] = [];
		const failed = queues.push("a", async () => {
			throw new Error("boom");
		});
		const next = queues.push("a", async () => {
			log.push("after the failure");
		});
		await expect(failed).resolves.toBeUndefined();
		await next;
		expect(log).toEqual(["after the failure"]);
	});

	it("lets no more than maxConcurrent items run, starting the rest in arrival order", async () => {
		const queues = createChatQueues({ ...LIMITS, maxConcurrent: 2 });
		const gates = [gate(), gate(), gate()];
		let running = 0;
		let peak = 0;
		const started: number[] = [];
		const done = gates.map((g, i) =>
			queues.push(`chat${i}`, async () => {
				started.push(i);
				running += 1;
				peak = Math.max(peak, running);
				await g.opened;
				running -= 1;
			}),
		);
		await tick();
		expect(started).toEqual([0, 1]);
		expect(queues.waiting).toBe(1);
		gates[1]?.open();
		await tick();
		expect(started).toEqual([0, 1, 2]);
		for (const g of gates) g.open();
		await Promise.all(done);
		expect(peak).toBe(2);
	});

	it("refuses items past a chat's queue or the whole queue, and forgets idle chats", async () => {
		const queues = createChatQueues({ ...LIMITS, maxConcurrent: 1, maxQueuedPerChat: 2, maxQueued: 3 });
		const hold = gate();
		const work = () => hold.opened;
		const accepted = [1, 2, 3, 4].map(() => queues.push("flood", work));
		expect(accepted.map((p) => p !== undefined)).toEqual([true, true, true, false]);
		await tick();
		// One "flood" item runs; two wait, and "other" waits for the one slot: the whole queue is full.
		const other = queues.push("other", work);
		expect(other).toBeDefined();
		expect(queues.push("third", work)).toBeUndefined();
		expect(queues.chats).toBe(2);
		hold.open();
		await Promise.all([...accepted, other]);
		await tick();
		expect(queues.chats).toBe(0);
		expect(queues.waiting).toBe(0);
		expect(queues.push("flood", work)).toBeDefined();
	});

	it("lets a chat move on past an item that outlasts holdMs, and says so", async () => {
		const late: string[] = [];
		const queues = createChatQueues({ ...LIMITS, maxConcurrent: 1, holdMs: 50 }, (chat) => late.push(chat));
		const stuck = gate();
		const log: string[] = [];
		const slow = queues.push("a", async () => {
			await stuck.opened;
			log.push("slow");
		});
		await queues.push("a", async () => {
			log.push("next");
		});
		await queues.push("b", async () => {
			log.push("other chat");
		});
		expect(log).toEqual(["next", "other chat"]);
		expect(late).toEqual(["a"]);
		stuck.open();
		await slow;
		expect(log).toEqual(["next", "other chat", "slow"]);
	});
});
