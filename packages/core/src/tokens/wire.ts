import type { ApiVersion, Language, SortOrder } from "../query/schema.js";
import type { SearchApi } from "../query/searchSchema.js";

// The byte layout page tokens share. Wire codes are positions in these lists: part of the token format,
// kept here rather than borrowed from the schemas so reordering a list elsewhere cannot silently change
// what old buttons mean. Only append; the `satisfies` checks keep them in step with the schemas' types.

export const SORT_CODES = [
	"default",
	"sales",
	"price_up",
	"price_down",
] as const satisfies readonly SortOrder[];
export const LANGUAGE_CODES = ["en", "zh", "ru", "vi", "ja", "ko"] as const satisfies readonly Language[];
export const API_CODES = ["v2", "v1"] as const satisfies readonly ApiVersion[];
export const SEARCH_API_CODES = ["native", "global"] as const satisfies readonly SearchApi[];

const FLAG_NEW_ARRIVAL = 1 << 0;
const FLAG_DROPSHIPPING = 1 << 1;
const FLAG_FREE_SHIPPING = 1 << 2;
const FLAG_SUPER_FACTORY = 1 << 3;
const FLAG_PRICE_MIN = 1 << 4;
const FLAG_PRICE_MAX = 1 << 5;
const FLAGS_KNOWN = 0b0011_1111;
// enums byte: bits 0-1 sort, bits 2-4 language, bit 5 api (v2/v1 for categories, native/global for searches).
const ENUMS_KNOWN = 0b0011_1111;
// 6 x 7 bits holds every valid number (the largest, a category id, is under 2^37); a longer varint is
// refused while reading, before any arithmetic could lose precision.
const MAX_VARINT_BYTES = 6;

/** The fields every query kind carries, as they are written to and read from a token. */
export interface WireCommon {
	page: number;
	pageSize: number;
	sort: SortOrder;
	language: Language;
	priceMin?: number;
	priceMax?: number;
	newArrival: boolean;
	dropshipping: boolean;
	freeShipping: boolean;
	superFactory: boolean;
}

export function writeVarint(bytes: number[], value: number): void {
	// Arithmetic, not bit operators: those truncate to 32 bits and catIds/pages may be larger.
	let rest = value;
	while (rest >= 0x80) {
		bytes.push((rest % 0x80) | 0x80);
		rest = Math.floor(rest / 0x80);
	}
	bytes.push(rest);
}

/** The flags and enums bytes of a query; `apiCode` is the position of its api in its kind's list. */
export function headerBytes(query: WireCommon, apiCode: number): [number, number] {
	let flags = 0;
	if (query.newArrival) flags |= FLAG_NEW_ARRIVAL;
	if (query.dropshipping) flags |= FLAG_DROPSHIPPING;
	if (query.freeShipping) flags |= FLAG_FREE_SHIPPING;
	if (query.superFactory) flags |= FLAG_SUPER_FACTORY;
	if (query.priceMin !== undefined) flags |= FLAG_PRICE_MIN;
	if (query.priceMax !== undefined) flags |= FLAG_PRICE_MAX;
	const enums =
		SORT_CODES.indexOf(query.sort) | (LANGUAGE_CODES.indexOf(query.language) << 2) | (apiCode << 5);
	return [flags, enums];
}

/** Page, size and the price bounds present, after the kind's own fields. */
export function writeTail(bytes: number[], query: WireCommon): void {
	writeVarint(bytes, query.page);
	writeVarint(bytes, query.pageSize);
	if (query.priceMin !== undefined) writeVarint(bytes, Math.round(query.priceMin * 100));
	if (query.priceMax !== undefined) writeVarint(bytes, Math.round(query.priceMax * 100));
}

/** Reads a payload front to back; any structural surprise yields `undefined` rather than an exception. */
export class PayloadReader {
	private offset = 0;

	constructor(private readonly bytes: Buffer) {}

	byte(): number | undefined {
		const value = this.bytes[this.offset];
		if (value !== undefined) this.offset++;
		return value;
	}

	take(length: number): Buffer | undefined {
		if (this.offset + length > this.bytes.length) return undefined;
		const slice = this.bytes.subarray(this.offset, this.offset + length);
		this.offset += length;
		return slice;
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

/** The flags and enums bytes read back: the common fields, and the api bit for the kind to interpret. */
export function readHeader(
	flags: number,
	enums: number,
): { fields: Omit<WireCommon, "page" | "pageSize">; apiBit: number; prices: [boolean, boolean] } | undefined {
	if ((flags & ~FLAGS_KNOWN) !== 0 || (enums & ~ENUMS_KNOWN) !== 0) return undefined;
	const sort = SORT_CODES[enums & 0b11];
	const language = LANGUAGE_CODES[(enums >> 2) & 0b111];
	if (sort === undefined || language === undefined) return undefined;
	return {
		fields: {
			sort,
			language,
			newArrival: (flags & FLAG_NEW_ARRIVAL) !== 0,
			dropshipping: (flags & FLAG_DROPSHIPPING) !== 0,
			freeShipping: (flags & FLAG_FREE_SHIPPING) !== 0,
			superFactory: (flags & FLAG_SUPER_FACTORY) !== 0,
		},
		apiBit: (enums >> 5) & 1,
		prices: [(flags & FLAG_PRICE_MIN) !== 0, (flags & FLAG_PRICE_MAX) !== 0],
	};
}

/** Page, size and the price bounds the header announced; undefined when the bytes do not fit. */
export function readTail(
	reader: PayloadReader,
	prices: [boolean, boolean],
): { page: number; pageSize: number; priceMin?: number; priceMax?: number } | undefined {
	const page = reader.varint();
	const pageSize = reader.varint();
	if (page === undefined || pageSize === undefined) return undefined;
	const tail: { page: number; pageSize: number; priceMin?: number; priceMax?: number } = { page, pageSize };
	if (prices[0]) {
		const cents = reader.varint();
		if (cents === undefined) return undefined;
		tail.priceMin = cents / 100;
	}
	if (prices[1]) {
		const cents = reader.varint();
		if (cents === undefined) return undefined;
		tail.priceMax = cents / 100;
	}
	return tail;
}
