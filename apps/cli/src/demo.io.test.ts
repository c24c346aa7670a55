import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { killAll } from "@catbot/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { ask, demo, ENV_EXAMPLE, freshFolder, quit, tableLines } from "./test-support/demo.js";
import { displayWidth } from "./test-support/width.js";

afterEach(killAll);

describe("the demo reading a script from a pipe", () => {
	it("answers every line and ends cleanly at the end of the input, without q", async () => {
		const session = await demo();
		session.type("1031910");
		session.type("n");
		session.type("7");
		// End of input while the first search is still running: Node 24's readline throws on a prompt
		// after close, where Node 20 let it pass.
		session.child.stdin?.end();
		const [code] = await session.exited;
		await session.closed;
		expect(code).toBe(0);
		expect(session.stdout()).toContain("Page 2 of 28");
		expect(session.stdout()).toMatch(/#7 .*\n {2}https:/);
		expect(session.stdout()).toMatch(/Bye\.\n$/);
		expect(session.output()).not.toContain("catbot:");
	});
});

describe("the demo's first run with a .env from .env.example", () => {
	it("keeps JSON log lines out of the session and never touches REDIS_URL", async () => {
		const cwd = freshFolder();
		copyFileSync(ENV_EXAMPLE, join(cwd, ".env"));
		// A Redis nobody runs: the demo's cache and budget are its own, in memory.
		writeFileSync(join(cwd, ".env"), "\nREDIS_URL=redis://127.0.0.1:1\n", { flag: "a" });
		const session = await demo({ cwd });
		await ask(session, "1031910 sort:sales");
		await ask(session, "n");
		await ask(session, "sotr:sales");
		await quit(session);
		expect(session.output()).toContain("Page 2 of 28");
		expect(session.output()).not.toContain('"level"');
		expect(session.output()).not.toMatch(/redis/i);
	});
});

describe("the demo's table", () => {
	it("fits 80 columns with the units in the header and only values in the cells", async () => {
		const session = await demo({ columns: 80 });
		const answer = await ask(session, "1031910 sort:sales");
		for (const line of answer.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
		const [, header, , ...rows] = tableLines(answer);
		expect(header).toMatch(/Price \(MOQ\).*Sold in 90 days · Shop/);
		expect(rows).toHaveLength(5 + 1);
		for (const row of rows.slice(0, -1)) {
			expect(row).toMatch(/¥[\d,]+\.\d\d \(\d[\d,]*\)/);
			expect(row).not.toMatch(/MOQ|sold|90 days/i);
		}
		await quit(session);
	});

	it("shows the values, not cut labels, in other languages", async () => {
		const session = await demo({ columns: 80 });
		for (const [lang, label] of [
			["ru", /Мин\. заказ|Продано/],
			["zh", /起批|售出/],
			["ja", /最小注文|販売数/],
			["ko", /최소 주문|판매/],
		] as const) {
			const answer = await ask(session, `1031910 lang:${lang}`);
			for (const line of answer.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
			const rows = tableLines(answer).slice(3, -1);
			expect(rows).toHaveLength(5);
			for (const row of rows) {
				expect(row).not.toMatch(label);
				expect(row).toMatch(/\(\d[\d\s,.]*\)/u);
			}
		}
		await quit(session);
	});

	it("gives price, MOQ, sales and shop their own columns when the terminal is wide", async () => {
		const session = await demo({ columns: 150 });
		const answer = await ask(session, "1031910 sort:sales");
		const [top, header] = tableLines(answer);
		expect(header).toMatch(/│ Price +│ MOQ +│ Sold in 90 days +│ Shop +│/);
		expect(displayWidth(top ?? "")).toBeLessThanOrEqual(150);
		await quit(session);
	});
});
