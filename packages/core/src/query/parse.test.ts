import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../test-support/arbitraries.js";
import { MAX_COMMAND_LENGTH, MAX_COMMAND_WORDS, parseCategoryCommand } from "./parse.js";
import { type CategoryQuery, toCategoryQuery } from "./schema.js";

const MISSING = "Tell me a category id, e.g. /category 1031910";

describe("parseCategoryCommand accepts", () => {
	it.each<[string, Partial<CategoryQuery>]>([
		// The command forms.
		["/category 1031910", {}],
		["/category 1031910 sort:sales", { sort: "sales" }],
		[
			"/category@MyBot 1031910 price:10-50 free_shipping lang:ru page:3",
			{ priceMin: 10, priceMax: 50, freeShipping: true, language: "ru", page: 3 },
		],
		["/category@catalog_1688_bot 1031910", {}],
		["1031910 sort:sales", { sort: "sales" }],
		["  /category    1031910   sort:sales  ", { sort: "sales" }],
		["/CATEGORY 1031910 SORT:SALES", { sort: "sales" }],
		["/category\n1031910\tsort:sales", { sort: "sales" }],
		// Full-width input from Chinese and Japanese keyboards.
		["/category １０３１９１０ sort：sales", { sort: "sales" }],
		["／ｃａｔｅｇｏｒｙ　１０３１９１０　ｐａｇｅ＝２", { page: 2 }],
		// key=value, spaces around the separator, invisible characters.
		["/category 1031910 sort=price_down page = 4", { sort: "price_down", page: 4 }],
		["/category 1031910 sort : sales", { sort: "sales" }],
		["/category 1031910 so\u200brt:sales", { sort: "sales" }],
		// The category id in its other spellings.
		["/category cat:1031910", {}],
		["/category cat_id:1031910", {}],
		["/category id=1031910", {}],
		["/category category_id:1031910 1031910", {}],
		["/category cat id 1031910", {}],
		["/category 7", { catId: 7 }],
		["/category 99999999999", { catId: 99_999_999_999 }],
		["/category 1031910 page:400", { page: 400 }],
		["/category 1031910 size:1 page:2000", { pageSize: 1, page: 2000 }],
		// Pasted links.
		["/category https://s.1688.com/selloffer/offer_search.htm?categoryId=1031910", {}],
		[
			"/category https://s.1688.com/selloffer/offer_search.htm?spm=a26352.13672862&categoryId=1031910&n=y",
			{},
		],
		["/category https://m.1688.com/offer_search/-6D7033.html?categoryId=1031910", {}],
		["/category https://show.1688.com/pinlei/industry/pllist.html?cat_id=1031910", {}],
		["/category https://m.1688.com/page/search.html#/list?categoryId=1031910", {}],
		["/category s.1688.com/selloffer/offer_search.htm?categoryId=1031910", {}],
		["/category <https://s.1688.com/selloffer/offer_search.htm?categoryId=1031910>", {}],
		["https://s.1688.com/selloffer/offer_search.htm?categoryId=1031910 sort:sales", { sort: "sales" }],
		// Sort aliases.
		["/category 1031910 sort:sold", { sort: "sales" }],
		["/category 1031910 sort:popular", { sort: "sales" }],
		["/category 1031910 sort:price", { sort: "price_up" }],
		["/category 1031910 sort:price_up", { sort: "price_up" }],
		["/category 1031910 sort:price-asc", { sort: "price_up" }],
		["/category 1031910 sort:cheap", { sort: "price_up" }],
		["/category 1031910 sort:cheapest", { sort: "price_up" }],
		["/category 1031910 sort:price-desc", { sort: "price_down" }],
		["/category 1031910 sort:Price_Down", { sort: "price_down" }],
		["/category 1031910 sort:expensive", { sort: "price_down" }],
		["/category 1031910 sort:relevance", {}],
		["/category 1031910 sort:default", {}],
		["/category 1031910 cheapest", { sort: "price_up" }],
		["/category 1031910 sort sales", { sort: "sales" }],
		// Prices.
		["/category 1031910 price:10-50", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 price:10-", { priceMin: 10 }],
		["/category 1031910 price:-50", { priceMax: 50 }],
		["/category 1031910 price:10~50", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 price:9.99-10.5", { priceMin: 9.99, priceMax: 10.5 }],
		["/category 1031910 price:0-0.5", { priceMin: 0, priceMax: 0.5 }],
		["/category 1031910 price:10–50", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 price:10〜50", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 price:¥10-50元", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 price: 10 - 50", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 price 10 -50", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 min:10 max:50", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 min_price:10 max_price=50", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 min price:10", { priceMin: 10 }],
		["/category 1031910 price:10- max:50", { priceMin: 10, priceMax: 50 }],
		["/category 1031910 price:10-50 min:10", { priceMin: 10, priceMax: 50 }],
		// Flags.
		["/category 1031910 free_shipping", { freeShipping: true }],
		["/category 1031910 freeship", { freeShipping: true }],
		["/category 1031910 free-shipping", { freeShipping: true }],
		["/category 1031910 Free Shipping", { freeShipping: true }],
		["/category 1031910 free_shipping:yes", { freeShipping: true }],
		["/category 1031910 free_shipping:TRUE", { freeShipping: true }],
		["/category 1031910 free_shipping=1", { freeShipping: true }],
		["/category 1031910 free_shipping:on", { freeShipping: true }],
		["/category 1031910 free_shipping:no", {}],
		["/category 1031910 free_shipping:false", {}],
		["/category 1031910 free_shipping:0", {}],
		["/category 1031910 free_shipping:off", {}],
		["/category 1031910 dropshipping dropship", { dropshipping: true }],
		["/category 1031910 super_factory", { superFactory: true }],
		["/category 1031910 factory", { superFactory: true }],
		["/category 1031910 new", { newArrival: true }],
		["/category 1031910 new_arrival", { newArrival: true }],
		["/category 1031910 new arrivals", { newArrival: true }],
		// Language, paging, api.
		["/category 1031910 lang:ru", { language: "ru" }],
		["/category 1031910 language:ZH", { language: "zh" }],
		["/category 1031910 ru", { language: "ru" }],
		["/category 1031910 japanese", { language: "ja" }],
		["/category 1031910 русский", { language: "ru" }],
		["/category 1031910 lang:cn", { language: "zh" }],
		["/category 1031910 lang:rus", { language: "ru" }],
		["/category 1031910 page:3", { page: 3 }],
		["/category 1031910 p:3", { page: 3 }],
		["/category 1031910 p 3", { page: 3 }],
		["/category 1031910 size:10", { pageSize: 10 }],
		["/category 1031910 per_page:10", { pageSize: 10 }],
		["/category 1031910 per page:1", { pageSize: 1 }],
		["/category 1031910 v1", { api: "v1" }],
		[
			"/category 1031910 api:v1 super_factory dropshipping free_shipping page:2",
			{
				api: "v1",
				superFactory: true,
				dropshipping: true,
				freeShipping: true,
				page: 2,
			},
		],
		["/category 1031910 api:2", {}],
		// Repeats that agree are fine; trailing punctuation is dropped.
		["/category 1031910 sort:sales sort:sold", { sort: "sales" }],
		["/category 1031910, sort:sales.", { sort: "sales" }],
	])("%j", (text, expected) => {
		expect(parseCategoryCommand(text)).toStrictEqual({ ok: true, query: { ...DEFAULTS, ...expected } });
	});
});

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

/** Words real commands are made of, to fuzz with near-valid input rather than only noise. */
const fragments = fc.constantFrom(
	"/category",
	"/category@MyBot",
	"1031910",
	"0",
	"cat:",
	"sort:sales",
	"sort:",
	"sort",
	"price:10-50",
	"price:",
	"-",
	"~",
	"10",
	"50.5",
	"min:",
	"max=",
	"free_shipping",
	"free",
	"shipping:no",
	"new",
	"arrivals",
	"lang:ru",
	"ru",
	"v1",
	"page:",
	"p",
	"size:11",
	"https://s.1688.com/x?categoryId=5",
	"https://example.com",
	":",
	"=",
	"１０",
	"ｓｏｒｔ：",
);

function expectWellFormed(text: string): void {
	const result = parseCategoryCommand(text);
	if (result.ok) {
		expect(toCategoryQuery(result.query)).toStrictEqual({ ok: true, query: result.query });
	} else {
		expect(result.problems.length).toBeGreaterThan(0);
		for (const problem of result.problems) expect(problem).toMatch(/\S/);
		expect(new Set(result.problems).size).toBe(result.problems.length);
	}
}

describe("parseCategoryCommand on fuzzed input", () => {
	it("never throws and answers with a valid query or at least one problem", () => {
		fc.assert(fc.property(fc.string(), expectWellFormed), { numRuns: 2000 });
		fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), expectWellFormed), {
			numRuns: 1000,
		});
		fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), expectWellFormed), {
			numRuns: 500,
		});
		fc.assert(
			fc.property(
				fc.array(fc.oneof(fragments, fc.string({ maxLength: 6 })), { maxLength: 30 }),
				fc.constantFrom(" ", "", "\u3000", "  "),
				(words, glue) => expectWellFormed(words.join(glue)),
			),
			{ numRuns: 3000 },
		);
	});

	it("stays fast on hostile input", () => {
		const hostile = [
			" ".repeat(MAX_COMMAND_LENGTH),
			":".repeat(MAX_COMMAND_LENGTH),
			" :".repeat(MAX_COMMAND_LENGTH / 2),
			"-".repeat(MAX_COMMAND_LENGTH),
			`/category ${"1".repeat(MAX_COMMAND_LENGTH - 10)}`,
			`/category 1 price:${"1".repeat(MAX_COMMAND_LENGTH - 20)}-`,
			`https://a.1688.com/?${"categoryId=1&".repeat(70)}`,
			`/category 1 ${"qwertyuiopasdfghjklzxcvbnm".repeat(30)}`,
			Array.from({ length: MAX_COMMAND_WORDS }, () => "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz").join(" "),
			"\uFDFA".repeat(55),
		];
		for (const text of hostile) {
			const started = performance.now();
			expectWellFormed(text);
			expect(performance.now() - started).toBeLessThan(50);
		}
	});
});
