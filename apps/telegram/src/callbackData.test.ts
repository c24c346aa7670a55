import { SHORTLIST_PAGES_MAX, WATCH_POSITION_MAX } from "@catbot/core";
import { describe, expect, it } from "vitest";
import { type ButtonAction, CALLBACK_DATA_MAX_BYTES, decodeAction, encodeAction } from "./callbackData.js";

const TOKEN = "AbC-_09".repeat(6);

describe("callback data", () => {
	it("round-trips every action within Telegram's 64 bytes", () => {
		const actions: ButtonAction[] = [
			{ kind: "page", token: TOKEN },
			{ kind: "card", index: 0, token: TOKEN },
			{ kind: "share", index: 9, token: TOKEN },
			{ kind: "browse", catId: 1031910 },
			{ kind: "browse" },
			{ kind: "noop" },
		];
		for (const action of actions) {
			const data = encodeAction(action);
			expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
			expect(decodeAction(data)).toEqual(action);
		}
	});

	it("refuses anything after the token or id, and anything else encodeAction does not write", () => {
		for (const data of [
			`p|${TOKEN}|x`,
			`p|${TOKEN}|`,
			`c1|${TOKEN}|extra`,
			`s2|${TOKEN} `,
			`p|${TOKEN}\n`,
			"t|1031910|1",
			"t|1031910x",
			"n|",
			"nx",
			`p${TOKEN}`,
			`c12|${TOKEN}`,
			`p1|${TOKEN}`,
			"p|",
			"t|0",
			`p|${"A".repeat(63)}`,
		]) {
			expect(decodeAction(data), data).toBeNull();
		}
	});

	it("round-trips the shortlist's buttons and bounds their numbers", () => {
		const actions: ButtonAction[] = [
			{ kind: "save", position: 999_999, token: TOKEN },
			{ kind: "save", position: 1, token: TOKEN },
			{ kind: "shortlist", page: 1 },
			{ kind: "shortlist", page: SHORTLIST_PAGES_MAX },
			{ kind: "remove", itemId: "9".repeat(25), page: SHORTLIST_PAGES_MAX },
			{ kind: "remove", itemId: "610947572360", page: 2 },
		];
		for (const action of actions) {
			const data = encodeAction(action);
			expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
			expect(decodeAction(data)).toEqual(action);
		}
		for (const data of [
			`v0|${TOKEN}`,
			`v01|${TOKEN}`,
			`v1000000|${TOKEN}`,
			`v1|${TOKEN}|x`,
			"v1|",
			"sl|0",
			"sl|01",
			`sl|${SHORTLIST_PAGES_MAX + 1}`,
			"sl|1|",
			"sl|1 ",
			"sl|",
			"sl|-1",
			"rm1|",
			"rm1|12a",
			"rm1|123|",
			"rm0|123",
			`rm${SHORTLIST_PAGES_MAX + 1}|123`,
			`rm1|${"1".repeat(26)}`,
			"rm|123",
		]) {
			expect(decodeAction(data), data).toBeNull();
		}
	});

	it("round-trips the watches' remove buttons and bounds their numbers", () => {
		for (const position of [1, 42, WATCH_POSITION_MAX]) {
			const action: ButtonAction = { kind: "unwatch", position };
			expect(encodeAction(action)).toBe(`wr|${position}`);
			expect(decodeAction(encodeAction(action))).toEqual(action);
		}
		for (const data of [
			"wr|0",
			"wr|01",
			`wr|${WATCH_POSITION_MAX + 1}`,
			"wr|99999",
			"wr|",
			"wr|1|",
			"wr|1 ",
			"wr|-1",
			"wr1",
			"wr|1e2",
		]) {
			expect(decodeAction(data), data).toBeNull();
		}
	});
});
