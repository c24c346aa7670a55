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

const PATTERN = /^(?:(p)|([cs])(\d)|(t)|(n))\|?(.*)$/s;

/**
 * Reads callback_data back; anything that is not exactly what {@link encodeAction} writes is null. The
 * token inside is verified later by the engine, so a well-formed but forged token is refused there.
 */
export function decodeAction(data: string): ButtonAction | null {
	if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES) return null;
	const match = PATTERN.exec(data);
	if (!match) return null;
	const [, page, cardKind, cardIndex, browse, noop, rest = ""] = match;
	if (noop) return data === "n" ? { kind: "noop" } : null;
	if (page) return rest ? { kind: "page", token: rest } : null;
	if (cardKind && cardIndex !== undefined) {
		if (!rest) return null;
		return { kind: cardKind === "c" ? "card" : "share", index: Number(cardIndex), token: rest };
	}
	if (browse) {
		if (rest === "") return { kind: "browse" };
		return /^[1-9]\d{0,15}$/.test(rest) ? { kind: "browse", catId: Number(rest) } : null;
	}
	return null;
}
