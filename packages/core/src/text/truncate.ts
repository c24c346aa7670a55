const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Shortens text to at most `max` UTF-16 units (the unit Telegram and Discord count) with an ellipsis,
 * cutting only between grapheme clusters, so neither a surrogate pair nor an emoji sequence is split.
 *
 * @example
 * truncateText("连衣裙女夏季👗新款", 5); // "连衣裙女…"
 */
export function truncateText(text: string, max: number): string {
	if (text.length <= max) return text;
	let out = "";
	for (const { segment } of graphemes.segment(text)) {
		if (out.length + segment.length > max - 1) break;
		out += segment;
	}
	return `${out.trimEnd()}…`;
}
