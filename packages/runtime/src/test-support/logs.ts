import { Writable } from "node:stream";
import { createLogger, type Logger } from "../logging/logger.js";

/** The runtime's own logger, writing JSON lines the test can read back. */
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
	return {
		logger: createLogger({ level: "debug", destination, secrets }),
		get lines() {
			return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
		},
		text: () => raw.join("\n"),
	};
}
