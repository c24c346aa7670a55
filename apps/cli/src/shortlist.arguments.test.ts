import { existsSync } from "node:fs";
import { join } from "node:path";
import { killAll } from "@catbot/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { folder, run } from "./test-support/shortlist.js";

afterEach(killAll);

describe("catbot shortlist's arguments", () => {
	// Every message is checked in shortlistArgs.test.ts; these check how the program ends on one.
	it.each([
		[[], "Tell me whose shortlist: --place telegram:<chatId> or --place discord:<guildId>:<channelId>."],
		[
			["--place", "discord:81384788765712390"],
			"A Discord place is discord: with the server's id and the channel's, discord:<guildId>:<channelId>, not 'discord:81384788765712390'.",
		],
		[
			["telegram:-100123"],
			"Unexpected word 'telegram:-100123'. Put the place after --place: --place telegram:-100123.",
		],
	])("%j is one line naming the problem, then the usage, and exit 2", async (args, message) => {
		const cwd = folder();
		const result = await run(args, cwd);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe("");
		const [first, second] = result.output.split("\n");
		expect(first).toBe(`catbot: ${message}`);
		expect(second).toBe("Usage: catbot shortlist --place <place> [options]");
		expect(existsSync(join(cwd, "data"))).toBe(false);
	});

	it("prints its usage for --help, in lines that fit 80 columns", async () => {
		const result = await run(["--help"], folder());
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Usage: catbot shortlist --place <place>/);
		expect(result.stdout).toContain("the chat's id in Telegram");
		for (const line of result.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
	});
});
