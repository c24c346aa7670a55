/** What a button asks for. Page state travels as core's signed page token; nothing else is trusted. */
export type ButtonAction =
	| { readonly kind: "page"; readonly token: string }
	| { readonly kind: "card"; readonly index: number; readonly token: string }
	| { readonly kind: "share"; readonly index: number; readonly token: string }
	| { readonly kind: "browse"; readonly catId?: number }
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
		case "browse":
			return `t|${action.catId ?? ""}`;
		case "noop":
			return "n";
	}
}

// Exactly what encodeAction writes. A token is core's URL-safe alphabet (\w is ASCII without the u flag),
// so a second "|" or anything else after it does not match.
const PAGE = /^p\|([\w-]+)$/;
const CARD = /^([cs])(\d)\|([\w-]+)$/;
const BROWSE = /^t\|([1-9]\d{0,15})?$/;

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
	const browse = BROWSE.exec(data);
	if (!browse) return null;
	return browse[1] === undefined ? { kind: "browse" } : { kind: "browse", catId: Number(browse[1]) };
}
