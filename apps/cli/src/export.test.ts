import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { killAll, runProcess } from "@catbot/testkit";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const DEMO_CSV = { bom: true, columns: true, comment: "#", comment_no_infix: true } as const;
afterEach(killAll);

function folder(): string {
	return mkdtempSync(join(tmpdir(), "catbot-export-"));
}

async function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
	const child = runProcess(MAIN, { args, cwd: options.cwd ?? folder(), env: options.env ?? {} });
	// "close" comes after stdout and stderr are drained; "exit" can come before their last chunks.
	const closed = once(child.child, "close");
	const [code] = await child.exited;
	await closed;
	return { code, stdout: child.stdout(), output: child.output() };
}

// Node's own parseArgs and shell wording, which must never reach a person.
const NODE_WORDING = /ambiguous|ERR_PARSE_ARGS|To specify a positional|TypeError|at .*\.js:\d+/;

describe("catbot category --out picks the format from the file name", () => {
	it("writes CSV to x.csv and JSON to x.json without --format", async () => {
		const cwd = folder();
		const csv = await run(["category", "1031910", "--out", "x.csv", "--demo"], { cwd });
		expect(csv.code).toBe(0);
		const rows = parse(readFileSync(join(cwd, "x.csv"), "utf8"), DEMO_CSV) as Record<string, string>[];
		expect(rows).toHaveLength(20);
		const demoJson = await run(["category", "1031910", "--out", "x.json", "--demo"], { cwd });
		expect(demoJson.code).toBe(0);
		expect(JSON.parse(readFileSync(join(cwd, "x.DEMO.json"), "utf8"))).toHaveLength(20);
		expect(existsSync(join(cwd, "x.json"))).toBe(false);
	});

	it("writes live data to exactly the file named, with no demo marks", async () => {
		const { startTmapiEmulator } = await import("@catbot/tmapi-emulator");
		const emulator = await startTmapiEmulator({ apiToken: "live-token" });
		try {
			const cwd = folder();
			const env = { TMAPI_TOKEN: "live-token", TMAPI_BASE_URL: emulator.url };
			expect((await run(["category", "1031910", "--out", "live.json"], { cwd, env })).code).toBe(0);
			expect(JSON.parse(readFileSync(join(cwd, "live.json"), "utf8"))).toHaveLength(20);
			expect((await run(["category", "1031910", "--out", "live.CSV"], { cwd, env })).code).toBe(0);
			const csv = readFileSync(join(cwd, "live.CSV"), "utf8");
			expect(csv.startsWith("\uFEFFitem_id,title,")).toBe(true);
			expect(csv).not.toContain("DEMO");
		} finally {
			await emulator.close();
		}
	});

	it("refuses a table (or any other format) in a file whose extension says otherwise", async () => {
		const cwd = folder();
		for (const [format, file] of [
			["table", "x.csv"],
			["json", "x.csv"],
			["csv", "x.json"],
		]) {
			const result = await run(
				["category", "1031910", "--format", format as string, "--out", file as string, "--demo"],
				{ cwd },
			);
			expect(result.code).toBe(2);
			expect(result.output).toContain(`A ${format} export does not belong in a ${file?.slice(1)} file`);
			expect(existsSync(join(cwd, file as string))).toBe(false);
		}
	});
});

describe("catbot's usage and argument errors", () => {
	it.each([
		[["--help"]],
		[["-h"]],
		[["help"]],
		[["category", "--help"]],
		[["category", "-h"]],
		[["demo", "--help"]],
	])("%j prints usage on stdout and exits 0", async (args) => {
		const result = await run(args);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Usage:/);
	});

	it.each([
		[["frobnicate"], "Unknown command 'frobnicate'."],
		[["--frob"], "Unknown option '--frob'."],
		[["category", "1031910", "--frob", "--demo"], "Unknown option '--frob'."],
		[["category", "1031910", "-x", "--demo"], "Unknown option '-x'."],
		[
			["category", "1031910", "--pages", "-5", "--demo"],
			"Option --pages must be a whole number of at least 1, not '-5'.",
		],
		[
			["category", "1031910", "--pages=-5", "--demo"],
			"Option --pages must be a whole number of at least 1, not '-5'.",
		],
		[
			["category", "1031910", "--pages", "abc", "--demo"],
			"Option --pages must be a whole number of at least 1, not 'abc'.",
		],
		[
			["category", "1031910", "--pages", "2.5", "--demo"],
			"Option --pages must be a whole number of at least 1, not '2.5'.",
		],
		[["category", "1031910", "--pages"], "Option --pages needs a value."],
		[["category", "1031910", "--sort", "--demo"], "Option --sort needs a value."],
		[["category", "1031910", "--demo=yes"], "Option --demo takes no value."],
		[["category", "1031910", "--out", "a.csv", "--out", "b.csv"], "Option --out is given twice; keep one."],
		[
			["category", "1031910", "--format", "xml", "--demo"],
			"Option --format must be table, json or csv, not 'xml'.",
		],
	])("%j names the problem in one line, shows usage and exits 2", async (args, message) => {
		const result = await run(args);
		expect(result.code).toBe(2);
		const [first, second] = result.output.split("\n");
		expect(first).toBe(`catbot: ${message}`);
		expect(second).toMatch(/^Usage:/);
		expect(result.stdout).toBe("");
		expect(result.output).not.toMatch(NODE_WORDING);
	});

	it("names every configuration problem as a sentence, values never quoted", async () => {
		const result = await run(["category", "1031910", "--demo"], {
			env: { RATE_LIMIT_ACTIONS: "lots", BUDGET_DAILY: "-1" },
		});
		expect(result.code).toBe(2);
		const [first, ...problems] = result.output.trimEnd().split("\n");
		expect(first).toBe("catbot: Invalid configuration:");
		expect(problems).toHaveLength(2);
		expect(problems[0]).toMatch(/^- RATE_LIMIT_ACTIONS [^.]*\.$/);
		expect(problems[1]).toMatch(/^- BUDGET_DAILY [^.]*\.$/);
		expect(result.output).not.toContain("lots");
	});

	it("says in one line that --out points into a missing folder, before reading anything", async () => {
		const cwd = folder();
		const result = await run(["category", "1031910", "--out", join("missing", "x.csv"), "--demo"], { cwd });
		expect(result.code).toBe(2);
		const [first, second] = result.output.split("\n");
		expect(first).toBe(
			`catbot: Cannot write ${join("missing", "x.csv")}: the folder missing does not exist. Create it or choose another --out path.`,
		);
		expect(second).toMatch(/^Usage:/);
		expect(result.output).not.toContain("ENOENT");
	});

	it("says that --pages above EXPORT_MAX_PAGES was capped, and reads the most allowed", async () => {
		const result = await run(["category", "1031910", "--pages", "50", "--format", "json", "--demo"], {
			env: { EXPORT_MAX_PAGES: "2" },
		});
		expect(result.code).toBe(0);
		expect(result.output).toContain("Reading 2 pages, not 50: EXPORT_MAX_PAGES caps an export at 2.");
		expect(result.output).toContain("page 2/2");
		expect(JSON.parse(result.stdout)).toHaveLength(40);
	});
});

describe("CSV a spreadsheet can open safely", () => {
	it("neutralises formula-like cells, keeps ids as text and says DEMO in its first row", async () => {
		const result = await run(["category", "1046640", "--format", "csv", "--demo"]);
		expect(result.code).toBe(0);
		expect(result.stdout.split("\r\n")[0]).toBe(
			"\uFEFF# DEMO DATA from the bundled emulator: not real 1688 listings",
		);
		const rows = parse(result.stdout, DEMO_CSV) as Record<string, string>[];
		expect(rows).toHaveLength(20);
		// The emulator's hostile titles include "@everyone ...", which a spreadsheet would run as a formula.
		expect(rows.some((r) => r.title?.startsWith("'@everyone"))).toBe(true);
		for (const row of rows) {
			for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
			expect(row.item_id).toMatch(/^'\d{12}$/);
		}
	});

	it("starts a demo table with a DEMO DATA line, on stdout and in a file", async () => {
		const cwd = folder();
		const printed = await run(["category", "1031910", "--demo"], { cwd, env: { COLUMNS: "100" } });
		expect(printed.stdout.split("\n")[0]).toBe(
			"DEMO DATA from the bundled emulator, not real 1688 listings.",
		);
		const saved = await run(["category", "1031910", "--out", "dresses.txt", "--demo"], { cwd });
		expect(saved.code).toBe(0);
		expect(readFileSync(join(cwd, "dresses.txt"), "utf8")).toMatch(/^DEMO DATA .*\n┌/);
	});
});
