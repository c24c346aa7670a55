import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { killTerminals, runOnTerminal } from "./test-support/terminal.js";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), "catbot-tty-"));
afterEach(killTerminals);

const ENTER = "\r";
const LEFT = "\x1b[D";
const UP = "\x1b[A";
const CTRL_L = "\x0c";
const CTRL_D = "\x04";
// What readline writes to clear the screen: cursor home, then erase below.
const CLEARED = "\x1b[1;1H\x1b[0J";

// util-linux `script` gives the demo a real pseudo-terminal; every Debian-based machine and CI has it, so
// where it is missing, runOnTerminal fails each test with what to install instead of skipping it.
describe("catbot demo on a terminal", () => {
	it("edits the line with the arrow keys, recalls history with up, clears with Ctrl-L and clear", async () => {
		const tty = runOnTerminal(MAIN, { args: ["demo"], cwd, columns: 80 });
		await tty.waitFor("catbot> ");

		// "10310", two steps left, "19": the cursor moved, so the line reads 1031910. One key at a time, as
		// a keyboard sends them (Node 20's readline garbles a multi-character chunk pasted mid-line).
		let mark = tty.screen().length;
		for (const key of [..."10310", LEFT, LEFT, "1", "9", ENTER]) {
			tty.keys(key);
			await new Promise((resolve) => setTimeout(resolve, 30));
		}
		await tty.waitFor("Searching category 1031910.", mark);
		await tty.waitFor(/\/category 1031910\r\n[\s\S]*catbot> /, mark);

		mark = tty.screen().length;
		tty.keys(`n${ENTER}`);
		await tty.waitFor("Page 2 of 28", mark);
		await tty.waitFor(/page:2\r\n[\s\S]*catbot> /, mark);

		// Up twice brings back the search, not the page turn.
		mark = tty.screen().length;
		tty.keys(`${UP}${UP}${ENTER}`);
		await tty.waitFor("Page 1 of 28", mark);
		await tty.waitFor(/\/category 1031910\r\n[\s\S]*catbot> /, mark);

		mark = tty.screen().length;
		tty.keys(CTRL_L);
		await tty.waitFor(CLEARED, mark);

		mark = tty.screen().length;
		tty.keys(`clear${ENTER}`);
		await tty.waitFor(CLEARED, mark);
		await tty.waitFor("catbot> ", mark);

		// Ctrl-D on an empty line ends the session like q.
		mark = tty.screen().length;
		tty.keys(CTRL_D);
		await tty.waitFor("Bye.", mark);
		const [code] = await tty.exited;
		expect(code).toBe(0);
		// The table was sized from the terminal itself (80 columns, no COLUMNS variable): the merged layout.
		expect(tty.screen()).toContain("Price (MOQ)");
	});

	it("ends the session on Ctrl-C at the prompt instead of freezing it", async () => {
		const tty = runOnTerminal(MAIN, { args: ["demo"], cwd, columns: 100 });
		await tty.waitFor("catbot> ");
		tty.keys("\x03");
		await tty.waitFor("Bye.");
		const [code] = await tty.exited;
		expect(code).toBe(0);
	});
});
