import { describe, expect, it } from "vitest";
import { checkCommandList } from "./commandLimits.js";
import { createFormErrors } from "./formErrors.js";

function errorsOf(commands: unknown[]) {
	const errors = createFormErrors();
	checkCommandList(errors, commands);
	return JSON.stringify(errors.tree());
}

const option = (name: string, extra: object = {}) => ({ type: 3, name, description: "d", ...extra });

describe("application command limits", () => {
	it("accepts a slash command with options and choices", () => {
		const choices = Array.from({ length: 25 }, (_, i) => ({ name: `c${i}`, value: `${i}` }));
		expect(
			errorsOf([
				{
					name: "category",
					description: "Browse",
					options: [option("cat_id", { required: true }), option("sort", { choices })],
				},
			]),
		).toBe("{}");
	});

	it("requires lowercase names of 1 to 32 characters and descriptions of 1 to 100", () => {
		expect(errorsOf([{ name: "Category", description: "d" }])).toContain("APPLICATION_COMMAND_INVALID_NAME");
		expect(errorsOf([{ name: "a".repeat(33), description: "d" }])).toContain(
			"Must be between 1 and 32 in length.",
		);
		expect(errorsOf([{ name: "has space", description: "d" }])).toContain("APPLICATION_COMMAND_INVALID_NAME");
		expect(errorsOf([{ name: "ok", description: "" }])).toContain("BASE_TYPE_REQUIRED");
		expect(errorsOf([{ name: "ok", description: "d".repeat(101) }])).toContain(
			"Must be between 1 and 100 in length.",
		);
		// Context menu commands may use capitals and spaces, and have no description.
		expect(errorsOf([{ type: 3, name: "Share Product" }])).toBe("{}");
	});

	it("limits options and choices to 25, and wants required options first", () => {
		const many = Array.from({ length: 26 }, (_, i) => option(`o${i}`));
		expect(errorsOf([{ name: "a", description: "d", options: many }])).toContain(
			"Must be 25 or fewer in length.",
		);
		const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: i }));
		expect(errorsOf([{ name: "a", description: "d", options: [option("o", { choices })] }])).toContain(
			'"choices":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH"',
		);
		const order = [option("optional"), option("required", { required: true })];
		expect(errorsOf([{ name: "a", description: "d", options: order }])).toContain(
			"APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
		);
	});

	it("refuses duplicate names in one overwrite", () => {
		expect(
			errorsOf([
				{ name: "a", description: "d" },
				{ name: "a", description: "e" },
			]),
		).toContain("APPLICATION_COMMANDS_DUPLICATE_NAME");
	});
});
