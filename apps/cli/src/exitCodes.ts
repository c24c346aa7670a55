import type { Refusal } from "@catbot/core";

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, badInput: 2, refused: 3, upstream: 4 } as const;

/** Bad input (2), refused by access, rate limit or budget (3), or the upstream failed (4). */
export function exitCodeFor(refusal: Refusal): number {
	switch (refusal.kind) {
		case "invalid":
		case "bad-token":
		case "expired":
		case "no-such-page":
			return EXIT.badInput;
		case "forbidden":
		case "rate-limited":
		case "budget":
			return EXIT.refused;
		case "upstream":
			return EXIT.upstream;
	}
}
