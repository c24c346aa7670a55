import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/loadConfig.js";
import { createRuntime } from "../runtime.js";
import { TEST_TOKEN, useEmulator } from "../test-support/emulator.js";
import { captureLogs } from "../test-support/logs.js";

const emu = useEmulator();

describe("health and metrics over HTTP", () => {
	it("is ready only when the bot says so, and counts actions, cache and upstream calls", async () => {
		const config = loadConfig({
			TMAPI_TOKEN: TEST_TOKEN,
			TMAPI_BASE_URL: emu.current.url,
			HEALTH_PORT: "0",
			HEALTH_HOST: "127.0.0.1",
			RATE_LIMIT_ACTIONS: "2",
		});
		const runtime = createRuntime(config, { logger: captureLogs().logger });
		let ready = false;
		try {
			const port = await runtime.startHealth(() => ready);
			const base = `http://127.0.0.1:${port}`;
			expect((await fetch(`${base}/healthz`)).status).toBe(503);
			ready = true;
			expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
			const actor = { platform: "telegram", userId: "1" } as const;
			await runtime.catalog.show(actor, { text: "/category 1031910" });
			await runtime.catalog.show(actor, { text: "/category 1031910 page:2" });
			await runtime.catalog.show(actor, { text: "/category 1031910" });
			const metrics = await (await fetch(`${base}/metrics`)).text();
			expect(metrics).toContain('catbot_actions_total{platform="telegram",action="command",outcome="ok"} 2');
			expect(metrics).toContain(
				'catbot_actions_total{platform="telegram",action="command",outcome="rate-limited"} 1',
			);
			expect(metrics).toContain('catbot_cache_lookups_total{result="miss"} 1');
			expect(metrics).toContain('catbot_cache_lookups_total{result="hit"} 1');
			expect(metrics).toContain(
				'catbot_upstream_calls_total{endpoint="/1688/category/items/v2",result="ok"} 1',
			);
			expect(metrics).toContain('catbot_rate_limit_refusals_total{platform="telegram"} 1');
			expect(metrics).toContain("catbot_action_duration_seconds_bucket");
			expect(metrics).not.toContain(TEST_TOKEN);
			expect((await fetch(`${base}/other`)).status).toBe(404);
		} finally {
			await runtime.close();
		}
	});
});
