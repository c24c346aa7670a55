import type { JsonObject } from "../json.js";

/** One entry of Discord's `_errors` lists, e.g. `{code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length."}`. */
export interface FieldError {
	readonly code: string;
	readonly message: string;
}

/** Where in the body an error is: object keys and array indexes, outermost first, e.g. `["embeds", 0, "title"]`. */
export type ErrorPath = readonly (string | number)[];

/** Collects field errors and renders them as the nested `errors` object of a 50035 "Invalid Form Body". */
export interface FormErrors {
	add(path: ErrorPath, error: FieldError): void;
	readonly isEmpty: boolean;
	/** e.g. `{embeds: {"0": {title: {_errors: [...]}}}}`: array indexes become string keys, as Discord sends them. */
	tree(): JsonObject;
}

/** Creates an empty collection. */
export function createFormErrors(): FormErrors {
	const root: JsonObject = {};
	let count = 0;
	return {
		add(path, error) {
			count += 1;
			let node = root;
			for (const key of path) {
				const name = String(key);
				const child = node[name];
				const next: JsonObject = typeof child === "object" && child !== null ? (child as JsonObject) : {};
				node[name] = next;
				node = next;
			}
			const list = Array.isArray(node._errors) ? (node._errors as FieldError[]) : [];
			list.push(error);
			node._errors = list;
		},
		get isEmpty() {
			return count === 0;
		},
		tree: () => structuredClone(root),
	};
}

/** Discord counts lengths in code points, so an emoji is one character, not two UTF-16 units. */
export function textLength(text: string): number {
	let length = 0;
	for (const _ of text) length += 1;
	return length;
}

/** "Must be N or fewer in length." */
export function maxLengthError(max: number): FieldError {
	return { code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` };
}

/** "Must be between MIN and MAX in length." */
export function badLengthError(min: number, max: number): FieldError {
	return { code: "BASE_TYPE_BAD_LENGTH", message: `Must be between ${min} and ${max} in length.` };
}

/** "This field is required" */
export const REQUIRED_ERROR: FieldError = { code: "BASE_TYPE_REQUIRED", message: "This field is required" };

/** "Must be a string." */
export const STRING_ERROR: FieldError = { code: "BASE_TYPE_STRING", message: "Must be a string." };

/**
 * Checks an optional string against a maximum length (and a minimum when given): reports a type error for
 * non-strings, nothing when absent or null.
 */
export function checkText(
	errors: FormErrors,
	path: ErrorPath,
	value: unknown,
	max: number,
	options: { readonly min?: number; readonly required?: boolean } = {},
): void {
	if (value === undefined || value === null) {
		if (options.required) errors.add(path, REQUIRED_ERROR);
		return;
	}
	if (typeof value !== "string") {
		errors.add(path, STRING_ERROR);
		return;
	}
	const length = textLength(value);
	const min = options.min ?? 0;
	if (length === 0 && options.required) errors.add(path, REQUIRED_ERROR);
	else if (min > 0 && (length < min || length > max)) errors.add(path, badLengthError(min, max));
	else if (length > max) errors.add(path, maxLengthError(max));
}
