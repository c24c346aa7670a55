import { ParameterError } from "./answer.js";
import { V2_DEFAULT_PAGE_SIZE, V2_MAX_PAGE_SIZE } from "./constants.js";
import { LANGUAGES, type Language } from "./vocabulary.js";

/** The query string as the emulator sees it: one value per name (the last one wins). */
export type QueryParams = Readonly<Record<string, string>>;

/** The v2 `sort` values. */
export const SORTS = ["default", "sales", "price_up", "price_down"] as const;
export type Sort = (typeof SORTS)[number];

/** Boolean filters shared by both item endpoints (v1 names the super factory one `super_factory`). */
export interface FlagFilters {
	readonly superFactory: boolean;
	readonly supportDropshipping: boolean;
	readonly freeShipping: boolean;
	readonly newArrival: boolean;
}

/** A validated v1 request. */
export interface V1Query {
	readonly catId: number;
	readonly page: number;
	readonly flags: FlagFilters;
}

/** A validated v2 request. */
export interface V2Query extends V1Query {
	readonly pageSize: number;
	readonly language: Language;
	readonly sort: Sort;
	/** In fen; undefined when the bound is not set. */
	readonly priceStartFen: number | undefined;
	readonly priceEndFen: number | undefined;
}

const POSITIVE_INTEGER = /^[1-9]\d*$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** A trimmed parameter, or undefined when absent or empty (TMAPI's own examples send `cat_id=`). */
export function present(params: QueryParams, name: string): string | undefined {
	const value = params[name]?.trim();
	return value ? value : undefined;
}

/** A positive safe integer written plainly ("12", not "012" or "1e3"), else ParameterError. */
export function positiveInteger(value: string | undefined): number {
	const number = Number(value);
	if (!value || !POSITIVE_INTEGER.test(value) || !Number.isSafeInteger(number))
		throw new ParameterError(value);
	return number;
}

/** A boolean filter, lenient like most HTTP APIs: only "true" and "1" switch it on. */
export function flag(params: QueryParams, name: string): boolean {
	const value = present(params, name)?.toLowerCase();
	return value === "true" || value === "1";
}

/** A price bound in yuan ("10", "50.5") as fen, or undefined; anything else is a ParameterError. */
export function price(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	if (!DECIMAL.test(value)) throw new ParameterError(value);
	return Math.round(Number(value) * 100);
}

/** One of the allowed values, the fallback when absent, else ParameterError. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, fallback: T): T {
	if (value === undefined) return fallback;
	if (!(allowed as readonly string[]).includes(value)) throw new ParameterError(value);
	return value as T;
}

/** Validates a v1 query; throws ParameterError like the real API's 422. v1 ignores page_size and sort. */
export function parseV1Query(params: QueryParams): V1Query {
	const page = present(params, "page");
	return {
		catId: positiveInteger(present(params, "cat_id")),
		page: page === undefined ? 1 : positiveInteger(page),
		flags: {
			superFactory: flag(params, "super_factory"),
			supportDropshipping: flag(params, "support_dropshipping"),
			freeShipping: flag(params, "free_shipping"),
			newArrival: false,
		},
	};
}

/** Validates a v2 query; throws ParameterError like the real API's 422 (e.g. page_size above 50). */
export function parseV2Query(params: QueryParams): V2Query {
	const page = present(params, "page");
	const pageSizeText = present(params, "page_size");
	const pageSize = pageSizeText === undefined ? V2_DEFAULT_PAGE_SIZE : positiveInteger(pageSizeText);
	if (pageSize > V2_MAX_PAGE_SIZE) throw new ParameterError(pageSizeText);
	return {
		catId: positiveInteger(present(params, "cat_id")),
		page: page === undefined ? 1 : positiveInteger(page),
		pageSize,
		language: oneOf(LANGUAGES, present(params, "language"), "en"),
		sort: oneOf(SORTS, present(params, "sort"), "default"),
		priceStartFen: price(present(params, "price_start")),
		priceEndFen: price(present(params, "price_end")),
		flags: {
			superFactory: flag(params, "is_super_factory"),
			supportDropshipping: flag(params, "support_dropshipping"),
			freeShipping: flag(params, "free_shipping"),
			newArrival: flag(params, "new_arrival"),
		},
	};
}

/** Validates the info endpoint's optional cat_id; undefined asks for the top-level list. */
export function parseInfoCatId(params: QueryParams): number | undefined {
	const catId = present(params, "cat_id");
	return catId === undefined ? undefined : positiveInteger(catId);
}
