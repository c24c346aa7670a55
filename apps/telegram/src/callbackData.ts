import { SHORTLIST_PAGES_MAX, WATCH_POSITION_MAX } from "@catbot/core";

/**
 * What a button asks for. Result pages travel as core's signed page token; a shortlist page or card needs
 * no signature, because the list it names is always the one of the chat the button is pressed in.
 */
export type ButtonAction =
	| { readonly kind: "page"; readonly token: string }
	| { readonly kind: "card"; readonly index: number; readonly token: string }
	| { readonly kind: "share"; readonly index: number; readonly token: string }
	/** Saves the card at `position` (1-based, in the whole result) of the page `token` opens. */
	| { readonly kind: "save"; readonly position: number; readonly token: string }
	| { readonly kind: "browse"; readonly catId?: number }
	/** A page of the chat's shortlist. */
	| { readonly kind: "shortlist"; readonly page: number }
	/** Removes a card from the chat's shortlist, then shows `page` of it again. */
	| { readonly kind: "remove"; readonly itemId: string; readonly page: number }
	/** Removes the chat's watch at `position` of /watches, then shows the list again in place. */
	| { readonly kind: "unwatch"; readonly position: number }
	| { readonly kind: "noop" };

/** Telegram's limit on callback_data, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Encodes an action as callback_data (ASCII, so bytes equal characters). */
export function encodeAction(action: ButtonAction): string {
	switch (action.kind) {
		case "page":
			return `p|${action.token}`;
		case "card":
			return `c${action.index}|${action.token}`;
		case "share":
			return `s${action.index}|${action.token}`;
		case "save":
			return `v${action.position}|${action.token}`;
		case "browse":
			return `t|${action.catId ?? ""}`;
		case "shortlist":
			return `sl|${action.page}`;
		case "remove":
			return `rm${action.page}|${action.itemId}`;
		case "unwatch":
			return `wr|${action.position}`;
		case "noop":
			return "n";
	}
}

// Exactly what encodeAction writes. A token is core's URL-safe alphabet (\w is ASCII without the u flag),
// so a second "|" or anything else after it does not match. Numbers have no leading zero and few digits:
// a card position is at most a few thousand, an item id at most 25 digits, as core's store takes them.
const PAGE = /^p\|([\w-]+)$/;
const CARD = /^([cs])(\d)\|([\w-]+)$/;
const SAVE = /^v([1-9]\d{0,5})\|([\w-]+)$/;
const BROWSE = /^t\|([1-9]\d{0,15})?$/;
const SHORTLIST = /^sl\|([1-9]\d{0,5})$/;
const REMOVE = /^rm([1-9]\d{0,5})\|(\d{1,25})$/;
const UNWATCH = /^wr\|([1-9]\d{0,3})$/;

/** A shortlist page number from a button, or null when it is none any list can have. */
function shortlistPage(digits: string | undefined): number | null {
	const page = Number(digits);
	return digits !== undefined && page <= SHORTLIST_PAGES_MAX ? page : null;
}

function decodeShortlist(data: string): ButtonAction | null {
	const list = SHORTLIST.exec(data);
	if (list) {
		const page = shortlistPage(list[1]);
		return page === null ? null : { kind: "shortlist", page };
	}
	const remove = REMOVE.exec(data);
	const page = shortlistPage(remove?.[1]);
	if (!remove?.[2] || page === null) return null;
	return { kind: "remove", itemId: remove[2], page };
}

/**
 * Reads callback_data back; anything that is not exactly what {@link encodeAction} writes is null, so a
 * press with extra data is refused here, before it counts against any limit. The token inside is
 * verified later by the engine, so a well-formed but forged token is refused there.
 */
export function decodeAction(data: string): ButtonAction | null {
	if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES) return null;
	if (data === "n") return { kind: "noop" };
	const page = PAGE.exec(data);
	if (page?.[1]) return { kind: "page", token: page[1] };
	const card = CARD.exec(data);
	if (card?.[3]) return { kind: card[1] === "c" ? "card" : "share", index: Number(card[2]), token: card[3] };
	const save = SAVE.exec(data);
	if (save?.[2]) return { kind: "save", position: Number(save[1]), token: save[2] };
	if (data.startsWith("sl|") || data.startsWith("rm")) return decodeShortlist(data);
	if (data.startsWith("wr|")) {
		const position = Number(UNWATCH.exec(data)?.[1]);
		return position <= WATCH_POSITION_MAX ? { kind: "unwatch", position } : null;
	}
	const browse = BROWSE.exec(data);
	if (!browse) return null;
	return browse[1] === undefined ? { kind: "browse" } : { kind: "browse", catId: Number(browse[1]) };
}
