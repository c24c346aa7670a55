import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SHORTLIST_CSV_COLUMNS, shortlistToCsv } from "@catbot/core";
import { killAll } from "@catbot/testkit";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { CHAT, CSV, card, folder, NEWEST_FIRST, run, seed, seeded } from "./test-support/shortlist.js";
import { displayWidth } from "./test-support/width.js";

afterEach(killAll);

describe("catbot shortlist reads the bots' store", () => {
	it("writes the chat's whole list as the /shortlist export CSV, newest first, spreadsheet-safe", async () => {
		const cwd = await seeded();
		const result = await run(["--place", "telegram:-1001234567890", "--format", "csv"], cwd);
		expect(result.code).toBe(0);
		// Byte for byte what core's writer makes of the stored cards: the same file /shortlist export sends.
		expect(result.stdout).toBe(shortlistToCsv(NEWEST_FIRST));
		const rows = parse(result.stdout, CSV) as Record<string, string>[];
		expect(Object.keys(rows[0] ?? {})).toEqual(SHORTLIST_CSV_COLUMNS);
		expect(rows.map((row) => row.item_id)).toEqual(NEWEST_FIRST.map((c) => `'${c.itemId}`));
		expect(rows.map((row) => row.saved_by)).toEqual([
			"",
			"Member 6",
			"Member 5",
			"Member 4",
			"Member 3",
			"'@everyone",
			"Member 1",
		]);
		expect(rows.find((row) => row.item_id === "'700000000001")).toMatchObject({
			price_when_saved: "10.25",
			saved_at: "2026-11-01T12:00:00.000Z",
		});
		for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
		expect(result.stdout).not.toContain("Channel card");
	});

	it("prints the SavedCard objects as JSON: all of them, or one page of five", async () => {
		const cwd = await seeded();
		const all = await run(["--place", "telegram:-1001234567890", "--format", "json"], cwd);
		expect(all.code).toBe(0);
		expect(JSON.parse(all.stdout)).toEqual(NEWEST_FIRST);
		const second = await run(["--place", "telegram:-1001234567890", "--format", "json", "--page", "2"], cwd);
		expect(second.code).toBe(0);
		expect(JSON.parse(second.stdout)).toEqual(NEWEST_FIRST.slice(5));
		const channel = await run(
			["--place", "discord:81384788765712384:81384788765712390", "--all", "--format", "json"],
			cwd,
		);
		expect(JSON.parse(channel.stdout)).toEqual([card(9, { title: "Channel card" })]);
	});

	it("shows a table of the newest page, who saved each card and its price then, fitted to the width", async () => {
		const cwd = await seeded();
		for (const columns of [120, 80, 60]) {
			const result = await run(["--place", "telegram:-1001234567890"], cwd, { COLUMNS: String(columns) });
			expect(result.code).toBe(0);
			const lines = result.stdout.trimEnd().split("\n");
			expect(lines[0]).toBe("telegram:-1001234567890 · 7 saved cards · Page 1 of 2");
			for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
			expect(result.stdout).toContain("Price when saved");
			expect(result.stdout).toContain("Saved by");
			expect(result.stdout).toMatch(/│ 1 +│ Summer dress/);
			expect(result.stdout).toContain("someone · 7 Nov");
			expect(result.stdout).not.toContain("Summer dress 2 ");
			// A saved title cannot move the cursor or recolour the terminal.
			expect(result.stdout).not.toContain("\u001b");
			expect(result.stderr).toContain("More: --page 2 shows the next page, --all every card.");
		}
		const wide = await run(["--place", "telegram:-1001234567890", "--all"], cwd, { COLUMNS: "160" });
		expect(wide.stdout.split("\n")[0]).toBe("telegram:-1001234567890 · 7 saved cards");
		expect(wide.stdout).toMatch(/│ 3 +│ Summer dress 5[^│]*│ ¥11\.25 +│ 2 +│ Member 5 · 5 Nov +│ Shop 5 +│/);
		expect(wide.stdout).toMatch(/│ 5 +│ Summer dress 3[^│]*│ Price on request +│ +│ Member 3 · 3 Nov/);
		// The escape characters are gone, so what is left is harmless text on one line.
		expect(wide.stdout).toMatch(/│ 4 +│ Red \[31mdress\[0m second line +│/);
		expect(wide.stderr).not.toContain("More:");
	});

	it("prints a long list whole, though a pipe takes it in many pieces", async () => {
		const cwd = folder();
		// 300 cards of long titles: hundreds of kilobytes, far more than a pipe holds at once.
		const many = Array.from({ length: 300 }, (_, i) =>
			card(i + 1, {
				title: `${"Long title ".repeat(45)}${i + 1}`,
				savedAt: Date.UTC(2026, 0, 1) + i * 60_000,
			}),
		);
		await seed({ dataDir: join(cwd, "data") }, CHAT, many);
		const json = await run(["--place", "telegram:-1001234567890", "--format", "json"], cwd);
		expect(json.code).toBe(0);
		expect(json.stdout.length).toBeGreaterThan(200_000);
		expect(JSON.parse(json.stdout)).toEqual([...many].reverse());
		const csv = await run(["--place", "telegram:-1001234567890", "--format", "csv"], cwd);
		expect(parse(csv.stdout, CSV)).toHaveLength(300);
	});

	it("writes to --out in the format its extension names", async () => {
		const cwd = await seeded();
		const result = await run(["--place", "telegram:-1001234567890", "--out", "picks.csv"], cwd);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe("");
		expect(result.stderr).toContain("Wrote 7 cards to picks.csv.");
		expect(readFileSync(join(cwd, "picks.csv"), "utf8")).toBe(shortlistToCsv(NEWEST_FIRST));
	});

	it("says so when nothing is saved, exits 0, and leaves no empty store behind", async () => {
		const cwd = folder();
		const bare = await run(["--place", "telegram:-100123"], cwd);
		expect(bare.code).toBe(0);
		expect(bare.stdout).toBe("Nothing saved in telegram:-100123 yet.\n");
		expect(bare.stderr).toBe(
			`There is no store at ${join(realpathSync(cwd), "data", "catbot.sqlite")} yet: the bots create it with the first save. Run this from the folder the bots run in, or set DATA_DIR.\n`,
		);
		expect(existsSync(join(cwd, "data"))).toBe(false);

		const other = await seeded();
		const empty = await run(["--place", "telegram:-100123"], other);
		expect(empty).toMatchObject({ code: 0, stdout: "Nothing saved in telegram:-100123 yet.\n", stderr: "" });
		const json = await run(["--place", "telegram:-100123", "--format", "json"], other);
		expect(json).toMatchObject({
			code: 0,
			stdout: "[]\n",
			stderr: "Nothing saved in telegram:-100123 yet.\n",
		});
		const csv = await run(["--place", "telegram:-100123", "--format", "csv"], other);
		expect(parse(csv.stdout, CSV)).toEqual([]);
		expect(csv.stdout).toBe(shortlistToCsv([]));
	});

	it("says in one line which store failed, and exits 4", async () => {
		const cwd = folder();
		mkdirSync(join(cwd, "data"));
		writeFileSync(join(cwd, "data", "catbot.sqlite"), "not a database, whatever the name says".repeat(200));
		const result = await run(["--place", "telegram:-100123"], cwd);
		expect(result.code).toBe(4);
		expect(result.stdout).toBe("");
		const plain = result.output.split("\n").filter((line) => line !== "" && !line.startsWith("{"));
		const file = join(realpathSync(cwd), "data", "catbot.sqlite");
		expect(plain).toEqual([
			`Saved data is unavailable right now. Please try again later. The store is ${file}.`,
		]);
	});

	it("refuses a page past the end with exit 2", async () => {
		const cwd = await seeded();
		const result = await run(["--place", "telegram:-1001234567890", "--page", "3"], cwd);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe("");
		expect(result.stderr).toBe("There is no page 3: the last page is 2.\n");
	});
});
