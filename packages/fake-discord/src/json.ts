/** A JSON object as parsed from a request body: keys known, values not yet checked. */
export type JsonObject = Record<string, unknown>;

/** True for plain objects (not arrays, not null), the only shape Discord accepts where it expects an object. */
export function isJsonObject(value: unknown): value is JsonObject {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value when it is an array, else an empty one: lets validators walk optional lists without guards. */
export function arrayOf(value: unknown): readonly unknown[] {
	return Array.isArray(value) ? value : [];
}

/** The value when it is a string, else undefined. */
export function stringOf(value: unknown): string | undefined {
	return typeof value === "string" ? value : undefined;
}

/** A deep copy, so records handed to tests never change under them and tests cannot change the fake's state. */
export function snapshot<T>(value: T): T {
	return structuredClone(value);
}
