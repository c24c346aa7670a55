import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { killAll, type RunningProcess, runProcess } from "@catbot/testkit";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";

// Demo CSV starts with a "# DEMO DATA" comment row; spreadsheets show it, parsers are told to skip it.
const DEMO_CSV = { bom: true, columns: true, comment: "#", comment_no_infix: true } as const;
const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
// An empty folder, so no developer's .env leaks into the tests.
const cwd = mkdtempSync(join(tmpdir(), "catbot-cli-"));
afterEach(killAll);

/**
 * What `exited` gives, once stdout and stderr are also read to the end: "exit" can come before their last
 * chunks, "close" comes after (and has not come while either stream is still open).
 */
async function drained(run: RunningProcess): Promise<[number | null, NodeJS.Signals | null]> {
	const ended = (stream: NodeJS.ReadableStream | null) =>
		!stream || (stream as { readableEnded?: boolean }).readableEnded;
	if (run.child.exitCode === null || !ended(run.child.stdout) || !ended(run.child.stderr)) {
		await new Promise((resolve) => run.child.once("close", resolve));
	}
	return run.exited;
}

describe("catbot demo (the interactive session)", () => {
	it("searches, pages, opens a card, re-sorts and quits, all labelled as demo data", async () => {
		const session = runProcess(MAIN, { args: ["demo"], cwd });
		await session.waitFor("catbot> ");
		expect(session.output()).toContain("DEMO DATA");
		session.type("/category 1031910 sort:sales");
		await session.waitFor("Page 1 of 28");
		await session.waitFor(/│ 5\s+│/);
		session.type("n");
		await session.waitFor("Page 2 of 28");
		await session.waitFor(/│ 10\s+│[^\n]*\n[^\n]*\n\/category 1031910 sort:sales page:2/);
		session.type("7");
		await session.waitFor(/#7 .*\n {2}https:\/\/detail\.1688\.com\/offer\/\d+\.html/);
		session.type("s price_up");
		await session.waitFor("Price: low to high · Page 1 of 28");
		session.type("p");
		await session.waitFor("There is no previous page.");
		session.type("sotr:sales");
		await session.waitFor("Did you mean 'sort'");
		session.type("q");
		const [code] = await session.exited;
		expect(code).toBe(0);
		expect(session.stdout()).toContain("Bye.");
	});
});

describe("catbot category (scripts and spreadsheets)", () => {
	it("writes CSV that parses back, with a progress bar on stderr", async () => {
		const out = join(cwd, "dresses.csv");
		const run = runProcess(MAIN, {
			args: [
				"category",
				"1031910",
				"--sort",
				"sales",
				"--pages",
				"3",
				"--format",
				"csv",
				"--out",
				out,
				"--demo",
			],
			cwd,
		});
		const [code] = await drained(run);
		expect(code).toBe(0);
		expect(run.output()).toContain("page 3/3");
		const rows = parse(readFileSync(out, "utf8"), DEMO_CSV) as Record<string, string>[];
		expect(rows).toHaveLength(60);
		expect(new Set(rows.map((r) => r.item_id)).size).toBe(60);
		expect(rows[0]?.shop).toMatch(/[\u4e00-\u9fff]/);
	});

	it("keeps commas, quotes and newlines in titles intact through CSV on stdout", async () => {
		const run = runProcess(MAIN, { args: ["category", "1046640", "--format", "csv", "--demo"], cwd });
		const [code] = await drained(run);
		expect(code).toBe(0);
		const rows = parse(run.stdout(), DEMO_CSV) as Record<string, string>[];
		expect(rows).toHaveLength(20);
		expect(rows.some((r) => /[<&*_]/.test(r.title ?? ""))).toBe(true);
	});

	it("prints JSON products", async () => {
		const run = runProcess(MAIN, { args: ["category", "1031910", "--format", "json", "--demo"], cwd });
		await drained(run);
		const products = JSON.parse(run.stdout()) as { itemId: string }[];
		expect(products).toHaveLength(20);
	});

	it.each([
		[["category", "sotr:sales", "--demo"], 2, "Tell me a category id"],
		[["category", "1031910", "--pages", "0", "--demo"], 2, "--pages must be"],
		[["category", "1031910", "--format", "xml", "--demo"], 2, "--format must be"],
		[["category", "1031910"], 2, "TMAPI_TOKEN is required"],
		[["frobnicate"], 2, "Usage:"],
	])("exits %j with %d for bad input", async (args, expected, text) => {
		const run = runProcess(MAIN, { args, cwd });
		const [code] = await drained(run);
		expect(code).toBe(expected);
		expect(run.output()).toContain(text);
	});

	it("exits 3 when the budget stops an export, keeping what it read", async () => {
		const run = runProcess(MAIN, {
			args: ["category", "1031910", "--pages", "3", "--format", "json", "--demo"],
			cwd,
			env: { BUDGET_USER_DAILY: "1" },
		});
		const [code] = await drained(run);
		expect(code).toBe(3);
		expect(JSON.parse(run.stdout())).toHaveLength(20);
		expect(run.output()).toContain("fresh searches for today");
	});

	it("exits 4 when the upstream cannot be reached", async () => {
		const run = runProcess(MAIN, {
			args: ["category", "1031910"],
			cwd,
			env: { TMAPI_TOKEN: "real-looking-token", TMAPI_BASE_URL: "http://127.0.0.1:1", TMAPI_RETRIES: "0" },
		});
		const [code] = await drained(run);
		expect(code).toBe(4);
		expect(run.output()).toContain("Could not reach the product service");
		expect(run.output()).not.toContain("real-looking-token");
	});
});

describe("catbot start", () => {
	it("says exactly what to set when no bot token is set, and points to the demo", async () => {
		const run = runProcess(MAIN, { args: ["start"], cwd });
		const [code] = await drained(run);
		expect(code).toBe(2);
		expect(run.output()).toContain("TELEGRAM_BOT_TOKEN");
		expect(run.output()).toContain("DISCORD_TOKEN and DISCORD_APPLICATION_ID");
		expect(run.output()).toContain("pnpm demo");
	});
});

describe("catbot start with a token", () => {
	it("runs the Telegram bot as a child and stops it cleanly on SIGTERM", async () => {
		const { startFakeTelegram } = await import("@catbot/fake-telegram");
		const { startTmapiEmulator } = await import("@catbot/tmapi-emulator");
		const tg = await startFakeTelegram();
		const emu = await startTmapiEmulator({ apiToken: "supervised-token" });
		try {
			const run = runProcess(MAIN, {
				args: ["start"],
				cwd,
				env: {
					TELEGRAM_BOT_TOKEN: tg.token,
					TELEGRAM_API_ROOT: tg.apiRoot,
					TMAPI_TOKEN: "supervised-token",
					TMAPI_BASE_URL: emu.url,
				},
			});
			await run.waitFor("telegram bot ready");
			expect(run.output()).toContain("started telegram");
			run.child.kill("SIGTERM");
			const [code] = await drained(run);
			expect(code).toBe(0);
			expect(run.output()).toContain("telegram bot stopped");
		} finally {
			await tg.close();
			await emu.close();
		}
	});
});
