import { createHmac, timingSafeEqual } from "node:crypto";
import { type CategoryQuery, toCategoryQuery } from "../query/schema.js";
import { type CatalogQuery, isSearchQuery, type SearchQuery, toSearchQuery } from "../query/searchSchema.js";
import {
	API_CODES,
	headerBytes,
	PayloadReader,
	readHeader,
	readTail,
	SEARCH_API_CODES,
	writeTail,
	writeVarint,
} from "./wire.js";

/**
 * Longest token {@link encodePageToken} produces, in characters (all base64url, so also bytes): 28 bytes
 * for the longest valid query (a category's 6-byte id or a search's 6-byte id, a 2-byte page, both
 * prices). Leaves 26 bytes of Telegram's 64-byte `callback_data` and 62 of Discord's 100-character
 * `custom_id` for an action prefix.
 */
export const PAGE_TOKEN_MAX_LENGTH = 38;

/** Why a token was refused; the reason is safe to log, and none of them echoes the secret. */
export type PageTokenFailure = "malformed" | "bad-signature" | "invalid";

/**
 * A search as its token carries it: everything but the keyword, which is stored under `searchId` (the
 * keyword does not fit in a button) and must be looked up before the search can run.
 */
export type SearchTokenQuery = Omit<SearchQuery, "keyword"> & { readonly searchId: string };

/** Result of {@link decodePageToken}: a whole category query, or a search waiting for its keyword. */
export type DecodePageTokenResult =
	| { ok: true; query: CategoryQuery }
	| { ok: true; search: SearchTokenQuery }
	| { ok: false; reason: PageTokenFailure };

const CATEGORY_VERSION = 1;
const SEARCH_VERSION = 2;
const MAC_BYTES = 8;
/** Bytes of a search id: 48 bits, keyed by the secret, so ids cannot be made to collide from outside. */
const SEARCH_ID_BYTES = 6;
// version + flags + enums + three one-byte varints (catId, page, pageSize).
const MIN_PAYLOAD_BYTES = 6;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The short id a search's keyword is stored under: derived from the canonical keyword and the secret, so
 * the same keyword always gets the same id in every process, and nobody without the secret can predict
 * one. 8 base64url characters.
 */
export function searchIdFor(keyword: string, secret: string): string {
	return createHmac("sha256", secret)
		.update(`search-id\0${keyword}`)
		.digest()
		.subarray(0, SEARCH_ID_BYTES)
		.toString("base64url");
}

function encodePayload(query: CatalogQuery, secret: string): Buffer {
	if (isSearchQuery(query)) {
		const bytes = [SEARCH_VERSION, ...headerBytes(query, SEARCH_API_CODES.indexOf(query.api))];
		bytes.push(...Buffer.from(searchIdFor(query.keyword, secret), "base64url"));
		writeTail(bytes, query);
		return Buffer.from(bytes);
	}
	const bytes = [CATEGORY_VERSION, ...headerBytes(query, API_CODES.indexOf(query.api))];
	writeVarint(bytes, query.catId);
	writeTail(bytes, query);
	return Buffer.from(bytes);
}

type RawQuery =
	| { kind: "category"; fields: Record<string, unknown> }
	| { kind: "search"; fields: Record<string, unknown>; searchId: string };

/** The raw, not yet validated query a payload describes, or undefined if the bytes do not fit the layout. */
function decodePayload(payload: Buffer): RawQuery | undefined {
	const reader = new PayloadReader(payload);
	const version = reader.byte();
	const flags = reader.byte();
	const enums = reader.byte();
	if (flags === undefined || enums === undefined) return undefined;
	const header = readHeader(flags, enums);
	if (header === undefined) return undefined;
	if (version === CATEGORY_VERSION) {
		const catId = reader.varint();
		const tail = readTail(reader, header.prices);
		if (catId === undefined || tail === undefined || !reader.done) return undefined;
		return { kind: "category", fields: { catId, ...header.fields, ...tail, api: API_CODES[header.apiBit] } };
	}
	if (version === SEARCH_VERSION) {
		const id = reader.take(SEARCH_ID_BYTES);
		const tail = readTail(reader, header.prices);
		if (id === undefined || tail === undefined || !reader.done) return undefined;
		const fields = { ...header.fields, ...tail, api: SEARCH_API_CODES[header.apiBit] };
		return { kind: "search", fields, searchId: id.toString("base64url") };
	}
	return undefined;
}

function sign(payload: Buffer, secret: string): Buffer {
	return createHmac("sha256", secret).update(payload).digest().subarray(0, MAC_BYTES);
}

function checkQuery(
	query: CatalogQuery,
): { ok: true; query: CatalogQuery } | { ok: false; problems: string[] } {
	return isSearchQuery(query) ? toSearchQuery(query) : toCategoryQuery(query);
}

/**
 * Pack a query into a signed token for a button, so paging needs no session store and survives restarts.
 * The token is URL-safe ASCII of at most {@link PAGE_TOKEN_MAX_LENGTH} characters. It is signed, not
 * encrypted: anyone can read the query back, nobody without the secret can make one. A search's keyword
 * does not travel in the token: only its {@link searchIdFor} id does, and the caller stores the keyword
 * under that id (the catalog does this when it shows a search).
 *
 * @throws TypeError when the secret is empty or the query does not pass its schema.
 * @example
 * const token = encodePageToken({ ...query, page: query.page + 1 }, env.PAGE_TOKEN_SECRET);
 * button("Next ›", `n:${token}`);
 */
export function encodePageToken(query: CatalogQuery, secret: string): string {
	if (typeof secret !== "string" || secret.length === 0) {
		throw new TypeError("encodePageToken needs a non-empty secret");
	}
	const checked = checkQuery(query);
	if (!checked.ok) {
		throw new TypeError(`encodePageToken got an invalid query: ${checked.problems.join("; ")}`);
	}
	const payload = encodePayload(checked.query, secret);
	return Buffer.concat([payload, sign(payload, secret)]).toString("base64url");
}

/**
 * Read a token made by {@link encodePageToken} with the same secret. Never throws: anything that is not a
 * well-formed token is `malformed`, a token not signed with this secret (or any token, if the secret is
 * empty) is `bad-signature`, and a signed token whose query fails the schema is `invalid`. A search comes
 * back without its keyword (see {@link SearchTokenQuery}); everything else in it is already checked.
 *
 * @example
 * const result = decodePageToken(data.slice(2), env.PAGE_TOKEN_SECRET);
 * if (!result.ok) return answer("This button has expired, run the command again");
 */
export function decodePageToken(token: string, secret: string): DecodePageTokenResult {
	if (typeof secret !== "string" || secret.length === 0) return { ok: false, reason: "bad-signature" };
	if (typeof token !== "string" || token.length > PAGE_TOKEN_MAX_LENGTH || !BASE64URL.test(token)) {
		return { ok: false, reason: "malformed" };
	}
	const bytes = Buffer.from(token, "base64url");
	// Node's decoder ignores stray trailing bits; insisting on the canonical spelling keeps one token per query.
	if (bytes.toString("base64url") !== token || bytes.length < MIN_PAYLOAD_BYTES + MAC_BYTES) {
		return { ok: false, reason: "malformed" };
	}
	const payload = bytes.subarray(0, bytes.length - MAC_BYTES);
	const mac = bytes.subarray(bytes.length - MAC_BYTES);
	if (!timingSafeEqual(mac, sign(payload, secret))) return { ok: false, reason: "bad-signature" };
	const raw = decodePayload(payload);
	if (raw === undefined) return { ok: false, reason: "malformed" };
	if (raw.kind === "category") {
		const checked = toCategoryQuery(raw.fields);
		return checked.ok ? { ok: true, query: checked.query } : { ok: false, reason: "invalid" };
	}
	// A stand-in keyword of the search's own kind lets the schema check every other field now; the real
	// keyword is checked again when it is read back.
	const standIn = raw.fields.api === "native" ? "搜索" : "search";
	const checked = toSearchQuery({ ...raw.fields, keyword: standIn });
	if (!checked.ok) return { ok: false, reason: "invalid" };
	const { keyword: _standIn, ...search } = checked.query;
	return { ok: true, search: { ...search, searchId: raw.searchId } };
}
