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
		])
			expect(decodeCustomId(id), id).toBeNull();
		for (const label of ["first", "previous", "next", "last", "position"])
			expect(decodeCustomId(encodeCustomId({ kind: "noop", label }))).toEqual({ kind: "noop" });
	});
});
