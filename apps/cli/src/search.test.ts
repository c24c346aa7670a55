import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { killAll, runProcess } from "@catbot/testkit";
import { DEMO_SEARCH_KEYWORDS, startTmapiEmulator } from "@catbot/tmapi-emulator";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
afterEach(killAll);

async function run(args: string[], env: Record<string, string> = {}) {
	const cwd = mkdtempSync(join(tmpdir(), "catbot-search-"));
	const child = runProcess(MAIN, { args, cwd, env });
	const closed = once(child.child, "close");
	const [code] = await child.exited;
	await closed;
	return { code, stdout: child.stdout(), output: child.output() };
}

describe("catbot search", () => {
	it("prints a keyword search as CSV through the engine: the translated search for an English keyword", async () => {
		const emulator = await startTmapiEmulator({ apiToken: "live-token" });
		try {
			const env = { TMAPI_TOKEN: "live-token", TMAPI_BASE_URL: emulator.url };
			const result = await run(["search", DEMO_SEARCH_KEYWORDS.sunglasses, "--format", "csv"], env);
			expect(result.code).toBe(0);
			const rows = parse(result.stdout, { bom: true, columns: true }) as Record<string, string>[];
			expect(rows).toHaveLength(20);
			expect(rows[0]?.item_id).toMatch(/^'?\d+$/);
			expect(emulator.stats.queries.map((q) => q.endpoint)).toEqual(["globalSearch"]);
		} finally {
			await emulator.close();
		}
	});

	it("sends a Chinese keyword to 1688's own search, two pages with --pages 2", async () => {
		const emulator = await startTmapiEmulator({ apiToken: "live-token" });
		try {
			const env = { TMAPI_TOKEN: "live-token", TMAPI_BASE_URL: emulator.url };
			const result = await run(
				["search", DEMO_SEARCH_KEYWORDS.dresses, "--sort", "sales", "--pages", "2", "--format", "json"],
				env,
			);
			expect(result.code).toBe(0);
			expect(JSON.parse(result.stdout)).toHaveLength(40);
			const { queries } = emulator.stats;
			expect(queries.map((q) => q.endpoint)).toEqual(["search", "search"]);
			expect(queries.map((q) => [q.query.keyword, q.query.page, q.query.sort])).toEqual([
				[DEMO_SEARCH_KEYWORDS.dresses, "1", "sales"],
				[DEMO_SEARCH_KEYWORDS.dresses, "2", "sales"],
			]);
		} finally {
			await emulator.close();
		}
	});

	it("prints its usage for --help, and names a missing keyword or a bad option in one line (exit 2)", async () => {
		const help = await run(["search", "--help"]);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain("Usage: catbot search <keyword>");
		const missing = await run(["search", "--demo"]);
		expect(missing.code).toBe(2);
		expect(missing.output).toContain("Tell me what to search for");
		const bad = await run(["search", "summer", "dress", "srot:sales", "--demo"]);
		expect(bad.code).toBe(2);
		expect(bad.output).toContain("Unknown option 'srot'. Did you mean 'sort'?");
		expect(bad.output).not.toMatch(/at .*\.js:\d+/);
	});
});
