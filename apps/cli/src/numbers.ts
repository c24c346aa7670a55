import type { ProductCard, ResultView } from "@catbot/core";

/** What a bare number typed at the prompt means. */
export type NumberMeaning =
	| { readonly kind: "card"; readonly card: ProductCard }
	| { readonly kind: "category"; readonly catId: string }
	| { readonly kind: "elsewhere"; readonly message: string };

// Beyond this the number is no position in any result, and parsing it as a number would lose digits.
const MAX_DIGITS = 16;

/** The highest card position the result could have, to tell "a card on another page" from a category. */
function lastPosition(view: ResultView): number {
	const pageSize = view.query.pageSize;
	if (view.totalPages !== null) return view.totalPages * pageSize;
	// v1 says only whether a next page exists; assume a few more pages rather than none.
	return (view.page + (view.tokens.next ? 10 : 0)) * pageSize;
}

function range(cards: readonly ProductCard[]): string {
	const first = cards[0]?.position;
	const last = cards.at(-1)?.position;
	return first === last ? `card ${first}` : `cards ${first}–${last}`;
}

/**
 * A card's number opens that card, however big (on page 21, 101 is card 101). With a result on screen,
 * a number that is one of its cards on another page says where it is instead of guessing; any other
 * number, or any number with no result on screen, searches that category.
 */
export function meaningOf(digits: string, onScreen: ResultView | undefined): NumberMeaning {
	const catId = digits.replace(/^0+(?=\d)/, "");
	if (!onScreen || digits.length > MAX_DIGITS) return { kind: "category", catId };
	const n = Number(digits);
	const card = onScreen.cards.find((c) => c.position === n);
	if (card) return { kind: "card", card };
	if (n >= 1 && n <= lastPosition(onScreen) && onScreen.cards.length > 0) {
		return {
			kind: "elsewhere",
			message: `Card ${n} is not on this page, which shows ${range(onScreen.cards)}. To search category ${catId} instead, type /category ${catId}.`,
		};
	}
	return { kind: "category", catId };
}
