import { createHmac, timingSafeEqual } from "node:crypto";
import {
	type ApiVersion,
	type CategoryQuery,
	type Language,
	type SortOrder,
	toCategoryQuery,
} from "../query/schema.js";

/**
 * Longest token {@link encodePageToken} produces, in characters (all base64url, so also bytes): 28 bytes
 * for the longest valid query (a 6-byte category id, a 2-byte page, both prices). Leaves 26 bytes of
 * Telegram's 64-byte `callback_data` and 62 of Discord's 100-character `custom_id` for an action prefix.
 */
export const PAGE_TOKEN_MAX_LENGTH = 38;

/** Why a token was refused; the reason is safe to log, and none of them echoes the secret. */
export type PageTokenFailure = "malformed" | "bad-signature" | "invalid";

/** Result of {@link decodePageToken}. */
export type DecodePageTokenResult =
	| { ok: true; query: CategoryQuery }
	| { ok: false; reason: PageTokenFailure };

const VERSION = 1;
const MAC_BYTES = 8;
// version + flags + enums + three one-byte varints (catId, page, pageSize).
const MIN_PAYLOAD_BYTES = 6;
// 6 x 7 bits holds every valid number (the largest, a category id, is under 2^37); a longer varint is
// refused while reading, before any arithmetic could lose precision.
const MAX_VARINT_BYTES = 6;

const FLAG_NEW_ARRIVAL = 1 << 0;
const FLAG_DROPSHIPPING = 1 << 1;
const FLAG_FREE_SHIPPING = 1 << 2;
const FLAG_SUPER_FACTORY = 1 << 3;
const FLAG_PRICE_MIN = 1 << 4;
const FLAG_PRICE_MAX = 1 << 5;
const FLAGS_KNOWN = 0b0011_1111;
// enums byte: bits 0-1 sort, bits 2-4 language, bit 5 api.
const ENUMS_KNOWN = 0b0011_1111;
// Wire codes are positions in these lists. They are part of the token format, kept here rather than
// borrowed from the schema so reordering a list elsewhere cannot silently change what old buttons mean.
// Only append; the `satisfies` checks keep them in step with the schema's types.
const SORT_CODES = ["default", "sales", "price_up", "price_down"] as const satisfies readonly SortOrder[];
const LANGUAGE_CODES = ["en", "zh", "ru", "vi", "ja", "ko"] as const satisfies readonly Language[];
const API_CODES = ["v2", "v1"] as const satisfies readonly ApiVersion[];

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function writeVarint(bytes: number[], value: number): void {
	// Arithmetic, not bit operators: those truncate to 32 bits and catIds/pages may be larger.
	let rest = value;
	while (rest >= 0x80) {
		bytes.push((rest % 0x80) | 0x80);
		rest = Math.floor(rest / 0x80);
	}
	bytes.push(rest);
}

function toCents(price: number): number {
	return Math.round(price * 100);
}

function encodePayload(query: CategoryQuery): Buffer {
	let flags = 0;
	if (query.newArrival) flags |= FLAG_NEW_ARRIVAL;
	if (query.dropshipping) flags |= FLAG_DROPSHIPPING;
	if (query.freeShipping) flags |= FLAG_FREE_SHIPPING;
	if (query.superFactory) flags |= FLAG_SUPER_FACTORY;
	if (query.priceMin !== undefined) flags |= FLAG_PRICE_MIN;
	if (query.priceMax !== undefined) flags |= FLAG_PRICE_MAX;
	const enums =
		SORT_CODES.indexOf(query.sort) |
		(LANGUAGE_CODES.indexOf(query.language) << 2) |
		(API_CODES.indexOf(query.api) << 5);
	const bytes = [VERSION, flags, enums];
	writeVarint(bytes, query.catId);
	writeVarint(bytes, query.page);
	writeVarint(bytes, query.pageSize);
	if (query.priceMin !== undefined) writeVarint(bytes, toCents(query.priceMin));
	if (query.priceMax !== undefined) writeVarint(bytes, toCents(query.priceMax));
	return Buffer.from(bytes);
}

/** Reads a payload front to back; any structural surprise yields `undefined` rather than an exception. */
class PayloadReader {
	private offset = 0;

	constructor(private readonly bytes: Buffer) {}

	byte(): number | undefined {
		const value = this.bytes[this.offset];
		if (value !== undefined) this.offset++;
		return value;
	}

	varint(): number | undefined {
		let value = 0;
		for (let index = 0; index < MAX_VARINT_BYTES; index++) {
			const byte = this.byte();
			if (byte === undefined) return undefined;
			value += (byte & 0x7f) * 2 ** (7 * index);
			if (byte < 0x80) {
				// A zero final byte after others is an overlong encoding we never write: one query, one token.
				if (byte === 0 && index > 0) return undefined;
				return Number.isSafeInteger(value) ? value : undefined;
			}
		}
		return undefined;
	}

	get done(): boolean {
		return this.offset === this.bytes.length;
	}
}

/** The raw, not yet validated query a payload describes, or undefined if the bytes do not fit the layout. */
function decodePayload(payload: Buffer): Record<string, unknown> | undefined {
	const reader = new PayloadReader(payload);
	const version = reader.byte();
	const flags = reader.byte();
	const enums = reader.byte();
	if (version !== VERSION || flags === undefined || enums === undefined) return undefined;
	if ((flags & ~FLAGS_KNOWN) !== 0 || (enums & ~ENUMS_KNOWN) !== 0) return undefined;
	const sort = SORT_CODES[enums & 0b11];
	const language = LANGUAGE_CODES[(enums >> 2) & 0b111];
	const api = API_CODES[(enums >> 5) & 0b1];
	const catId = reader.varint();
	const page = reader.varint();
	const pageSize = reader.varint();
	if (language === undefined || catId === undefined || page === undefined || pageSize === undefined) {
		return undefined;
	}
	const query: Record<string, unknown> = {
		catId,
		page,
		pageSize,
		sort,
		newArrival: (flags & FLAG_NEW_ARRIVAL) !== 0,
		dropshipping: (flags & FLAG_DROPSHIPPING) !== 0,
		freeShipping: (flags & FLAG_FREE_SHIPPING) !== 0,
		superFactory: (flags & FLAG_SUPER_FACTORY) !== 0,
		language,
		api,
	};
	if ((flags & FLAG_PRICE_MIN) !== 0) {
		const cents = reader.varint();
		if (cents === undefined) return undefined;
		query.priceMin = cents / 100;
	}
	if ((flags & FLAG_PRICE_MAX) !== 0) {
		const cents = reader.varint();
		if (cents === undefined) return undefined;
		query.priceMax = cents / 100;
	}
	return reader.done ? query : undefined;
}

function sign(payload: Buffer, secret: string): Buffer {
	return createHmac("sha256", secret).update(payload).digest().subarray(0, MAC_BYTES);
}

/**
 * Pack a query into a signed token for a button, so paging needs no session store and survives restarts.
 * The token is URL-safe ASCII of at most {@link PAGE_TOKEN_MAX_LENGTH} characters. It is signed, not
 * encrypted: anyone can read the query back, nobody without the secret can make one.
 *
 * @throws TypeError when the secret is empty or the query does not pass `CategoryQuerySchema`.
 * @example
 * const token = encodePageToken({ ...query, page: query.page + 1 }, env.PAGE_TOKEN_SECRET);
 * button("Next ›", `n:${token}`);
 */
export function encodePageToken(query: CategoryQuery, secret: string): string {
	if (typeof secret !== "string" || secret.length === 0) {
		throw new TypeError("encodePageToken needs a non-empty secret");
	}
	const checked = toCategoryQuery(query);
	if (!checked.ok) {
		throw new TypeError(`encodePageToken got an invalid query: ${checked.problems.join("; ")}`);
	}
	const payload = encodePayload(checked.query);
	return Buffer.concat([payload, sign(payload, secret)]).toString("base64url");
}

/**
 * Read a token made by {@link encodePageToken} with the same secret. Never throws: anything that is not a
 * well-formed token is `malformed`, a token not signed with this secret (or any token, if the secret is
 * empty) is `bad-signature`, and a signed token whose query fails the schema is `invalid`.
 *
 * @example
 * const result = decodePageToken(data.slice(2), env.PAGE_TOKEN_SECRET);
 * if (!result.ok) return answer("This button has expired, run the command again");
 * showPage(result.query);
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
	const checked = toCategoryQuery(raw);
	return checked.ok ? { ok: true, query: checked.query } : { ok: false, reason: "invalid" };
}
