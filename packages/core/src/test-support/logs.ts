import { Writable } from "node:stream";
import pino from "pino";
import type { Logger } from "../logging/logger.js";

/**
 * A real pino logger (the one the runtime hands core) whose JSON lines the test can read back. Secrets
 * are cut out of each line as the runtime's logger does, so a test sees what a deployment would log.
 */
export function captureLogs(secrets: readonly string[] = []): {
	logger: Logger;
	lines: Record<string, unknown>[];
	text: () => string;
} {
	const raw: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, done) {
			raw.push(...String(chunk).split("\n").filter(Boolean));
			done();
		},
	});
	const scrub = (line: string) => secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), line);
	return {
		logger: pino({ level: "debug", base: null, hooks: { streamWrite: scrub } }, destination),
		get lines() {
			return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
		},
		text: () => raw.join("\n"),
	};
}
