import { describe, expect, it } from "vitest";
import { checkEmbeds, embedTextLength } from "./embedLimits.js";
import { createFormErrors } from "./formErrors.js";

function errorsOf(embeds: unknown) {
	const errors = createFormErrors();
	checkEmbeds(errors, ["embeds"], embeds);
	return errors.tree();
}

describe("embed limits", () => {
	it("counts title, description, fields, footer and author towards the 6000 total", () => {
		const embed = {
			title: "ab",
			description: "cde",
			fields: [{ name: "f", value: "gh" }],
			footer: { text: "ij" },
			author: { name: "k" },
			url: "https://not.counted.example",
		};
		expect(embedTextLength(embed)).toBe(11);
	});

	it("counts code points, so an emoji is one character", () => {
		expect(embedTextLength({ title: "🍵".repeat(256) })).toBe(256);
		expect(errorsOf([{ title: "🍵".repeat(256) }])).toEqual({});
	});

	it("reports each limit on its field path, as Discord does (and the total, exceeded too)", () => {
		const fields = Array.from({ length: 26 }, () => ({ name: "n", value: "v" }));
		expect(
			errorsOf([
				{ title: "t".repeat(257), description: "d".repeat(4097), fields, footer: { text: "f".repeat(2049) } },
				{ author: { name: "a".repeat(257) }, fields: [{ name: "", value: "v".repeat(1025) }] },
			]),
		).toEqual({
			embeds: {
				"0": {
					title: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 256 or fewer in length." }] },
					description: {
						_errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 4096 or fewer in length." }],
					},
					fields: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." }] },
					footer: {
						text: {
							_errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2048 or fewer in length." }],
						},
					},
				},
				"1": {
					author: {
						name: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 256 or fewer in length." }] },
					},
					fields: {
						"0": {
							name: { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] },
							value: {
								_errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 1024 or fewer in length." }],
							},
						},
					},
				},
				_errors: [{ code: "MAX_EMBED_SIZE_EXCEEDED", message: "Embed size exceeds maximum size of 6000" }],
			},
		});
	});

	it("refuses more than 10 embeds", () => {
		expect(errorsOf(Array.from({ length: 11 }, () => ({ title: "x" })))).toEqual({
			embeds: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 10 or fewer in length." }] },
		});
	});
});
