import { killAll } from "@catbot/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { ask, demo, quit } from "./test-support/demo.js";

afterEach(killAll);

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
