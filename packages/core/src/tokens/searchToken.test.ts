import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastServablePage, PRICE_MAX } from "../query/schema.js";
import { KEYWORD_MAX_LENGTH, type SearchQuery } from "../query/searchSchema.js";
import { SEARCH_DEFAULTS as SEARCH } from "../test-support/arbitraries.js";
import { LANGUAGES, SORT_ORDERS } from "../tmapi/params.js";
import { decodePageToken, encodePageToken, PAGE_TOKEN_MAX_LENGTH, searchIdFor } from "./pageToken.js";

const SECRET = "search-token-test-secret";

/** The longest search a token carries: 60 Chinese characters, both prices at the cap, page 400, all flags. */
const LONGEST: SearchQuery = {
	keyword: "连".repeat(KEYWORD_MAX_LENGTH),
	page: lastServablePage(5),
	pageSize: 5,
	sort: "price_down",
	priceMin: PRICE_MAX,
	priceMax: PRICE_MAX,
	newArrival: true,
	dropshipping: true,
	freeShipping: true,
	superFactory: true,
	language: "en",
	api: "native",
};

/** What decoding a search's token gives back: the search without its keyword, and the keyword's id. */
function decoded(query: SearchQuery, secret = SECRET) {
	const { keyword, ...rest } = query;
	return { ok: true, search: { ...rest, searchId: searchIdFor(keyword, secret) } };
}

function signedToken(payload: number[], key = SECRET): string {
	const bytes = Buffer.from(payload);
	const mac = createHmac("sha256", key).update(bytes).digest().subarray(0, 8);
	return Buffer.concat([bytes, mac]).toString("base64url");
}

const validSearch: fc.Arbitrary<SearchQuery> = fc
	.record({
		keyword: fc.oneof(
			fc.stringMatching(/^[a-z0-9]{1,19}( [a-z0-9]{1,19}){0,2}$/),
			fc.string({
				unit: fc.constantFrom(..."连衣裙夏季女装手机壳"),
				minLength: 1,
				maxLength: KEYWORD_MAX_LENGTH,
			}),
		),
		pageSize: fc.integer({ min: 1, max: 10 }),
		pageFraction: fc.double({ min: 0, max: 1, noNaN: true }),
		sort: fc.constantFrom(...SORT_ORDERS),
		prices: fc.tuple(
			fc.option(fc.integer({ min: 0, max: PRICE_MAX * 100 }), { nil: undefined }),
			fc.option(fc.integer({ min: 0, max: PRICE_MAX * 100 }), { nil: undefined }),
		),
		flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
		language: fc.constantFrom(...LANGUAGES),
		native: fc.boolean(),
	})
	.map(({ keyword, pageSize, pageFraction, prices, flags, language, native, sort }): SearchQuery => {
		const [a, b] = prices;
		const [low, high] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
		return {
			keyword,
			page: Math.max(1, Math.ceil(pageFraction * lastServablePage(pageSize))),
			pageSize,
			sort,
			...(low === undefined ? {} : { priceMin: low / 100 }),
			...(high === undefined ? {} : { priceMax: high / 100 }),
			newArrival: flags[0],
			dropshipping: flags[1],
			freeShipping: flags[2],
			superFactory: flags[3],
			// 1688's own index answers in Chinese only.
			language: native ? "en" : language,
			api: native ? "native" : "global",
		};
	});

describe("search page tokens", () => {
	it("carry everything but the keyword, which comes back as its id", () => {
		const query: SearchQuery = {
			...SEARCH,
			sort: "sales",
			priceMin: 10,
			priceMax: 50.5,
			page: 3,
			language: "ru",
		};
		expect(decodePageToken(encodePageToken(query, SECRET), SECRET)).toStrictEqual(decoded(query));
	});

	it("fit PAGE_TOKEN_MAX_LENGTH exactly for the longest search, on either endpoint", () => {
		for (const query of [LONGEST, { ...LONGEST, api: "global" as const, language: "ko" as const }]) {
			const token = encodePageToken(query, SECRET);
			expect(token).toHaveLength(PAGE_TOKEN_MAX_LENGTH);
			expect(decodePageToken(token, SECRET)).toStrictEqual(decoded(query));
		}
	});

	it("leave room for an action in Telegram's 64 bytes of callback_data and Discord's 100 of custom_id", () => {
		const token = encodePageToken(LONGEST, SECRET);
		// The longest action the Telegram adapter puts before a token: save card 2000 ("v2000|").
		expect(Buffer.byteLength(`v2000|${token}`, "utf8")).toBeLessThanOrEqual(64);
		expect(`search:v2000|${token}`.length).toBeLessThanOrEqual(100);
		// 180 UTF-8 bytes of keyword would not fit in a button at all.
		expect(Buffer.byteLength(LONGEST.keyword, "utf8")).toBeGreaterThan(64);
	});

	it("do not contain the keyword, in the text or the bytes", () => {
		for (const keyword of ["summerdress", "dress", "连衣裙", "金骏眉茶 500克"]) {
			const token = encodePageToken({ ...SEARCH, keyword }, SECRET);
			expect(token).not.toContain(keyword);
			expect(Buffer.from(token, "base64url").includes(Buffer.from(keyword, "utf8"))).toBe(false);
			expect(JSON.stringify(decodePageToken(token, SECRET))).not.toContain(keyword);
		}
	});

	it("give one keyword one id, whatever the page, sort, spelling or endpoint", () => {
		const id = searchIdFor("summer dress", SECRET);
		expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
		const variants: SearchQuery[] = [
			SEARCH,
			{ ...SEARCH, page: 7 },
			{ ...SEARCH, sort: "price_up", freeShipping: true },
			{ ...SEARCH, language: "ru" },
			{ ...SEARCH, api: "native" },
			// Not canonical as given; the schema makes it so before the id is taken.
			{ ...SEARCH, keyword: "  Summer   DRESS " },
			{ ...SEARCH, keyword: "ｓｕｍｍｅｒ ｄｒｅｓｓ" },
		];
		for (const query of variants) {
			const result = decodePageToken(encodePageToken(query, SECRET), SECRET);
			expect(result.ok && "search" in result ? result.search.searchId : undefined).toBe(id);
		}
	});

	it("give other keywords and other secrets other ids", () => {
		const ids = new Set(
			["summer dress", "summer dresses", "dress summer", "连衣裙", "連衣裙"].map((k) =>
				searchIdFor(k, SECRET),
			),
		);
		expect(ids.size).toBe(5);
		expect(searchIdFor("summer dress", "another-secret")).not.toBe(searchIdFor("summer dress", SECRET));
	});

	it("round-trip every valid search within the length bound", () => {
		fc.assert(
			fc.property(validSearch, (query) => {
				const token = encodePageToken(query, SECRET);
				expect(token.length).toBeLessThanOrEqual(PAGE_TOKEN_MAX_LENGTH);
				expect(decodePageToken(token, SECRET)).toStrictEqual(decoded(query));
			}),
			{ numRuns: 1000 },
		);
	});
});

describe("search page tokens are refused", () => {
	const token = encodePageToken({ ...SEARCH, sort: "sales", priceMin: 10, priceMax: 50 }, SECRET);

	it("when signed with another secret", () => {
		expect(decodePageToken(token, "another-secret")).toStrictEqual({ ok: false, reason: "bad-signature" });
		expect(decodePageToken(encodePageToken(LONGEST, "another-secret"), SECRET)).toStrictEqual({
			ok: false,
			reason: "bad-signature",
		});
	});

	it("after any single-byte change, at every position and to every other value", () => {
		for (const original of [token, encodePageToken(LONGEST, SECRET)]) {
			const bytes = Buffer.from(original, "base64url");
			for (let position = 0; position < bytes.length; position++) {
				for (let value = 0; value < 256; value++) {
					if (value === bytes[position]) continue;
					const changed = Buffer.from(bytes);
					changed[position] = value;
					expect(decodePageToken(changed.toString("base64url"), SECRET).ok).toBe(false);
				}
			}
		}
	});

	it("after any single-character change, truncation or addition", () => {
		const alphabet = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"];
		for (let position = 0; position < token.length; position++) {
			for (const char of alphabet) {
				if (char === token[position]) continue;
				const changed = `${token.slice(0, position)}${char}${token.slice(position + 1)}`;
				expect(decodePageToken(changed, SECRET).ok).toBe(false);
			}
			expect(decodePageToken(token.slice(0, position), SECRET).ok).toBe(false);
		}
		for (const char of alphabet) expect(decodePageToken(`${token}${char}`, SECRET).ok).toBe(false);
	});

	it.each<[string, number[], string]>([
		// version 2, flags, enums (sort 0, language en, api native 0 / global 1 << 5), 6-byte id, page, size.
		["a short id", [2, 0, 0, 1, 2, 3, 4, 5, 1, 5], "malformed"],
		["trailing bytes", [2, 0, 0, 1, 2, 3, 4, 5, 6, 1, 5, 0], "malformed"],
		["a missing price", [2, 0b1_0000, 0, 1, 2, 3, 4, 5, 6, 1, 5], "malformed"],
		["page 0", [2, 0, 0, 1, 2, 3, 4, 5, 6, 0, 5], "invalid"],
		["page 401 at 5 a page", [2, 0, 0, 1, 2, 3, 4, 5, 6, 0x91, 0x03, 5], "invalid"],
		["size 11", [2, 0, 0, 1, 2, 3, 4, 5, 6, 1, 11], "invalid"],
		["native search in Russian", [2, 0, 0b0000_1000, 1, 2, 3, 4, 5, 6, 1, 5], "invalid"],
		["min price above max", [2, 0b11_0000, 0, 1, 2, 3, 4, 5, 6, 1, 5, 50, 10], "invalid"],
	])("with a signed payload holding %s", (_, payload, reason) => {
		expect(decodePageToken(signedToken(payload), SECRET)).toStrictEqual({ ok: false, reason });
	});

	it("and a hand-signed valid payload decodes, so the cases above test the decoder", () => {
		const id = Buffer.from([1, 2, 3, 4, 5, 6]).toString("base64url");
		const { keyword: _keyword, ...rest } = SEARCH;
		expect(decodePageToken(signedToken([2, 0, 0b10_0000, 1, 2, 3, 4, 5, 6, 1, 5]), SECRET)).toStrictEqual({
			ok: true,
			search: { ...rest, api: "global", searchId: id },
		});
	});
});
