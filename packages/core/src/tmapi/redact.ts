const PLACEHOLDER = "[redacted]";

/**
 * Returns a function that removes every given secret from a piece of text, in its raw and URL-encoded
 * forms, so error messages, stacks and log lines can never carry a token even when a lower layer
 * (fetch, undici, ofetch) echoed the request URL.
 *
 * @example
 * const redact = createRedactor(["s3cret"]);
 * redact("GET /items?apiToken=s3cret"); // "GET /items?apiToken=[redacted]"
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
	const needles = [
		...new Set(secrets.filter((s) => s.length > 0).flatMap((s) => [s, encodeURIComponent(s)])),
	].sort((a, b) => b.length - a.length);
	if (needles.length === 0) return (text) => text;
	return (text) => {
		let out = text;
		for (const needle of needles) out = out.split(needle).join(PLACEHOLDER);
		return out;
	};
}

/**
 * Rebuilds an error chain with every message and stack passed through `redact`, keeping name, message,
 * `code` and nested causes (to a small depth), and nothing else: properties such as ofetch's `request`
 * and `options` hold the token-bearing URL and are dropped on purpose.
 */
export function sanitizeCause(
	error: unknown,
	redact: (text: string) => string,
	depth = 0,
): Error | undefined {
	if (error === undefined || error === null || depth > 4) return undefined;
	if (!(error instanceof Error)) return new Error(redact(String(error)));
	const nested = sanitizeCause(error.cause, redact, depth + 1);
	const copy = new Error(redact(error.message), nested ? { cause: nested } : undefined);
	copy.name = error.name;
	copy.stack = error.stack === undefined ? `${copy.name}: ${copy.message}` : redact(error.stack);
	const code = (error as { code?: unknown }).code;
	if (typeof code === "string" || typeof code === "number") {
		Object.defineProperty(copy, "code", { value: code, enumerable: true });
	}
	return copy;
}
