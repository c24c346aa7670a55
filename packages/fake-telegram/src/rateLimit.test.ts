import { describe, expect, it } from "vitest";
import { ApiError } from "./ApiError.js";
import { createFloodControl } from "./rateLimit.js";
import type { Chat } from "./types.js";

const privateChat: Chat = { id: 1, type: "private" };
const group: Chat = { id: -5, type: "group", title: "g" };

function retryAfter(run: () => void): number | undefined {
	try {
		run();
	} catch (error) {
		if (error instanceof ApiError && error.errorCode === 429) return error.retryAfter;
		throw error;
	}
	return undefined;
}

describe("flood control", () => {
	it("does nothing until limits are set", () => {
		const flood = createFloodControl();
		for (let i = 0; i < 50; i++) flood.consume(privateChat, 1000);
	});

	it("limits messages per chat per second with a sliding window", () => {
		const flood = createFloodControl();
		flood.set({ perChatPerSecond: 2 });
		flood.consume(privateChat, 10_000);
		flood.consume(privateChat, 10_400);
		expect(retryAfter(() => flood.consume(privateChat, 10_500))).toBe(1);
		// Refused sends do not count: the window frees up 1 s after the first accepted one.
		expect(retryAfter(() => flood.consume(privateChat, 11_001))).toBeUndefined();
		expect(retryAfter(() => flood.consume({ ...privateChat, id: 2 }, 11_001))).toBeUndefined();
	});

	it("limits groups per minute and tells how long to wait", () => {
		const flood = createFloodControl();
		flood.set({ perGroupPerMinute: 3 });
		for (const t of [0, 1000, 2000]) flood.consume(group, t);
		expect(retryAfter(() => flood.consume(group, 30_000))).toBe(30);
		expect(retryAfter(() => flood.consume(group, 60_001))).toBeUndefined();
		for (let i = 0; i < 10; i++) flood.consume(privateChat, i);
	});

	it("rejects nonsense limits", () => {
		expect(() => createFloodControl().set({ perChatPerSecond: 0 })).toThrow(RangeError);
	});
});
