import { SHORTLIST_PAGES_MAX, WATCH_POSITION_MAX } from "@catbot/core";

/** What a component asks for. Page state travels as core's signed page token; nothing else is trusted. */
export type ComponentAction =
	| {
			readonly kind: "page";
			readonly owner: string;
			readonly token: string;
			/** Tells apart two buttons to the same page (first and previous on page 2), since custom_ids must differ. */
			readonly slot?: string;
	  }
	| { readonly kind: "share"; readonly token: string }
	| { readonly kind: "browse"; readonly catId?: number }
	/** The browser's select menu: the category comes from the chosen value. */
	| { readonly kind: "browse-menu" }
	/** A results page's "Save a card…" menu: the card's position comes from the chosen value. */
	| { readonly kind: "save"; readonly token: string }
	/**
	 * A page of the shortlist. A plain number: the place is the channel the button is pressed in, so there
	 * is nothing to forge. `slot` tells apart two buttons to the same page, as for results.
	 */
	| { readonly kind: "shortlist-page"; readonly page: number; readonly slot?: string }
	/** Removes a saved card, then shows `page` of the list again. */
	| { readonly kind: "shortlist-remove"; readonly itemId: string; readonly page: number }
	/**
	 * Removes the channel's watch at this /watches position, then shows the list again. A plain number like
	 * the shortlist's: the place is the channel the button is pressed in.
	 */
	| { readonly kind: "watch-remove"; readonly position: number }
	| { readonly kind: "noop" };

/** Discord's limit on custom_id. */
export const CUSTOM_ID_MAX = 100;

/**
 * Encodes an action as a custom_id. `page` carries the id of the person the answer belongs to, so a press
 * by anyone else opens the page privately instead of moving the owner's message. `noop` takes a label
 * because custom_ids must be unique within a message.
 */
export function encodeCustomId(action: ComponentAction | { kind: "noop"; label: string }): string {
	switch (action.kind) {
		case "page":
			return `p${action.slot ?? ""}|${action.owner}|${action.token}`;
		case "share":
			return `s|${action.token}`;
		case "browse":
			return `b|${action.catId ?? ""}`;
		case "browse-menu":
			return "m|";
		case "save":
			return `v|${action.token}`;
		case "shortlist-page":
			return `l${action.slot ?? ""}|${action.page}`;
		case "shortlist-remove":
			return `r|${action.page}|${action.itemId}`;
		case "watch-remove":
			return `w|${action.position}`;
		case "noop":
			return `n|${"label" in action ? action.label : ""}`;
	}
}

// Exactly what encodeCustomId writes. A token is core's URL-safe alphabet (\w is ASCII without the u flag)
// and a noop label a plain word, so a further "|" or anything else after them does not match.
const PAGE = /^p([a-z]?)\|(\d{1,25})\|([\w-]+)$/;
const SHARE = /^s\|([\w-]+)$/;
const BROWSE = /^b\|([1-9]\d{0,15})?$/;
const NOOP = /^n\|[a-z]*$/;
const SAVE = /^v\|([\w-]+)$/;
// A shortlist page is at most SHORTLIST_PAGES_MAX (5 digits); a saved card's id is 1 to 25 digits.
const LIST_PAGE = /^l([a-z]?)\|([1-9]\d{0,4})$/;
const REMOVE = /^r\|([1-9]\d{0,4})\|(\d{1,25})$/;
// A watch's position is at most WATCH_POSITION_MAX (4 digits).
const WATCH_REMOVE = /^w\|([1-9]\d{0,3})$/;

/**
 * Reads a custom_id back; anything not written by {@link encodeCustomId} is null, so a component with
 * extra data is refused here, before it counts against any limit.
 */
export function decodeCustomId(id: string): ComponentAction | null {
	if (id.length > CUSTOM_ID_MAX) return null;
	const page = PAGE.exec(id);
	if (page?.[2] && page[3]) {
		return { kind: "page", owner: page[2], token: page[3], ...(page[1] ? { slot: page[1] } : {}) };
	}
	const share = SHARE.exec(id);
	if (share?.[1]) return { kind: "share", token: share[1] };
	const browse = BROWSE.exec(id);
	if (browse) {
		return browse[1] === undefined ? { kind: "browse" } : { kind: "browse", catId: Number(browse[1]) };
	}
	if (id === "m|") return { kind: "browse-menu" };
	const save = SAVE.exec(id);
	if (save?.[1]) return { kind: "save", token: save[1] };
	const listPage = LIST_PAGE.exec(id);
	if (listPage?.[2]) {
		const page = Number(listPage[2]);
		if (page > SHORTLIST_PAGES_MAX) return null;
		return { kind: "shortlist-page", page, ...(listPage[1] ? { slot: listPage[1] } : {}) };
	}
	const remove = REMOVE.exec(id);
	if (remove?.[1] && remove[2]) {
		const page = Number(remove[1]);
		return page > SHORTLIST_PAGES_MAX ? null : { kind: "shortlist-remove", page, itemId: remove[2] };
	}
	const watchRemove = WATCH_REMOVE.exec(id);
	if (watchRemove?.[1]) {
		const position = Number(watchRemove[1]);
		return position > WATCH_POSITION_MAX ? null : { kind: "watch-remove", position };
	}
	if (NOOP.test(id)) return { kind: "noop" };
	return null;
}
