import { describe, expect, it } from "vitest";
import { once, withinAckWindow } from "./timing.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("withinAckWindow", () => {
	it("does not acknowledge work that finishes in time", async () => {
		let deferred = 0;
		const result = await withinAckWindow(
			async () => "done",
			async () => {
				deferred += 1;
			},
			50,
		);
		expect(result).toBe("done");
		await sleep(80);
		expect(deferred).toBe(0);
	});

	it("acknowledges slow work once, and returns only after the acknowledgement has finished", async () => {
		const events: string[] = [];
		const defer = once(async () => {
			events.push("defer started");
			await sleep(40);
			events.push("defer done");
		});
		const result = await withinAckWindow(
			async () => {
				// A paid-call hook asking too: still one acknowledgement.
				await sleep(30);
				void defer();
				await sleep(10);
				return "slow";
			},
			defer,
			20,
		);
		events.push("returned");
		expect(result).toBe("slow");
		expect(events).toEqual(["defer started", "defer done", "returned"]);
	});

	it("passes the work's failure on, after a started acknowledgement", async () => {
		let finished = false;
		const failing = withinAckWindow(
			async () => {
				await sleep(30);
				throw new Error("store down");
			},
			async () => {
				await sleep(30);
				finished = true;
			},
			10,
		);
		await expect(failing).rejects.toThrow("store down");
		expect(finished).toBe(true);
	});
});
