import * as v from "valibot";
import type { Place } from "./place.js";
import type { SavedCard } from "./savedCard.js";

/** Most cards one list call returns: a whole default-size shortlist in one page. */
export const SHORTLIST_PAGE_MAX = 500;
/** Cards per place when the host sets no SHORTLIST_MAX. */
export const SHORTLIST_MAX_DEFAULT = 500;

/** Which slice of a shortlist to read, newest first. */
export const ShortlistPageRequestSchema = v.object({
	offset: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
	limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SHORTLIST_PAGE_MAX)),
});
/** Offset and limit of a shortlist page. */
export type ShortlistPageRequest = v.InferOutput<typeof ShortlistPageRequestSchema>;

/** One page of a place's shortlist, newest first, with the count of all its cards. */
export interface ShortlistPage {
	readonly cards: readonly SavedCard[];
	readonly total: number;
	readonly offset: number;
	readonly limit: number;
}

/**
 * What saving did: `saved` (a new card), `exists` (the product was already on the list: `card` is the
 * first save, so the answer can say who saved it and when), or `full` (the place holds `limit` cards).
 */
export type SaveResult =
	| { readonly status: "saved"; readonly card: SavedCard; readonly total: number }
	| { readonly status: "exists"; readonly card: SavedCard; readonly total: number }
	| { readonly status: "full"; readonly limit: number; readonly total: number };

/**
 * A place's shortlist of product snapshots, shared by everyone in that chat or channel. Every method
 * checks its input against the schemas and throws a `StoreError` ("invalid", "unavailable", ...).
 */
export interface ShortlistStore {
	/**
	 * Saves a card unless the product is already on the place's list or the list is full. The check and the
	 * insert are one transaction, so concurrent saves never pass the limit, even from several processes.
	 */
	save(place: Place, card: SavedCard): Promise<SaveResult>;
	/** A page of the place's cards, newest save first. An offset past the end gives no cards and the total. */
	list(place: Place, page: ShortlistPageRequest): Promise<ShortlistPage>;
	/** One saved card, or undefined. */
	get(place: Place, itemId: string): Promise<SavedCard | undefined>;
	/** Removes a card; gives back what was removed, or undefined when it was not there. */
	remove(place: Place, itemId: string): Promise<SavedCard | undefined>;
}
