import type { Actor } from "../access/actor.js";
import type { ProductCard } from "../catalog/cards.js";
import type { CatalogOutcome } from "../catalog/outcome.js";
import type { PickRequest, ShowHooks } from "../catalog/types.js";
import type { Place } from "../store/place.js";
import type { SavedCard } from "../store/savedCard.js";

/**
 * One saved card as a chat shows it: a {@link ProductCard} (so an adapter can reuse its card renderer)
 * built from the snapshot, whose `price` says it is the price when saved, plus who saved it and when.
 * Fields a snapshot does not keep (sales, badges, shipping) are empty.
 */
export interface ShortlistEntry extends ProductCard {
	/** 1-based position in the whole list, newest first. */
	readonly position: number;
	/** "¥12.50 when saved", or "Price on request". */
	readonly price: string;
	/** "saved by Ann · 30 Nov" (the year too when it is not this year's). */
	readonly savedBy: string;
	/** The category's name when saved, else null. */
	readonly category: string | null;
	/** The canonical `/category` command the card came from, to run it again. */
	readonly command: string;
	/** The stored snapshot, for adapters that need the numbers (the terminal's table). */
	readonly card: SavedCard;
}

/** One page of a place's shortlist, ready to render; see {@link Shortlist.list}. */
export interface ShortlistView {
	readonly place: Place;
	/** "☆ This chat's shortlist". */
	readonly heading: string;
	/** Cards on the whole list, and the most it may hold (SHORTLIST_MAX). */
	readonly total: number;
	readonly max: number;
	/** The page shown: the one asked for, or the last one when the list has become shorter. */
	readonly page: number;
	/** At least 1, also for an empty list. */
	readonly totalPages: number;
	/** "Page 2 of 3", as results say it. */
	readonly pageLabel: string;
	readonly entries: readonly ShortlistEntry[];
	/** Shown instead of entries when the list is empty. */
	readonly emptyText: string | null;
	/**
	 * Page numbers for the paging buttons, absent where there is no such page. Plain numbers: the place
	 * comes from the chat the button is pressed in, so `sl:<n>` needs no signature.
	 */
	readonly targets: {
		readonly first?: number;
		readonly previous?: number;
		readonly next?: number;
		readonly last?: number;
	};
	/** Labels of the save and remove controls in the list's language. */
	readonly buttons: { readonly save: string; readonly saveMenu: string; readonly remove: string };
}

/** What saving did; a refusal (rate limit, bad token, store trouble) is the outcome's `refusal` instead. */
export interface SaveView {
	/** `exists`: the product was on the list already; `full`: the list holds SHORTLIST_MAX cards. */
	readonly status: "saved" | "exists" | "full";
	/** The answer to show, e.g. "☆ Saved to this chat's shortlist (12 of 500)." */
	readonly text: string;
	readonly itemId: string;
	/** The stored card: the new one, or for `exists` the first save (who and when). Null when full. */
	readonly card: SavedCard | null;
	readonly total: number;
	readonly max: number;
}

/** What removing did. Removing a card that is gone already is not an error: someone else was quicker. */
export interface RemoveView {
	readonly status: "removed" | "missing";
	/** "Removed from the shortlist: <title>." or "That card is not on the shortlist any more." */
	readonly text: string;
	readonly itemId: string;
	/** The removed card, or null when it was not there. */
	readonly card: SavedCard | null;
}

/** A shortlist as a CSV file; see {@link Shortlist.export}. */
export interface ShortlistExport {
	/** The CSV text (UTF-8 with a byte-order mark), spreadsheet-safe like every export. */
	readonly csv: string;
	/** "catbot-shortlist-2026-11-30.csv" (UTC date): ASCII only, safe on every platform. */
	readonly fileName: string;
	readonly count: number;
	/** A caption: "12 saved cards.", or the empty-list text when there are none. */
	readonly text: string;
}

/**
 * A place's shared shortlist on top of the catalog and a {@link ShortlistStore}: save a card from a
 * results page (a snapshot, so the list never needs a paid call), list it in pages, remove cards and
 * export it as CSV. Each method checks access, counts one action against the user's rate limit (invalid
 * input counts nothing), writes one action log line with metrics, and never throws: store trouble is a
 * refusal with the StoreError's safe message.
 *
 * @example
 * const outcome = await shortlist.save(actor, place, { token, position: 7 }, "Ann");
 * reply(outcome.ok ? outcome.view.text : outcome.refusal.message);
 */
export interface Shortlist {
	/**
	 * Saves card `position` of the page `token` opens, for `savedByName` (the name shown in the chat). The
	 * page is read through the catalog's cache: no paid call while it is cached. The action is counted
	 * once, by {@link Catalog.pick}; its `onSlow` hook runs before a paid call, as for show.
	 */
	save(
		actor: Actor,
		place: Place,
		request: PickRequest,
		savedByName: string | null,
		hooks?: ShowHooks,
	): Promise<CatalogOutcome<SaveView>>;
	/** Page `page` (1-based, 5 cards a page) of the place's list, newest first. Never a paid call. */
	list(actor: Actor, place: Place, page?: number): Promise<CatalogOutcome<ShortlistView>>;
	/** Removes a card from the place's list; any member may. The action line says who removed what. */
	remove(actor: Actor, place: Place, itemId: string): Promise<CatalogOutcome<RemoveView>>;
	/** The whole list as CSV, newest first. */
	export(actor: Actor, place: Place): Promise<CatalogOutcome<ShortlistExport>>;
}
