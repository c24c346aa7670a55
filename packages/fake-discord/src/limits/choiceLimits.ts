import { arrayOf, isJsonObject } from "../json.js";
import { checkText, type ErrorPath, type FormErrors, maxLengthError, STRING_ERROR } from "./formErrors.js";

/** Limits shared by command option choices and autocomplete results. */
export const CHOICE_LIMITS = { count: 25, name: 100, value: 100 } as const;

/** Checks a list of `{name, value}` choices: at most 25, names of 1 to 100 characters, string values up to 100. */
export function checkChoices(errors: FormErrors, path: ErrorPath, choices: unknown): void {
	if (choices === undefined || choices === null) return;
	const list = arrayOf(choices);
	if (list.length > CHOICE_LIMITS.count) errors.add(path, maxLengthError(CHOICE_LIMITS.count));
	list.forEach((choice, index) => {
		const entry = isJsonObject(choice) ? choice : {};
		checkText(errors, [...path, index, "name"], entry.name, CHOICE_LIMITS.name, { min: 1, required: true });
		if (typeof entry.value === "string") {
			checkText(errors, [...path, index, "value"], entry.value, CHOICE_LIMITS.value);
		} else if (typeof entry.value !== "number") {
			errors.add([...path, index, "value"], STRING_ERROR);
		}
	});
}
