/** Escapes text for Telegram's HTML parse mode, which knows only these four entities. */
export function escapeHtml(text: string): string {
	return text
		.replaceAll("&", "&amp;")
		.replaceAll("<", "&lt;")
		.replaceAll(">", "&gt;")
		.replaceAll('"', "&quot;");
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Shortens plain text to at most `max` UTF-16 units (Telegram's unit) with an ellipsis, cutting only
 * between grapheme clusters, so neither a surrogate pair nor an emoji sequence is split. Escape after.
 */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	let out = "";
	for (const { segment } of graphemes.segment(text)) {
		if (out.length + segment.length > max - 1) break;
		out += segment;
	}
	return `${out.trimEnd()}…`;
}

/** What Telegram counts of an HTML message: the text after tags and entities are parsed. */
export function visibleLength(html: string): number {
	return html.replaceAll(/<[^>]*>/g, "").replaceAll(/&(?:amp|lt|gt|quot);/g, "x").length;
}

/** A link whose text and address are both safe in HTML mode. */
export function link(url: string, text: string): string {
	return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}
