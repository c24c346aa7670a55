import { describe, expect, it } from "vitest";
import { parseExportCommand } from "./export.js";
import { MAX_COMMAND_LENGTH } from "./parse.js";

describe("parseExportCommand", () => {
	it("reads the query and the page count", () => {
		expect(parseExportCommand("/export 1031910 sort:sales pages:5")).toMatchObject({
			ok: true,
			pages: 5,
			query: { catId: 1031910, sort: "sales" },
		});
		expect(parseExportCommand("/export@catbot_test_bot 1031910")).toMatchObject({ ok: true, pages: 3 });
		expect(parseExportCommand("1031910 page=2")).toMatchObject({ ok: true, query: { page: 2 } });
	});

	it("lists every problem", () => {
		expect(parseExportCommand("/export sotr:sales pages:x")).toEqual({
			ok: false,
			problems: [
				"Tell me a category id, e.g. /category 1031910",
				expect.stringContaining("sort"),
				"pages must be a whole number of at least 1, e.g. pages:5",
			],
		});
	});

	it("refuses a pasted megabyte before splitting it", () => {
		expect(parseExportCommand(`/export 1031910 ${"pages:5 ".repeat(200_000)}`)).toEqual({
			ok: false,
			problems: [`That command is too long; use at most ${MAX_COMMAND_LENGTH} characters`],
		});
	});
});
