import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slicesFor } from "../catalog/slice.js";
import { commandText, optionObject } from "../test-support/arbitraries.js";
import { cpuMsSync } from "../test-support/cpu.js";
import { decodePageToken, encodePageToken, PAGE_TOKEN_MAX_LENGTH } from "../tokens/pageToken.js";
import { parseExportCommand } from "./export.js";
import { parseCategoryCommand } from "./parse.js";
import {
	CATEGORY_ID_MAX,
	CHAT_PAGE_SIZE_MAX,
	lastServablePage,
	MAX_RESULT_ITEMS,
	PRICE_MAX,
	toCategoryQuery,
} from "./schema.js";
import { type CatalogQuery, KEYWORD_MAX_LENGTH } from "./searchSchema.js";

const SECRET = "bounds-test-secret";

/** Signs payload bytes the way the encoder does. */
function signedToken(payload: number[]): string {
	const bytes = Buffer.from(payload);
	const mac = createHmac("sha256", SECRET).update(bytes).digest().subarray(0, 8);
	return Buffer.concat([bytes, mac]).toString("base64url");
}
const CPU_BUDGET_MS = 50;

/** What every accepted query must satisfy, whichever door it came through. */
function expectBounded(query: CatalogQuery): void {
	if ("catId" in query) {
		expect(Number.isSafeInteger(query.catId) && query.catId >= 1 && query.catId <= CATEGORY_ID_MAX).toBe(
			true,
		);
	} else expect(Array.from(query.keyword).length <= KEYWORD_MAX_LENGTH).toBe(true);
	expect(query.pageSize >= 1 && query.pageSize <= CHAT_PAGE_SIZE_MAX).toBe(true);
	expect(query.page >= 1 && query.page <= lastServablePage(query.pageSize)).toBe(true);
	expect((query.page - 1) * query.pageSize).toBeLessThan(MAX_RESULT_ITEMS);
	for (const price of [query.priceMin, query.priceMax]) {
		if (price !== undefined) expect(price >= 0 && price <= PRICE_MAX).toBe(true);
	}
	// The slicing loop this query reaches runs at most twice at the catalog's upstream sizes.
	for (const upstreamSize of [10, 20, 50]) {
		expect(slicesFor(query.page, query.pageSize, upstreamSize).length).toBeLessThanOrEqual(2);
	}
	const token = encodePageToken(query, SECRET);
	expect(token.length).toBeLessThanOrEqual(PAGE_TOKEN_MAX_LENGTH);
}

describe("every door of the grammar, on any input", () => {
	it("parseCategoryCommand answers within the CPU budget with a bounded query or problems", () => {
		fc.assert(
			fc.property(commandText, (text) => {
				let result: ReturnType<typeof parseCategoryCommand> | undefined;
				expect(cpuMsSync(() => (result = parseCategoryCommand(text)))).toBeLessThan(CPU_BUDGET_MS);
				if (result?.ok && "query" in result) expectBounded(result.query);
				else expect(result?.problems.length).toBeGreaterThan(0);
			}),
			{ numRuns: 1500 },
		);
	});

	it("parseExportCommand answers within the CPU budget, with a bounded page count", () => {
		fc.assert(
			fc.property(commandText, (text) => {
				let result: ReturnType<typeof parseExportCommand> | undefined;
				expect(cpuMsSync(() => (result = parseExportCommand(text)))).toBeLessThan(CPU_BUDGET_MS);
				if (result?.ok) {
					expectBounded(result.query);
					expect(result.pages >= 1 && result.pages <= 999).toBe(true);
				}
			}),
			{ numRuns: 1500 },
		);
	});

	it("toCategoryQuery takes any options object within the CPU budget", () => {
		fc.assert(
			fc.property(optionObject, (options) => {
				let result: ReturnType<typeof toCategoryQuery> | undefined;
				expect(cpuMsSync(() => (result = toCategoryQuery(options)))).toBeLessThan(CPU_BUDGET_MS);
				if (result?.ok && "query" in result) expectBounded(result.query);
			}),
			{ numRuns: 3000 },
		);
	});

	it("decodePageToken takes any string within the CPU budget, and accepts only bounded queries", () => {
		const strings = fc.oneof(fc.string({ maxLength: 100 }), fc.string({ unit: "binary", maxLength: 10_000 }));
		// Payloads signed with the right key, so what is tested is the decoder's reading, not the signature.
		const signed = fc
			.tuple(
				fc.constant(1),
				fc.nat({ max: 0b11_1111 }),
				fc.nat({ max: 0b11_1111 }),
				fc.uint8Array({ maxLength: 24 }),
			)
			.map(([version, flags, enums, rest]) => signedToken([version, flags, enums, ...rest]));
		fc.assert(
			fc.property(fc.oneof(strings, signed), (token) => {
				let result: ReturnType<typeof decodePageToken> | undefined;
				expect(cpuMsSync(() => (result = decodePageToken(token, SECRET)))).toBeLessThan(CPU_BUDGET_MS);
				if (result?.ok && "query" in result) expectBounded(result.query);
			}),
			{ numRuns: 3000 },
		);
	});
});
