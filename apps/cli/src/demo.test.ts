import { once } from "node:events";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { killAll, type RunningProcess, runProcess } from "@catbot/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { displayWidth } from "./test-support/width.js";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const ENV_EXAMPLE = fileURLToPath(new URL("../../../.env.example", import.meta.url));
const PROMPT = "catbot> ";
afterEach(killAll);

function freshFolder(): string {
	return mkdtempSync(join(tmpdir(), "catbot-demo-"));
}

/** A demo session in an empty folder (no developer's .env), `columns` wide. */
async function demo(options: { columns?: number; env?: Record<string, string>; cwd?: string } = {}) {
	const session = runProcess(MAIN, {
		args: ["demo"],
		cwd: options.cwd ?? freshFolder(),
		env: { COLUMNS: String(options.columns ?? 80), ...options.env },
	});
	// "close" comes after stdout and stderr are drained; "exit" can come before their last chunks.
	const closed = once(session.child, "close");
	await session.waitFor(PROMPT);
	return Object.assign(session, { closed });
}

/** Types a line and resolves with what the session answered to it (up to the next prompt). */
async function ask(session: RunningProcess, line: string): Promise<string> {
	const before = session.stdout().length;
	session.type(line);
	const done = () => session.stdout().slice(before).includes(PROMPT);
	const deadline = Date.now() + 8_000;
	while (!done()) {
		if (Date.now() > deadline) throw new Error(`no prompt after ${line}:\n${session.output().slice(-2000)}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const answer = session.stdout().slice(before);
	return answer.slice(0, answer.indexOf(PROMPT)).trim();
}

/** The lines of a table answer, from its top border to its bottom border. */
function tableLines(answer: string): string[] {
	const lines = answer.split("\n");
	const top = lines.findIndex((line) => line.startsWith("┌"));
	const bottom = lines.findIndex((line) => line.startsWith("└"));
	return lines.slice(top, bottom + 1);
}

async function quit(session: RunningProcess & { closed: Promise<unknown> }) {
	session.type("q");
	const [code] = await session.exited;
	await session.closed;
	expect(code).toBe(0);
	expect(session.stdout()).toMatch(/Bye\.\n$/);
}

describe("numbers typed at the demo prompt", () => {
	it("opens a card by its number however big it is: 101 on page 21 is card 101", async () => {
		const session = await demo();
		expect(await ask(session, "1031910 page:21")).toContain("Page 21 of 28");
		expect(await ask(session, "101")).toMatch(/^#101 .*\n {2}https:\/\/detail\.1688\.com\/offer\/\d+\.html/);
		expect(await ask(session, "105")).toMatch(/^#105 /);
		await quit(session);
	});

	it("says it searches a category when no result is on screen, and says so when a number is neither", async () => {
		const session = await demo();
		const first = await ask(session, "1031910");
		expect(first.split("\n")[0]).toBe("Searching category 1031910.");
		expect(first).toContain("Page 1 of 28");
		expect(await ask(session, "3")).toMatch(/^#3 /);
		expect(await ask(session, "7")).toBe(
			"Card 7 is not on this page, which shows cards 1–5. To search category 7 instead, type /category 7.",
		);
		expect(await ask(session, "0")).toBe("There is no card 0 here, and 0 is not a category id.");
		expect(await ask(session, "9".repeat(200))).toBe(
			"That number is too long to be a card or a category id.",
		);
		// After clear nothing is on screen, so a number is a category again, and says so.
		await ask(session, "clear");
		expect((await ask(session, "3")).split("\n")[0]).toBe("Searching category 3.");
		await quit(session);
	});
});

describe("the demo's own commands", () => {
	it("answers help, /help, /categories, /categories <id> and clear", async () => {
		const session = await demo();
		const help = await ask(session, "help");
		expect(help).toContain("Find an id: /categories");
		for (const line of help.split("\n")) expect(line).toMatch(/^[A-Z].{0,78}\.$/);
		expect(await ask(session, "/help")).toBe(help);
		const top = await ask(session, "/categories");
		expect(top).toContain("Top categories.");
		expect(top).toMatch(/^ {2}10166 +Women's Clothing \(女装\) ›$/m);
		const inside = await ask(session, "/categories 10166");
		expect(inside).toMatch(/^ {2}1031910 +Dresses \(连衣裙\)$/m);
		expect(await ask(session, "/categories 1031910")).toBe(
			"Dresses (连衣裙) has no subcategories. Type 1031910 to see its products.",
		);
		// Piped output is no terminal: clear writes no escape codes into it, and answers nothing.
		expect(await ask(session, "clear")).toBe("");
		await quit(session);
	});

	it("re-sorts with every sort word the grammar knows, and with its did-you-mean", async () => {
		const session = await demo();
		await ask(session, "1031910 sort:sales");
		const words: [string, string][] = [
			["cheap", "Price: low to high"],
			["default", "Best match"],
			["cheapest", "Price: low to high"],
			["relevance", "Best match"],
			["price_up", "Price: low to high"],
			["popular", "Best selling"],
			["priceasc", "Price: low to high"],
			["sold", "Best selling"],
			["price", "Price: low to high"],
			["bestselling", "Best selling"],
			["expensive", "Price: high to low"],
			["sales", "Best selling"],
			["price-down", "Price: high to low"],
			["sort:cheap", "Price: low to high"],
			["pricedesc", "Price: high to low"],
		];
		for (const [word, label] of words) {
			const command = word.startsWith("sort:") ? word : `s ${word}`;
			expect(await ask(session, command), command).toContain(`${label} · Page 1 of 28`);
		}
		expect(await ask(session, "s expensive")).toBe(
			"This list is already sorted that way (Price: high to low).",
		);
		expect(await ask(session, "s chaep")).toMatch(/^Unknown sort 'chaep'/);
		await quit(session);
	});

	it("says which page is last when asked for one past it", async () => {
		const session = await demo();
		expect(await ask(session, "1031910 sort:sales page:99")).toMatch(
			/^Page 99 .*the last page is 28\. Type \/category 1031910 sort:sales page:28 to see it\.$/,
		);
		expect(await ask(session, "/category 1031910 sort:sales page:28")).toContain("Page 28 of 28");
		await quit(session);
	});

	it("starts every message with a capital and ends it with one full stop", async () => {
		const session = await demo();
		const inputs = [
			"n",
			"s cheap",
			"sotr:sales",
			"/foo 1031910",
			"hello world",
			"/categories x",
			"1031910 page:99",
		];
		inputs.push("1031910", "p", "s chaep", "9", "/export 1031910", "s");
		for (const input of inputs) {
			const answer = await ask(session, input);
			if (answer.includes("┌")) continue;
			for (const line of answer.split("\n")) {
				expect(line, input).toMatch(/^(?:• )?[A-Z]/);
				expect(line, input).toMatch(/[^.?!][.?!]$|[:]$/);
			}
		}
		await quit(session);
	});

	it("never meets a rate limit however fast a person types", async () => {
		const session = await demo();
		await ask(session, "1031910");
		for (let page = 2; page <= 12; page += 1) {
			expect(await ask(session, "n")).toContain(`Page ${page} of 28`);
		}
		for (const word of ["cheap", "expensive", "sales", "default"]) {
			expect(await ask(session, `s ${word}`)).not.toContain("Slow down");
		}
		await quit(session);
	});
});

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
