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
		case "noop":
			return `n|${"label" in action ? action.label : ""}`;
	}
}

/** Reads a custom_id back; anything not written by {@link encodeCustomId} is null. */
export function decodeCustomId(id: string): ComponentAction | null {
	if (id.length > CUSTOM_ID_MAX) return null;
	const [kind, first = "", second] = id.split("|");
	const page = /^p([a-z]?)$/.exec(kind ?? "");
	if (page && /^\d{1,25}$/.test(first) && second) {
		return { kind: "page", owner: first, token: second, ...(page[1] ? { slot: page[1] } : {}) };
	}
	if (kind === "s" && first && second === undefined) return { kind: "share", token: first };
	if (kind === "b" && second === undefined) {
		if (first === "") return { kind: "browse" };
		return /^[1-9]\d{0,15}$/.test(first) ? { kind: "browse", catId: Number(first) } : null;
	}
	if (kind === "m" && first === "" && second === undefined) return { kind: "browse-menu" };
	if (kind === "n") return { kind: "noop" };
	return null;
}
