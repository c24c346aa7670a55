import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

describe("createLogger and DATABASE_URL", () => {
	it("redacts a database URL logged as a field, alone or inside the config", () => {
		const lines: string[] = [];
		const destination = new Writable({
			write(chunk, _encoding, done) {
				lines.push(String(chunk));
				done();
			},
		});
		const log = createLogger({ destination });
		const databaseUrl = "postgres://catbot:hunter2@db.internal:5432/catbot";
		log.info({ databaseUrl }, "one");
		log.info({ config: { databaseUrl, logLevel: "info" } }, "two");
		log.info({ store: { databaseUrl } }, "three");
		const text = lines.join("");
		expect(text).not.toContain("db.internal");
		expect(text.match(/\[redacted\]/g)).toHaveLength(3);
		expect(text).toContain('"logLevel":"info"');
	});
});
