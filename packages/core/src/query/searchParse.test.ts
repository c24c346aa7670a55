import { describe, expect, it } from "vitest";
import { SEARCH_DEFAULTS as SEARCH } from "../test-support/arbitraries.js";
import { formatSearchCommand } from "./format.js";
import { MAX_COMMAND_LENGTH } from "./parse.js";
import { parseSearchCommand, SEARCH_MAX_WORDS } from "./searchParse.js";
import { KEYWORD_MAX_LENGTH, type SearchQuery, toSearchQuery } from "./searchSchema.js";

const EMPTY = "Tell me what to search for, e.g. /search summer dress";
const LONG = `the keyword must be at most ${KEYWORD_MAX_LENGTH} characters`;
const CHARS = "the keyword may hold letters, digits, spaces and - ' & + . # % / only";

function parsed(text: string): SearchQuery {
	const result = parseSearchCommand(text);
	if (!result.ok) throw new Error(`refused: ${result.problems.join("; ")}`);
	return result.query;
}

function problems(text: string): string[] {
	const result = parseSearchCommand(text);
	if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.query)}`);
	return result.problems;
}

describe("parseSearchCommand reads", () => {
	it("a keyword with every kind of option", () => {
		expect(parsed("/search summer dress sort:sales price:10-50 free_shipping lang:ru")).toStrictEqual({
			...SEARCH,
			sort: "sales",
			priceMin: 10,
			priceMax: 50,
			freeShipping: true,
			language: "ru",
		});
	});

	it("the command addressed to the bot, and no command at all", () => {
		expect(parsed("/search@Catbot_Test_Bot summer dress")).toStrictEqual(SEARCH);
		expect(parsed("summer dress")).toStrictEqual(SEARCH);
		expect(parsed("  summer   dress  ")).toStrictEqual(SEARCH);
	});

	it("a keyword without the quotes people put around it", () => {
		for (const text of ['/search "summer dress"', "/search “summer dress”", "/search «summer dress»"]) {
			expect(parsed(text)).toStrictEqual(SEARCH);
		}
	});

	it("the keyword in lower case with single spaces, so two spellings are one search", () => {
		expect(parsed("/search Summer \t DRESS")).toStrictEqual(SEARCH);
	});

	it("every word that is not an option as the keyword, in order, even option aliases", () => {
		expect(parsed("/search new balance shoes").keyword).toBe("new balance shoes");
		expect(parsed("/search new balance shoes").newArrival).toBe(false);
		// In /category these are options; in a search they are what people look for.
		expect(parsed("/search cheap sort order").keyword).toBe("cheap sort order");
		expect(parsed("/search dress free shipping")).toStrictEqual({
			...SEARCH,
			keyword: "dress free shipping",
		});
		expect(parsed("/search dress ru v1 2").keyword).toBe("dress ru v1 2");
		// Options may come before, between or after keyword words.
		expect(parsed("/search sort:sales summer free_shipping dress")).toStrictEqual({
			...SEARCH,
			sort: "sales",
			freeShipping: true,
		});
	});

	it("the four flags by their full names, and paging", () => {
		expect(parsed("/search dress new_arrival dropshipping super_factory free-shipping")).toStrictEqual({
			...SEARCH,
			keyword: "dress",
			newArrival: true,
			dropshipping: true,
			superFactory: true,
			freeShipping: true,
		});
		expect(parsed("/search dress page:3 size:10")).toStrictEqual({
			...SEARCH,
			keyword: "dress",
			page: 3,
			pageSize: 10,
		});
	});

	it("keywords with the punctuation product names use", () => {
		for (const keyword of ["t-shirt", "100% cotton", "h&m", "c++ book", "no.5 perfume", "1/2 inch", "#1"]) {
			expect(parsed(`/search ${keyword}`).keyword).toBe(keyword);
		}
		expect(parsed("/search 金骏眉茶 500克").keyword).toBe("金骏眉茶 500克");
	});

	it("full-width input, as Chinese and Japanese keyboards type it", () => {
		expect(
			parsed("／search　ｓｕｍｍｅｒ　ｄｒｅｓｓ　ｓｏｒｔ：ｓａｌｅｓ　ｐｒｉｃｅ：１０－５０"),
		).toStrictEqual({
			...SEARCH,
			sort: "sales",
			priceMin: 10,
			priceMax: 50,
		});
		expect(parsed("/search 连衣裙　ｌａｎｇ：ｒｕ")).toStrictEqual({
			...SEARCH,
			keyword: "连衣裙",
			language: "ru",
		});
	});
});

describe("parseSearchCommand chooses the endpoint", () => {
	it("1688's own index for a Chinese keyword in English, the global one otherwise", () => {
		expect(parsed("/search 连衣裙").api).toBe("native");
		expect(parsed("/search 夏季 dress").api).toBe("native");
		expect(parsed("/search summer dress").api).toBe("global");
		// Japanese kana are not Han; a Japanese keyword goes to the global index.
		expect(parsed("/search ワンピース").api).toBe("global");
		// Titles in Russian come only from the global index, whatever the keyword's script.
		expect(parsed("/search 连衣裙 lang:ru").api).toBe("global");
	});

	it("what the user says, and refuses native with another language", () => {
		expect(parsed("/search summer dress api:native").api).toBe("native");
		expect(parsed("/search 连衣裙 api:global").api).toBe("global");
		expect(parsed("/search 连衣裙 api:intl").api).toBe("global");
		expect(problems("/search 连衣裙 api:native lang:ru")).toStrictEqual([
			"lang needs api:global (1688's own search answers in Chinese)",
		]);
		expect(problems("/search dress api:v1")).toStrictEqual([
			"api must be native or global for a search, not 'v1'",
		]);
	});
});

describe("parseSearchCommand refuses", () => {
	it("typos in option names and values, with a did-you-mean", () => {
		expect(problems("/search summer dress srot:sales")).toStrictEqual([
			"Unknown option 'srot'. Did you mean 'sort'?",
		]);
		expect(problems("/search dress sort:slaes")).toStrictEqual([
			"Unknown sort 'slaes'. Did you mean 'sales'?",
		]);
		expect(problems("/search dress lang:russain")).toStrictEqual([
			"Unknown language 'russain'. Did you mean 'russian'?",
		]);
		expect(problems("/searhc dress")).toStrictEqual(["Unknown command '/searhc'. Did you mean '/search'?"]);
		expect(problems("/category summer dress")[0]).toMatch(/^Unknown command '\/category'/);
	});

	it("a category, which belongs to /category", () => {
		expect(problems("/search dress cat:1031910")).toStrictEqual([
			"cat is not an option of /search; to browse a category use /category, e.g. /category 1031910",
		]);
	});

	it("a link, which belongs to /category", () => {
		const link = "Links work with /category; /search takes words, e.g. /search summer dress";
		expect(problems("/search dress https://detail.1688.com/offer/1.html")).toStrictEqual([link]);
		expect(problems("/search dress www.1688.com")).toStrictEqual([link]);
		expect(problems("/search https://s.1688.com/x?categoryId=5")).toStrictEqual([link, EMPTY]);
	});

	it("an empty keyword, with an example", () => {
		for (const text of ["/search", "/search   ", "", "/search sort:sales free_shipping", '/search ""']) {
			expect(problems(text)).toStrictEqual([EMPTY]);
		}
	});

	it(`a keyword over ${KEYWORD_MAX_LENGTH} characters, counting characters rather than UTF-16 units`, () => {
		expect(parsed(`/search ${"a".repeat(KEYWORD_MAX_LENGTH)}`).keyword).toHaveLength(KEYWORD_MAX_LENGTH);
		expect(problems(`/search ${"a".repeat(KEYWORD_MAX_LENGTH + 1)}`)).toStrictEqual([LONG]);
		expect(parsed(`/search ${"裙".repeat(KEYWORD_MAX_LENGTH)}`).keyword).toBe(
			"裙".repeat(KEYWORD_MAX_LENGTH),
		);
		expect(problems(`/search ${"裙".repeat(KEYWORD_MAX_LENGTH + 1)}`)).toStrictEqual([LONG]);
		// Outside the BMP: two UTF-16 units each, one character.
		expect(parsed(`/search ${"𠀀".repeat(KEYWORD_MAX_LENGTH)}`).api).toBe("native");
		expect(problems(`/search ${"𠀀".repeat(KEYWORD_MAX_LENGTH + 1)}`)).toStrictEqual([LONG]);
		// The spaces count too: 30 words of one letter are 59 characters, 31 are 61.
		expect(parsed(`/search ${Array(30).fill("a").join(" ")}`).keyword).toHaveLength(59);
		expect(problems(`/search ${Array(31).fill("a").join(" ")}`)).toStrictEqual([LONG]);
	});

	it("characters a keyword may not hold", () => {
		expect(problems("/search dress<script>")).toStrictEqual([CHARS]);
		expect(problems("/search dress_red")).toStrictEqual([CHARS]);
		expect(problems("/search 😀 dress")).toStrictEqual([CHARS]);
		expect(problems("/search dress\\n")).toStrictEqual([CHARS]);
	});

	it("':' in a word: an option when the key is letters, else a character the keyword may not hold", () => {
		expect(problems("/search dress color:red")).toStrictEqual(["Unknown option 'color'"]);
		expect(problems("/search a=b")).toStrictEqual(["Unknown option 'a'", EMPTY]);
		expect(problems("/search 3:4 dress")).toStrictEqual([CHARS]);
		expect(problems("/search 12:30 clock")).toStrictEqual([CHARS]);
		expect(problems("/search 连衣裙:红")).toStrictEqual([CHARS]);
	});

	it("the category grammar's bounds on numbers and prices", () => {
		expect(problems("/search dress page:401")).toStrictEqual([
			"page must be from 1 to 400 at 5 cards a page (1688 lists at most 2000 products)",
		]);
		expect(problems("/search dress price:50-10")).toStrictEqual([
			"min price (50) must not be above max price (10)",
		]);
		expect(problems("/search dress size:11")).toStrictEqual(["size must be a whole number from 1 to 10"]);
		expect(problems("/search dress sort:sales sort:price_up")).toStrictEqual([
			"Conflicting options 'sort:sales' and 'sort:price_up'; keep one",
		]);
	});

	it("overlong text before reading it, and too many words", () => {
		expect(problems(`/search ${"a".repeat(MAX_COMMAND_LENGTH)}`)).toStrictEqual([
			`That command is too long; use at most ${MAX_COMMAND_LENGTH} characters`,
		]);
		expect(problems(`/search dress${" free_shipping".repeat(SEARCH_MAX_WORDS)}`)).toStrictEqual([
			`That is too many words for one search; use at most ${SEARCH_MAX_WORDS}`,
		]);
		// Not a string at all (a bad adapter): an answer, not a throw.
		expect(problems(undefined as unknown as string)).toStrictEqual([EMPTY]);
	});
});

describe("the canonical /search command reads back as the same search", () => {
	it("for the options the grammar has", () => {
		const searches: SearchQuery[] = [
			SEARCH,
			{ ...SEARCH, keyword: "连衣裙", api: "native", sort: "price_down", priceMax: 99.5, page: 3 },
			{ ...SEARCH, keyword: "连衣裙", api: "global" },
			{ ...SEARCH, keyword: "summer dress", api: "native", superFactory: true, pageSize: 10 },
			{ ...SEARCH, language: "ja", newArrival: true, dropshipping: true, priceMin: 0 },
		];
		for (const search of searches) expect(parsed(formatSearchCommand(search))).toStrictEqual(search);
	});

	// Keywords the schema used to take (from Discord's keyword option) that the grammar read otherwise, so
	// the command printed on their cards led teammates to another search. Now the schema reads them as the
	// grammar does, or refuses them as the grammar does.
	it("for keywords with trailing dots or many words, which the grammar reads as typed", () => {
		for (const [keyword, canonical] of [
			["dress.", "dress"],
			["No. 5 perfume...", "no 5 perfume"],
			[Array(30).fill("a").join(" "), Array(30).fill("a").join(" ")],
		] as const) {
			const checked = toSearchQuery({ keyword });
			expect(checked).toStrictEqual({ ok: true, query: { ...SEARCH, keyword: canonical } });
			if (checked.ok) expect(parseSearchCommand(formatSearchCommand(checked.query))).toStrictEqual(checked);
			expect(parseSearchCommand(keyword)).toStrictEqual(checked);
		}
	});

	it("refusing keywords holding a flag's other spellings or a link, as the grammar would misread them", () => {
		expect(parsed("/search dress freeshipping")).toStrictEqual({
			...SEARCH,
			keyword: "dress",
			freeShipping: true,
		});
		for (const keyword of [
			"dress freeshipping",
			"free-shipping dress",
			"new-arrival",
			"drop-shipping",
			"superfactory bag",
			"www.example",
			"1688.com",
			"shop.1688.com/page",
		]) {
			const checked = toSearchQuery({ keyword });
			expect(checked.ok, keyword).toBe(false);
		}
	});
});
