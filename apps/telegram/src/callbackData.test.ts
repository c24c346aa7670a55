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
});
