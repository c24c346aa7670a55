// Key order differs between a keyboard the bot built and the same keyboard parsed back from JSON, so
// equality is on a canonical form: objects with sorted keys, undefined properties dropped.
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value === null || typeof value !== "object") return value;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
}

/** Deep equality of JSON-like values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
