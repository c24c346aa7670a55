import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cpuMsSync } from "../test-support/cpu.js";
import { LANGUAGES, SORT_ORDERS } from "../tmapi/params.js";
import { parseCommandText } from "./command.js";
import { formatInlineQuery, formatSearchCommand } from "./format.js";
import { MAX_COMMAND_LENGTH } from "./parse.js";
import { CHAT_PAGE_SIZE_DEFAULT, CHAT_PAGE_SIZE_MAX, lastServablePage, PRICE_MAX } from "./schema.js";
import { parseSearchCommand, SEARCH_MAX_WORDS } from "./searchParse.js";
import { KEYWORD_MAX_LENGTH, SEARCH_APIS, type SearchQuery, toSearchQuery } from "./searchSchema.js";

/**
 * Words of keywords as people type them: ASCII product words with the punctuation the schema allows,
 * Chinese (also outside the BMP), Cyrillic, words that are option names elsewhere, and characters NFKC
 * or lower-casing change (full-width, ligatures, roman numerals, title-case digraphs, combining marks).
 */
const keywordWord: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9'&+.#%/-]{1,12}$/) },
	{
		weight: 2,
		arbitrary: fc.string({
			unit: fc.constantFrom(..."连衣裙夏季女装金骏眉茶克手机壳𠀀"),
			minLength: 1,
			maxLength: 8,
		}),
	},
	{
		weight: 1,
		arbitrary: fc.string({
			unit: fc.constantFrom(..."абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
			minLength: 1,
			maxLength: 8,
		}),
	},
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			...["new", "sort", "cheap", "ru", "v1", "2", "page", "p", "free", "shipping", "dropship", "factory"],
			...[
				"www",
				"com",
				"1688",
				"http",
				"Été",
				"STRASSE",
				"ｄｒｅｓｓ",
				"ワンピース",
				"İstanbul",
				"ǅ",
				"ﬁ",
				"Ⅷ",
			],
			...["e\u0301", "no.", "...", "-", "'", "%", "#1", "/", "x.y", "１０"],
		),
	},
);

/** A few words, or many short ones: a keyword of 60 characters can be 30 words, more than /category takes. */
const keyword: fc.Arbitrary<string> = fc
	.tuple(
		fc.oneof(
			{ weight: 4, arbitrary: fc.array(keywordWord, { minLength: 1, maxLength: 8 }) },
			{
				weight: 1,
				arbitrary: fc.array(fc.constantFrom("a", "7", "裙", "-", "x.", "é"), {
					minLength: 20,
					maxLength: 30,
				}),
			},
		),
		fc.constantFrom(" ", "  ", "\u3000", "\t"),
	)
	.map(([words, glue]) => words.join(glue));

const cents = fc.integer({ min: 0, max: PRICE_MAX * 100 });

/** Search inputs as an adapter hands them over: optional fields absent, raw keyword, then the schema. */
const searchInput = fc.record(
	{
		keyword,
		pageSize: fc.integer({ min: 1, max: CHAT_PAGE_SIZE_MAX }),
		pageFraction: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1)),
		sort: fc.constantFrom(...SORT_ORDERS),
		priceMin: cents,
		priceMax: cents,
		newArrival: fc.boolean(),
		dropshipping: fc.boolean(),
		freeShipping: fc.boolean(),
		superFactory: fc.boolean(),
		language: fc.constantFrom(...LANGUAGES),
		api: fc.constantFrom(...SEARCH_APIS),
	},
	{ requiredKeys: ["keyword", "pageSize", "pageFraction"] },
);

/**
 * Every valid search: inputs the schema accepts, as it returns them. Refused inputs (a keyword too long or
 * holding an option's word, native with another language) are filtered out; they are a few in ten.
 */
const validSearch: fc.Arbitrary<SearchQuery> = searchInput
	.map(({ pageFraction, pageSize, priceMin, priceMax, ...rest }) => {
		const page = Math.max(1, Math.ceil(pageFraction * lastServablePage(pageSize)));
		const [low, high] =
			priceMin !== undefined && priceMax !== undefined && priceMin > priceMax
				? [priceMax, priceMin]
				: [priceMin, priceMax];
		return toSearchQuery({
			...rest,
			page,
			pageSize,
			...(low === undefined ? {} : { priceMin: low / 100 }),
			...(high === undefined ? {} : { priceMax: high / 100 }),
		});
	})
	.filter((result) => result.ok)
	.map((result) => (result.ok ? result.query : (undefined as never)));

/** Words of /search commands as people and attackers type them: options, edge numbers and noise. */
const commandWord: fc.Arbitrary<string> = fc.oneof(
	keywordWord,
	fc.constantFrom(
		...[
			"/search",
			"/search@Bot",
			"search",
			"／search",
			"sort:sales",
			"srot:sales",
			"free_shipping",
			"lang:ru",
		],
		...["api:native", "api:global", "api:v1", "cat:1031910", "https://1688.com/?categoryId=1", "price:", '"'],
	),
	fc
		.tuple(
			fc.constantFrom("page:", "size:", "min:", "max:", "price:", "sort:", "lang:", "a:", "1:"),
			fc.oneof(fc.integer().map(String), fc.double().map(String), fc.string({ maxLength: 8 })),
		)
		.map(([key, value]) => `${key}${value}`),
	fc.string({ maxLength: 12 }),
);

const commandText: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.array(commandWord, { maxLength: 70 }).map((words) => words.join(" ")) },
	{ weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 1_200 }) },
	{ weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
);

/** What any answer must be: a search within every bound the schema sets, or problems worth showing. */
function expectBounded(text: string): void {
	const result = parseSearchCommand(text);
	if (!result.ok) {
		expect(result.problems.length).toBeGreaterThan(0);
		for (const problem of result.problems) expect(problem).toMatch(/\S/);
		expect(new Set(result.problems).size).toBe(result.problems.length);
		return;
	}
	const { query } = result;
	expect(Array.from(query.keyword).length).toBeLessThanOrEqual(KEYWORD_MAX_LENGTH);
	expect(query.keyword.length).toBeGreaterThan(0);
	expect(query.pageSize).toBeGreaterThanOrEqual(1);
	expect(query.pageSize).toBeLessThanOrEqual(CHAT_PAGE_SIZE_MAX);
	expect(query.page).toBeGreaterThanOrEqual(1);
	expect(query.page).toBeLessThanOrEqual(lastServablePage(query.pageSize));
	for (const price of [query.priceMin, query.priceMax]) {
		if (price !== undefined) expect(price >= 0 && price <= PRICE_MAX).toBe(true);
	}
	// What the grammar answers is already in the schema's canonical form.
	expect(toSearchQuery(query)).toStrictEqual({ ok: true, query });
}

describe("parseSearchCommand on generated searches", () => {
	it("reads every valid search's canonical command back as the same search", () => {
		fc.assert(
			fc.property(validSearch, (query) => {
				expect(parseSearchCommand(formatSearchCommand(query))).toStrictEqual({ ok: true, query });
			}),
			{ numRuns: 3000 },
		);
	}, 120_000);

	it("reads every valid search's inline text back as its first page", () => {
		fc.assert(
			fc.property(validSearch, (query) => {
				const first = { ...query, page: 1, pageSize: CHAT_PAGE_SIZE_DEFAULT };
				expect(parseCommandText(formatInlineQuery(query))).toStrictEqual({ ok: true, query: first });
			}),
			{ numRuns: 1000 },
		);
	}, 120_000);

	it("answers any text within 50 ms of CPU, with bounded numbers and keyword", () => {
		fc.assert(
			fc.property(commandText, (text) => {
				// CPU time, least of three runs: wall time would also measure how busy the machine is.
				expect(cpuMsSync(() => expectBounded(text))).toBeLessThan(50);
			}),
			{ numRuns: 1500 },
		);
	}, 120_000);

	it("stays fast on hostile input", () => {
		const hostile = [
			`/search ${"a".repeat(MAX_COMMAND_LENGTH - 8)}`,
			`/search${" a".repeat(SEARCH_MAX_WORDS)}`,
			`/search${" a".repeat((MAX_COMMAND_LENGTH - 8) / 2)}`,
			`/search${" abcdefghijklmnopqrstuvwxyzabcdef:1".repeat(SEARCH_MAX_WORDS / 2)}`,
			`/search${" srot:slaes".repeat(SEARCH_MAX_WORDS)}`.slice(0, MAX_COMMAND_LENGTH),
			`/search${" 裙".repeat(SEARCH_MAX_WORDS)}`,
			`/search dress price:${"1".repeat(MAX_COMMAND_LENGTH - 30)}-`,
			`/search ${":".repeat(MAX_COMMAND_LENGTH - 8)}`,
			`/search ${'"'.repeat(MAX_COMMAND_LENGTH - 8)}`,
			`/search ${"\u0301".repeat(MAX_COMMAND_LENGTH - 8)}`,
			"\uFDFA".repeat(55),
		];
		for (const text of hostile) expect(cpuMsSync(() => expectBounded(text))).toBeLessThan(50);
	});
});
