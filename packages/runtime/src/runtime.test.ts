import { describe, expect, it } from "vitest";
import { loadConfig } from "./config/loadConfig.js";
import { createRuntime } from "./runtime.js";
import { TEST_TOKEN, useEmulator } from "./test-support/emulator.js";
import { captureLogs } from "./test-support/logs.js";

const emu = useEmulator();

describe("createRuntime", () => {
	it("builds a working engine from environment variables and warns about open platforms", async () => {
		const logs = captureLogs([TEST_TOKEN]);
		const config = loadConfig({
			TMAPI_TOKEN: TEST_TOKEN,
			TMAPI_BASE_URL: emu.current.url,
			ALLOW_DISCORD_GUILDS: "42",
		});
		const runtime = createRuntime(config, { logger: logs.logger });
		try {
			const outcome = await runtime.catalog.show(
				{ platform: "telegram", userId: "7" },
				{ text: "/category 1031910" },
			);
			expect(outcome.ok).toBe(true);
			const denied = await runtime.catalog.show(
				{ platform: "discord", userId: "7", placeId: "43" },
				{ text: "/category 1031910" },
			);
			expect(denied).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
			const warnings = logs.lines.filter((l) => l.level === 40).map((l) => l.msg);
			expect(warnings).toEqual(["no allow-list set for telegram: the bot serves everyone there"]);
			expect(logs.text()).not.toContain(TEST_TOKEN);
		} finally {
			await runtime.close();
		}
	});
});
