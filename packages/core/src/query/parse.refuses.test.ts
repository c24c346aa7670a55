import { describe, expect, it } from "vitest";
import { MAX_COMMAND_LENGTH, MAX_COMMAND_WORDS, parseCategoryCommand } from "./parse.js";

const MISSING = "Tell me a category id, e.g. /category 1031910";

describe("parseCategoryCommand refuses", () => {
	it.each<[string, string[]]>([
		["", [MISSING]],
		["/category", [MISSING]],
		["/category sort:sales", [MISSING]],
		["/category@MyBot free_shipping", [MISSING]],
		["/c 1031910", ["Unknown command '/c'. Use /category, e.g. /category 1031910"]],
		["/categroy 1031910", ["Unknown command '/categroy'. Did you mean '/category'?"]],
		["/start", ["Unknown command '/start'. Use /category, e.g. /category 1031910"]],
		["/category 1031910 sotr:sales", ["Unknown option 'sotr'. Did you mean 'sort'?"]],
		["/category 1031910 prcie:10-50", ["Unknown option 'prcie'. Did you mean 'price'?"]],
		["/category 1031910 colour:red", ["Unknown option 'colour'"]],
		["/category 1031910 freeshiping", ["Unknown option 'freeshiping'. Did you mean 'free_shipping'?"]],
		["/category 1031910 banana", ["Unknown option 'banana'"]],
		["/category 1031910 10-50", ["Unknown option '10-50'. Did you mean 'price:10-50'?"]],
		["/category 1031910 :sales", ["I don't understand ':sales'"]],
		["/category 1031910 sort:", ["sort needs a value, e.g. sort:sales"]],
		["/category 1031910 page", ["page needs a value, e.g. page:2"]],
		["/category 1031910 page free_shipping", ["page needs a value, e.g. page:2"]],
		["/category 1031910 sort:slaes", ["Unknown sort 'slaes'. Did you mean 'sales'?"]],
		["/category 1031910 sort:newest", ["Unknown sort 'newest'. Use sales, price_up, price_down or default"]],
		["/category 1031910 lang:de", ["Unknown language 'de'. Use en, zh, ru, vi, ja or ko"]],
		["/category 1031910 lang:russain", ["Unknown language 'russain'. Did you mean 'russian'?"]],
		["/category 1031910 api:v3", ["api must be v1 or v2, not 'v3'"]],
		["/category 1031910 free_shipping:maybe", ["free_shipping must be yes or no, not 'maybe'"]],
		[
			"/category 1031910 sort:sales sort:cheap",
			["Conflicting options 'sort:sales' and 'sort:cheap'; keep one"],
		],
		[
			"/category 1031910 free_shipping free_shipping:no",
			["Conflicting options 'free_shipping' and 'free_shipping:no'; keep one"],
		],
		["/category 1031910 price:10-50 min:20", ["Conflicting options 'price:10-50' and 'min:20'; keep one"]],
		["/category 1031910 cat:42", ["Conflicting options '1031910' and 'cat:42'; keep one"]],
		["/category 1031910 2", ["Two category ids, '1031910' and '2'; keep one (for a page, write page:2)"]],
		["/category cat:abc", ["category id must be a positive whole number"]],
		["/category 0", ["category id must be a positive whole number"]],
		["/category 99999999999999999999", ["category id must be a positive whole number"]],
		["/category 9007199254740991", ["category id must be a whole number from 1 to 99999999999"]],
		[
			"/category 1031910 page:9007199254740984",
			["page must be from 1 to 400 at 5 cards a page (1688 lists at most 2000 products)"],
		],
		[
			"/category 1031910 size:10 page:2251799813685248",
			["page must be from 1 to 200 at 10 cards a page (1688 lists at most 2000 products)"],
		],
		["/category 1031910 page:0", ["page must be a whole number of at least 1"]],
		["/category 1031910 page:2.5", ["page must be a whole number of at least 1"]],
		["/category 1031910 page:-1", ["page must be a whole number of at least 1"]],
		["/category 1031910 page:two", ["page must be a whole number of at least 1"]],
		["/category 1031910 size:11", ["size must be a whole number from 1 to 10"]],
		[
			"/category 1031910 price:10",
			["price needs a range, e.g. price:10-50, price:10- or price:-50 (not '10')"],
		],
		[
			"/category 1031910 price:-",
			["price needs a range, e.g. price:10-50, price:10- or price:-50 (not '-')"],
		],
		[
			"/category 1031910 price:1-2-3",
			["price needs a range, e.g. price:10-50, price:10- or price:-50 (not '1-2-3')"],
		],
		["/category 1031910 price:50-10", ["min price (50) must not be above max price (10)"]],
		[
			"/category 1031910 price:1.999-",
			["min price must be a number from 0 to 1000000 with at most 2 decimals"],
		],
		[
			"/category 1031910 price:abc-5",
			["min price must be a number from 0 to 1000000 with at most 2 decimals"],
		],
		[
			"/category 1031910 max:2000000",
			["max price must be a number from 0 to 1000000 with at most 2 decimals"],
		],
		[
			"/category 1031910 v1 sort:sales price:10- new lang:ru",
			["sort needs api v2", "new_arrival needs api v2", "lang needs api v2", "price filters need api v2"],
		],
		[
			"/category https://s.1688.com/selloffer/offer_search.htm?keywords=lamp",
			["That link has no category id in it; send the number instead, e.g. /category 1031910"],
		],
		[
			"/category https://detail.1688.com/offer/991188728585.html",
			["That link has no category id in it; send the number instead, e.g. /category 1031910"],
		],
		[
			"/category https://www.alibaba.com/trade/search?categoryId=100003070",
			["Only 1688.com links work here, not 'www.alibaba.com'"],
		],
		[
			"/category https://s.1688.com/x?categoryId=1&cat_id=2",
			["That link has more than one category id; send just the one you want"],
		],
	])("%j", (text, problems) => {
		expect(parseCategoryCommand(text)).toStrictEqual({ ok: false, problems });
	});

	it("reports every problem at once, in the order typed, with the missing id first", () => {
		expect(
			parseCategoryCommand("/category sotr:sales page:0 lang:xx free_shipping:maybe price:50-10 v1"),
		).toStrictEqual({
			ok: false,
			problems: [
				MISSING,
				"Unknown option 'sotr'. Did you mean 'sort'?",
				"Unknown language 'xx'. Use en, zh, ru, vi, ja or ko",
				"free_shipping must be yes or no, not 'maybe'",
				"page must be a whole number of at least 1",
				"price filters need api v2",
				"min price (50) must not be above max price (10)",
			],
		});
	});

	it("cuts long user text short when quoting it back", () => {
		const result = parseCategoryCommand(`/category 1031910 ${"x".repeat(200)}`);
		expect(result).toStrictEqual({ ok: false, problems: [`Unknown option '${"x".repeat(39)}…'`] });
	});

	it("refuses over-long and over-wordy input with one problem", () => {
		expect(parseCategoryCommand(`/category 1031910 ${" ".repeat(MAX_COMMAND_LENGTH)}`)).toStrictEqual({
			ok: false,
			problems: [`That command is too long; use at most ${MAX_COMMAND_LENGTH} characters`],
		});
		expect(parseCategoryCommand(`/category 1031910${" new".repeat(MAX_COMMAND_WORDS)}`)).toStrictEqual({
			ok: false,
			problems: [`That is too many words for one command; use at most ${MAX_COMMAND_WORDS}`],
		});
		// NFKC turns this one character into 18 letters, so a short text can grow past the limit.
		expect(parseCategoryCommand("\uFDFA".repeat(100))).toStrictEqual({
			ok: false,
			problems: [`That command is too long; use at most ${MAX_COMMAND_LENGTH} characters`],
		});
	});
});
