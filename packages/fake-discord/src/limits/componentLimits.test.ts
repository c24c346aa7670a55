import { describe, expect, it } from "vitest";
import { checkComponents } from "./componentLimits.js";
import { createFormErrors } from "./formErrors.js";

function errorsOf(components: unknown, v2 = false) {
	const errors = createFormErrors();
	checkComponents(errors, ["components"], components, v2);
	return JSON.stringify(errors.tree());
}

const button = (customId: string, extra: object = {}) => ({
	type: 2,
	style: 2,
	label: "x",
	custom_id: customId,
	...extra,
});
const row = (...components: object[]) => ({ type: 1, components });

describe("component limits", () => {
	it("accepts a five-button paginator with a disabled position button", () => {
		const pager = row(
			button("first"),
			button("prev"),
			button("pos", { disabled: true }),
			button("next"),
			button("last"),
		);
		expect(errorsOf([pager, row(button("share"))])).toBe("{}");
	});

	it("refuses a sixth button in a row and a sixth row", () => {
		const wide = row(...["a", "b", "c", "d", "e", "f"].map((id) => button(id)));
		expect(errorsOf([wide])).toContain('"5":{"_errors":[{"code":"COMPONENT_LAYOUT_WIDTH_EXCEEDED"');
		const rows = ["a", "b", "c", "d", "e", "f"].map((id) => row(button(id)));
		expect(errorsOf(rows)).toContain(
			'"components":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 5 or fewer in length."}]',
		);
	});

	it("checks custom ids: 1 to 100 characters, unique in the message", () => {
		expect(errorsOf([row(button("x".repeat(100)))])).toBe("{}");
		expect(errorsOf([row(button("x".repeat(101)))])).toContain("Must be between 1 and 100 in length.");
		expect(errorsOf([row(button(""))])).toContain("BASE_TYPE_REQUIRED");
		expect(errorsOf([row(button("same")), row(button("same"))])).toContain("COMPONENT_CUSTOM_ID_DUPLICATED");
	});

	it("checks buttons: labels up to 80, link buttons with a url and without a custom id", () => {
		expect(errorsOf([row(button("a", { label: "l".repeat(81) }))])).toContain(
			"Must be 80 or fewer in length.",
		);
		expect(
			errorsOf([row({ type: 2, style: 5, label: "Open", url: "https://detail.1688.com/offer/1.html" })]),
		).toBe("{}");
		const bad = errorsOf([row({ type: 2, style: 5, label: "Open", custom_id: "open" })]);
		expect(bad).toContain('"url":{"_errors":[{"code":"BASE_TYPE_REQUIRED"');
		expect(bad).toContain("BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED");
	});

	it("checks select menus: alone in their row, 1 to 25 options with unique values", () => {
		const options = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
		expect(errorsOf([row({ type: 3, custom_id: "cat", options: options(25) })])).toBe("{}");
		expect(errorsOf([row({ type: 3, custom_id: "cat", options: options(26) })])).toContain(
			"Must be between 1 and 25 in length.",
		);
		expect(errorsOf([row(button("a"), { type: 3, custom_id: "cat", options: options(1) })])).toContain(
			"COMPONENT_LAYOUT_WIDTH_EXCEEDED",
		);
		const twice = [
			{ label: "a", value: "v" },
			{ label: "b", value: "v" },
		];
		expect(errorsOf([row({ type: 3, custom_id: "cat", options: twice })])).toContain(
			"SELECT_COMPONENT_OPTION_VALUE_DUPLICATED",
		);
	});

	it("only checks interactive leaves of a Components V2 layout", () => {
		const container = { type: 17, components: [{ type: 10, content: "hi" }, row(button("x".repeat(101)))] };
		expect(errorsOf([container], true)).toContain('"0":{"components":{"1":{"components":{"0":{"custom_id"');
		expect(errorsOf([container])).toContain("UNION_TYPE_CHOICES");
	});
});
