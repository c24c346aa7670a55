import { describe, expect, it } from "vitest";
import { captureLogs } from "../test-support/logs.js";
import { throttle } from "./throttle.js";

describe("createLogger", () => {
	it("redacts token fields and scrubs configured secrets from any text", () => {
		const logs = captureLogs(["s3cr3t-token-value"]);
		logs.logger.info(
			{ apiToken: "abc", config: { tmapiToken: "abc", discordToken: "def" }, nested: { token: "ghi" } },
			"start",
		);
		logs.logger.warn({ url: "http://x/?apiToken=s3cr3t-token-value" }, "failed s3cr3t-token-value");
		const [first, second] = logs.lines;
		expect(first).toMatchObject({
			apiToken: "[redacted]",
			config: { tmapiToken: "[redacted]", discordToken: "[redacted]" },
			nested: { token: "[redacted]" },
		});
		expect(second).toMatchObject({ url: "http://x/?apiToken=[redacted]", msg: "failed [redacted]" });
		expect(logs.text()).not.toMatch(/s3cr3t|"abc"|"def"|"ghi"/);
	});
});

describe("throttle", () => {
	it("runs at most once per interval", () => {
		let now = 0;
		const calls: number[] = [];
		const log = throttle(
			1_000,
			(n: number) => calls.push(n),
			() => now,
		);
		log(1);
		log(2);
		now = 999;
		log(3);
		now = 1_000;
		log(4);
		expect(calls).toEqual([1, 4]);
	});
});
