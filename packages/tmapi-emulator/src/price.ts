/** Formats fen as TMAPI's price strings: "4.59". */
export function formatPrice(fen: number): string {
	return (fen / 100).toFixed(2);
}
