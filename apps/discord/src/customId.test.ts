import { SHORTLIST_PAGES_MAX, WATCH_POSITION_MAX } from "@catbot/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CUSTOM_ID_MAX, decodeCustomId, encodeCustomId } from "./customId.js";

describe("custom ids", () => {
	it("round-trip every action within Discord's 100 characters", () => {
		const token = "A".repeat(48);
		const owner = "99999999999999999999";
		for (const action of [
			{ kind: "page", owner, token } as const,
			{ kind: "page", owner, token, slot: "f" } as const,
			{ kind: "share", token } as const,
			{ kind: "browse", catId: 1031910 } as const,
			{ kind: "browse" } as const,
			{ kind: "browse-menu" } as const,
			{ kind: "save", token } as const,
			{ kind: "shortlist-page", page: 1 } as const,
			{ kind: "shortlist-page", page: SHORTLIST_PAGES_MAX, slot: "l" } as const,
			{ kind: "shortlist-remove", itemId: "9".repeat(25), page: SHORTLIST_PAGES_MAX } as const,
		]) {
			const id = encodeCustomId(action);
			expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
			expect(decodeCustomId(id)).toEqual(action);
		}
	});

	it("refuses anything else without throwing", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 120 }), (id) => {
				const action = decodeCustomId(id);
				if (action !== null) expect(encodeCustomId(action).length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
			}),
		);
		for (const id of ["p|abc|tok", "b|-1", "b|1|2", "s|", "x|y", "m|x"])
			expect(decodeCustomId(id)).toBeNull();
	});

	it("refuses a custom_id with anything after its token, id or label", () => {
		const token = "AbC-_09".repeat(6);
		for (const id of [
			`p|123|${token}|x`,
			`pf|123|${token}|`,
			`p|123|${token} `,
			`s|${token}|x`,
			`s|${token}\n`,
			"b|1031910x",
			"m||",
			"n|next|x",
			"n|next x",
			`v|${token}|x`,
			`v|${token} `,
			"l|2|x",
			"lf|2 ",
			"r|1|748003606447|",
			"r|1|748003606447x",
			"r|1|7480036064471|2",
		])
			expect(decodeCustomId(id), id).toBeNull();
		for (const label of ["first", "previous", "next", "last", "position"])
			expect(decodeCustomId(encodeCustomId({ kind: "noop", label }))).toEqual({ kind: "noop" });
	});
});

describe("shortlist custom ids", () => {
	it("bound the page and the saved card's id, refusing what no button of ours carries", () => {
		for (const id of [
			"l|0",
			"l|01",
			`l|${SHORTLIST_PAGES_MAX + 1}`,
			"l|123456",
			"l|",
			"lab|2",
			"r|0|748003606447",
			`r|${SHORTLIST_PAGES_MAX + 1}|748003606447`,
			`r|1|${"9".repeat(26)}`,
			"r|1|",
			"r||748003606447",
			"r|1|-1",
			"v|",
			"v|tok en",
		])
			expect(decodeCustomId(id), id).toBeNull();
		expect(decodeCustomId("lp|3")).toEqual({ kind: "shortlist-page", page: 3, slot: "p" });
		expect(decodeCustomId("r|2|748003606447")).toEqual({
			kind: "shortlist-remove",
			page: 2,
			itemId: "748003606447",
		});
	});
});

describe("watch custom ids", () => {
	it("carry a position from 1 to WATCH_POSITION_MAX and nothing else", () => {
		for (const position of [1, 7, WATCH_POSITION_MAX]) {
			const id = encodeCustomId({ kind: "watch-remove", position });
			expect(decodeCustomId(id)).toEqual({ kind: "watch-remove", position });
		}
		for (const id of [
			"w|0",
			"w|01",
			`w|${WATCH_POSITION_MAX + 1}`,
			"w|12345",
			"w|",
			"w|1|",
			"w|1 ",
			"w|-1",
			"w|1x",
			"wx|1",
		])
			expect(decodeCustomId(id), id).toBeNull();
	});
});
