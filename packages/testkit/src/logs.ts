import { Writable } from "node:stream";

/** A log destination that keeps every line in memory, for tests that read what a program logged. */
export interface CapturedLog {
	/** Pass it as the logger's destination. */
	readonly destination: Writable;
	/** Everything written so far. */
	text(): string;
}

/** Starts capturing a log: hand `destination` to the logger, read it back with `text()`. */
export function captureLog(): CapturedLog {
	const lines: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		},
	});
	return { destination, text: () => lines.join("") };
}

/** Shorter strings are too likely to occur by chance (and no real token or password is this short). */
const SECRET_MIN_LENGTH = 8;

/**
 * Throws when `text` holds any of `secrets`, naming only its first characters so the failure does not
 * print the secret either. Empty and short entries are skipped, so optional secrets can be passed as "".
 */
export function assertNoSecrets(text: string, secrets: readonly string[]): void {
	for (const secret of secrets) {
		if (secret.length < SECRET_MIN_LENGTH) continue;
		if (text.includes(secret)) throw new Error(`a secret reached the log: ${secret.slice(0, 4)}…`);
	}
}

/** The password in a redis:// URL, decoded; "" when there is no URL or no password. */
export function redisPassword(url: string | undefined): string {
	return url ? decodeURIComponent(new URL(url).password) : "";
}
