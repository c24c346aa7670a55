/**
 * Did-you-mean suggestions for chat input.
 *
 * People type options on phone keyboards, so the usual slips are a missing, extra or wrong letter and two
 * letters swapped ("sotr"). Optimal string alignment distance counts each of those as one edit, which plain
 * Levenshtein does not do for swaps.
 */

/** Words longer than this get no suggestion: nobody mistypes a 40-letter option, and it bounds the work. */
export const SUGGEST_MAX_WORD_LENGTH = 32;

/**
 * Optimal string alignment distance (restricted Damerau-Levenshtein) between two strings, by code point.
 *
 * @example
 * editDistance("sotr", "sort"); // 1 (one swap)
 * editDistance("page", "size"); // 4
 */
export function editDistance(a: string, b: string): number {
	const s = Array.from(a);
	const t = Array.from(b);
	// Three rolling rows: the transposition step looks two rows back.
	let before = new Array<number>(t.length + 1).fill(0);
	let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
	let current = new Array<number>(t.length + 1).fill(0);
	for (let i = 1; i <= s.length; i++) {
		current[0] = i;
		for (let j = 1; j <= t.length; j++) {
			const cost = s[i - 1] === t[j - 1] ? 0 : 1;
			let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
				best = Math.min(best, (before[j - 2] ?? 0) + 1);
			}
			current[j] = best;
		}
		[before, previous, current] = [previous, current, before];
	}
	return previous[t.length] ?? 0;
}

/**
 * How many edits a word of this length may be away from a suggestion. One-letter words get none: with
 * single-letter aliases around, any letter would be "close" to something.
 */
function editBudget(length: number): number {
	if (length <= 1) return 0;
	if (length <= 4) return 1;
	if (length <= 8) return 2;
	return 3;
}

/**
 * The candidate closest to `word`, if one is close enough to be a plausible typo; ties go to the earlier
 * candidate, so list the most common spellings first. Comparison is exact: normalize case beforehand.
 *
 * @example
 * didYouMean("sotr", ["sort", "page", "size"]); // "sort"
 * didYouMean("banana", ["sort", "page"]); // undefined
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
	const length = Array.from(word).length;
	if (length === 0 || length > SUGGEST_MAX_WORD_LENGTH) return undefined;
	const budget = editBudget(length);
	let best: string | undefined;
	let bestDistance = budget + 1;
	for (const candidate of candidates) {
		if (candidate === word) return candidate;
		if (Math.abs(Array.from(candidate).length - length) >= bestDistance) continue;
		const distance = editDistance(word, candidate);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}
