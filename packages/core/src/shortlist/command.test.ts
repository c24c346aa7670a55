import { describe, expect, it } from "vitest";
import { parseShortlistCommand } from "./command.js";

describe("parseShortlistCommand", () => {
	it("reads the list, a page and export, with or without the command word and bot name", () => {
		expect(parseShortlistCommand("/shortlist")).toEqual({ ok: true, command: "list", page: 1 });
		expect(parseShortlistCommand("/shortlist@Catbot_Test_Bot")).toEqual({
			ok: true,
			command: "list",
			page: 1,
		});
		expect(parseShortlistCommand("/shortlist 2")).toEqual({ ok: true, command: "list", page: 2 });
		expect(parseShortlistCommand(" /Shortlist@bot   page:3 ")).toEqual({
			ok: true,
			command: "list",
			page: 3,
		});
		expect(parseShortlistCommand("／shortlist ２")).toEqual({ ok: true, command: "list", page: 2 });
		expect(parseShortlistCommand("/shortlist export")).toEqual({ ok: true, command: "export" });
		expect(parseShortlistCommand("/shortlist@bot EXPORT")).toEqual({ ok: true, command: "export" });
		expect(parseShortlistCommand("")).toEqual({ ok: true, command: "list", page: 1 });
		expect(parseShortlistCommand("4")).toEqual({ ok: true, command: "list", page: 4 });
		expect(parseShortlistCommand("export")).toEqual({ ok: true, command: "export" });
	});

	it("refuses anything else with a clear invalid refusal", () => {
		for (const text of [
			"/shortlist delete",
			"/shortlist 2 3",
			"/shortlist export now",
			"/shortlist -1",
			"/shortlist 1.5",
			"/shortlists",
			"/category 1031910",
			"x".repeat(201),
		]) {
			const parsed = parseShortlistCommand(text);
			expect(parsed.ok, text).toBe(false);
			if (parsed.ok) continue;
			expect(parsed.refusal.kind).toBe("invalid");
			expect(parsed.refusal.message).toMatch(/^[A-Z].*\.$/s);
		}
		const unknown = parseShortlistCommand("/category@bot 1031910");
		expect(!unknown.ok && unknown.refusal.message).toBe(
			"Unknown command /category. Use /shortlist, /shortlist 2 for its second page, or /shortlist export for a CSV file.",
		);
	});

	it("bounds the page number", () => {
		expect(parseShortlistCommand("/shortlist 20000")).toEqual({ ok: true, command: "list", page: 20_000 });
		for (const text of [
			"/shortlist 0",
			"/shortlist 20001",
			"/shortlist 999999999",
			"/shortlist 99999999999",
		]) {
			const parsed = parseShortlistCommand(text);
			expect(parsed.ok, text).toBe(false);
		}
		const zero = parseShortlistCommand("/shortlist 0");
		expect(!zero.ok && zero.refusal.message).toBe(
			"The page must be a whole number from 1 to 20000 (5 cards a page).",
		);
	});
});
