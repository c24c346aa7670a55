import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Actor, SavedCard } from "@catbot/core";
import { createRuntime, loadConfig } from "@catbot/runtime";
import { killAll } from "@catbot/testkit";
import { TEST_TOKEN, useEmulator } from "@catbot/testkit/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { CHAT, folder, run, SILENT } from "./test-support/shortlist.js";

const emu = useEmulator();
afterEach(killAll);

describe("catbot shortlist and TMAPI", () => {
	const ann: Actor = { platform: "telegram", userId: "7", placeId: CHAT.id };

	it("lists a card a bot saved without a TMAPI token and without a single TMAPI request", async () => {
		const cwd = folder();
		const dataDir = join(cwd, "shared-data");
		mkdirSync(dataDir);
		// The real path: a bot's runtime shows a page and saves its second card for Ann.
		const bot = createRuntime(
			loadConfig({ TMAPI_TOKEN: TEST_TOKEN, TMAPI_BASE_URL: emu.current.url, DATA_DIR: dataDir }),
			{
				logger: SILENT,
			},
		);
		let saved: SavedCard | null;
		try {
			const shown = await bot.catalog.show(ann, { text: "/category 1031910 sort:sales" });
			if (!shown.ok) throw new Error(shown.refusal.message);
			const outcome = await bot.shortlist.save(
				ann,
				CHAT,
				{ token: shown.view.tokens.current, position: 2 },
				"Ann",
			);
			if (!outcome.ok) throw new Error(outcome.refusal.message);
			saved = outcome.view.card;
		} finally {
			await bot.close();
		}
		emu.current.resetStats();

		const tokenless = await run(["--place", "telegram:-1001234567890", "--format", "json"], cwd, {
			DATA_DIR: dataDir,
		});
		expect(tokenless.code).toBe(0);
		expect(JSON.parse(tokenless.stdout)).toEqual([saved]);
		expect(saved?.savedBy.name).toBe("Ann");

		// With a token and the API's address set, as in a bot's .env: still nothing is asked of TMAPI.
		const env = { DATA_DIR: dataDir, TMAPI_TOKEN: TEST_TOKEN, TMAPI_BASE_URL: emu.current.url };
		for (const format of ["table", "json", "csv"]) {
			const result = await run(["--place", "telegram:-1001234567890", "--format", format], cwd, env);
			expect(result.code).toBe(0);
			expect(result.stdout).toContain(format === "json" ? '"name": "Ann"' : "Ann");
		}
		expect(emu.current.stats.requests).toBe(0);
	});
});
