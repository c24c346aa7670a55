import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CategoryQuery } from "../query/schema.js";
import { CATEGORY_ID_MAX, lastServablePage, PRICE_MAX } from "../query/schema.js";
import { DEFAULTS, validQuery } from "../test-support/arbitraries.js";
import { decodePageToken, encodePageToken, PAGE_TOKEN_MAX_LENGTH } from "./pageToken.js";

const SECRET = "test-secret-do-not-use";

const LONGEST: CategoryQuery = {
	catId: CATEGORY_ID_MAX,
	page: lastServablePage(10),
	pageSize: 10,
	sort: "price_down",
	priceMin: PRICE_MAX,
	priceMax: PRICE_MAX,
	newArrival: true,
	dropshipping: true,
	freeShipping: true,
	superFactory: true,
	language: "ko",
	api: "v2",
};

// Same generator as in query/format.test.ts: every valid v2 query and every valid v1 query.
const BASE64URL_ALPHABET = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"];
const secret = fc.string({ minLength: 1, maxLength: 40 });

/** Sign hand-made payload bytes the way the encoder does, to test what the decoder does with them. */
function signedToken(payload: number[], key = SECRET): string {
	const bytes = Buffer.from(payload);
	const mac = createHmac("sha256", key).update(bytes).digest().subarray(0, 8);
	return Buffer.concat([bytes, mac]).toString("base64url");
}

function expectRefused(token: string, key = SECRET): void {
	const result = decodePageToken(token, key);
	expect(result.ok).toBe(false);
}

describe("encodePageToken / decodePageToken", () => {
	it("round-trips a typical query", () => {
		const query: CategoryQuery = { ...DEFAULTS, sort: "sales", priceMin: 10, priceMax: 50.5, page: 3 };
		const token = encodePageToken(query, SECRET);
		expect(decodePageToken(token, SECRET)).toStrictEqual({ ok: true, query });
	});

	it("lays out the payload as documented", () => {
		const query: CategoryQuery = {
			...DEFAULTS,
			catId: 1031910,
			page: 3,
			sort: "sales",
			priceMin: 10,
			freeShipping: true,
			language: "ru",
		};
		const bytes = Buffer.from(encodePageToken(query, SECRET), "base64url");
		expect([...bytes.subarray(0, -8)]).toStrictEqual([
			1, // version
			0b0001_0100, // flags: free shipping (bit 2), price min present (bit 4)
			0b0000_1001, // enums: sort sales (1), language ru (2 << 2), api v2 (0 << 5)
			0xe6, // catId 1031910 as LEB128, low 7 bits first: 0x66 | 0x80
			0xfd, // 0x7d | 0x80
			0x3e, // 0x66 + 0x7d * 128 + 0x3e * 16384 = 1031910
			3, // page
			5, // pageSize
			0xe8, // priceMin 1000 cents: 0x68 | 0x80
			0x07,
		]);
		expect(bytes.length).toBe(10 + 8);
	});

	it("is deterministic, so equal buttons carry equal tokens", () => {
		expect(encodePageToken(DEFAULTS, SECRET)).toBe(encodePageToken({ ...DEFAULTS }, SECRET));
	});

	it("fits PAGE_TOKEN_MAX_LENGTH exactly for the longest query", () => {
		const token = encodePageToken(LONGEST, SECRET);
		expect(token).toHaveLength(PAGE_TOKEN_MAX_LENGTH);
		expect(decodePageToken(token, SECRET)).toStrictEqual({ ok: true, query: LONGEST });
	});

	it("round-trips every valid query within the length bound, as plain ASCII", () => {
		fc.assert(
			fc.property(validQuery, secret, (query, key) => {
				const token = encodePageToken(query, key);
				expect(token.length).toBeLessThanOrEqual(PAGE_TOKEN_MAX_LENGTH);
				expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
				expect(decodePageToken(token, key)).toStrictEqual({ ok: true, query });
			}),
			{ numRuns: 2000 },
		);
	});

	it("leaves room for an action prefix in Telegram callback_data and Discord custom_id", () => {
		const token = encodePageToken(LONGEST, SECRET);
		expect(Buffer.byteLength(`next:${token}`, "utf8")).toBeLessThanOrEqual(64);
		expect(`next:${token}`.length).toBeLessThanOrEqual(100);
	});
});

describe("encodePageToken refuses", () => {
	it("an empty secret", () => {
		expect(() => encodePageToken(DEFAULTS, "")).toThrow(TypeError);
	});

	it("an invalid query, without showing the secret", () => {
		const key = "hunter2-very-secret";
		const invalid = { ...DEFAULTS, page: 0 };
		expect(() => encodePageToken(invalid, key)).toThrow(
			new TypeError("encodePageToken got an invalid query: page must be a whole number of at least 1"),
		);
		try {
			encodePageToken(invalid, key);
		} catch (error) {
			expect(String(error)).not.toContain(key);
		}
	});
});

describe("decodePageToken refuses", () => {
	const token = encodePageToken({ ...DEFAULTS, sort: "sales", priceMin: 10, priceMax: 50 }, SECRET);

	it.each<[string, string, string]>([
		["empty token", "", "malformed"],
		["padding", `${token}=`, "malformed"],
		["standard base64 characters", token.replace(/.$/, "+"), "malformed"],
		["whitespace", ` ${token}`, "malformed"],
		["non-ASCII", `${token.slice(0, -1)}é`, "malformed"],
		["an over-long token", "A".repeat(PAGE_TOKEN_MAX_LENGTH + 1), "malformed"],
		["too few bytes", "AAAAAAAAAAAA", "malformed"],
		["an impossible length", "AAAAAAAAAAAAAAAAAAAAA", "malformed"],
		["another secret", token, "bad-signature"],
	])("%s", (_, candidate, reason) => {
		const key = reason === "bad-signature" ? "another-secret" : SECRET;
		expect(decodePageToken(candidate, key)).toStrictEqual({ ok: false, reason });
	});

	it("any token when the secret is empty", () => {
		expect(decodePageToken(token, "")).toStrictEqual({ ok: false, reason: "bad-signature" });
	});

	it("non-canonical base64url whose stray bits the decoder would ignore", () => {
		// 14 bytes take 19 characters; the last one carries 2 spare bits that Buffer ignores.
		const short = encodePageToken({ ...DEFAULTS, catId: 1, page: 1 }, SECRET);
		expect(short.length % 4).not.toBe(0);
		const last = BASE64URL_ALPHABET.indexOf(short.at(-1) ?? "");
		const tweaked = `${short.slice(0, -1)}${BASE64URL_ALPHABET[last ^ 1]}`;
		expect(Buffer.from(tweaked, "base64url")).toStrictEqual(Buffer.from(short, "base64url"));
		expect(decodePageToken(tweaked, SECRET)).toStrictEqual({ ok: false, reason: "malformed" });
	});

	it.each<[string, number[], string]>([
		["a signed invalid query (page 0)", [1, 0, 0, 1, 0, 5], "invalid"],
		["a signed invalid query (size 11)", [1, 0, 0, 1, 1, 11], "invalid"],
		["a signed invalid query (min above max)", [1, 0b11_0000, 0, 1, 1, 5, 50, 10], "invalid"],
		["a signed invalid query (v1 with sort)", [1, 0, 0b10_0001, 1, 1, 5], "invalid"],
		[
			"a signed invalid query (price over the cap)",
			[1, 0b1_0000, 0, 1, 1, 5, 0x81, 0xc2, 0xd7, 0x2f],
			"invalid",
		],
		["an unknown version", [2, 0, 0, 1, 1, 5], "malformed"],
		["reserved flag bits", [1, 0b0100_0000, 0, 1, 1, 5], "malformed"],
		["reserved enum bits", [1, 0, 0b0100_0000, 1, 1, 5], "malformed"],
		["an unknown language", [1, 0, 0b0001_1000, 1, 1, 5], "malformed"],
		["trailing bytes", [1, 0, 0, 1, 1, 5, 0], "malformed"],
		["a missing price", [1, 0b1_0000, 0, 1, 1, 5], "malformed"],
		["an unterminated varint", [1, 0, 0, 0x81, 0x81, 0x81], "malformed"],
		["an overlong varint", [1, 0, 0, 0x81, 0x00, 1, 5], "malformed"],
		["a varint past 2^53", [1, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 5], "malformed"],
		["a 7-byte varint", [1, 0, 0, 1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 1, 5], "malformed"],
		// Page 9007199254740984 (2^53 - 8) in 8 bytes: refused as a varint longer than any valid number.
		["page 2^53 - 8", [1, 0, 0, 1, 0xf8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 5], "malformed"],
		["a signed page past what upstream serves (page 401)", [1, 0, 0, 1, 0x91, 0x03, 5], "invalid"],
		["a signed category id above the bound", [1, 0, 0, 0x80, 0xd0, 0xdb, 0xc3, 0xf4, 0x02, 1, 5], "invalid"],
	])("%s", (_, payload, reason) => {
		expect(decodePageToken(signedToken(payload), SECRET)).toStrictEqual({ ok: false, reason });
	});

	it("a hand-signed valid payload decodes, so the cases above test the decoder and not the signing", () => {
		expect(decodePageToken(signedToken([1, 0, 0, 1, 1, 5]), SECRET)).toStrictEqual({
			ok: true,
			query: { ...DEFAULTS, catId: 1 },
		});
	});

	it("every single bit flip", () => {
		fc.assert(
			fc.property(validQuery, fc.nat(), (query, position) => {
				const bytes = Buffer.from(encodePageToken(query, SECRET), "base64url");
				const bit = position % (bytes.length * 8);
				bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) ^ (1 << (bit & 7));
				expectRefused(bytes.toString("base64url"));
			}),
			{ numRuns: 2000 },
		);
	});

	it("every truncation", () => {
		fc.assert(
			fc.property(validQuery, (query) => {
				const full = encodePageToken(query, SECRET);
				for (let length = 0; length < full.length; length++) expectRefused(full.slice(0, length));
			}),
			{ numRuns: 300 },
		);
	});

	it("any appended character", () => {
		fc.assert(
			fc.property(validQuery, fc.string({ minLength: 1, maxLength: 1, unit: "binary" }), (query, extra) => {
				expectRefused(`${encodePageToken(query, SECRET)}${extra}`);
			}),
			{ numRuns: 1000 },
		);
		const token = encodePageToken(DEFAULTS, SECRET);
		for (const extra of BASE64URL_ALPHABET) expectRefused(`${token}${extra}`);
	});

	it("tokens signed with another secret", () => {
		fc.assert(
			fc.property(validQuery, secret, secret, (query, signer, verifier) => {
				fc.pre(signer !== verifier);
				expect(decodePageToken(encodePageToken(query, signer), verifier)).toStrictEqual({
					ok: false,
					reason: "bad-signature",
				});
			}),
		);
	});

	it("random strings and random base64url, without throwing", () => {
		const base64url = fc.string({ unit: fc.constantFrom(...BASE64URL_ALPHABET), maxLength: 60 });
		const bytes = fc.uint8Array({ maxLength: 40 }).map((array) => Buffer.from(array).toString("base64url"));
		for (const arbitrary of [fc.string(), fc.string({ unit: "binary" }), base64url, bytes]) {
			fc.assert(
				fc.property(arbitrary, (token) => expectRefused(token)),
				{ numRuns: 1000 },
			);
		}
	});
});
