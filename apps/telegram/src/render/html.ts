/** Escapes text for Telegram's HTML parse mode, which knows only these four entities. */
export function escapeHtml(text: string): string {
	return text
		.replaceAll("&", "&amp;")
		.replaceAll("<", "&lt;")
		.replaceAll(">", "&gt;")
		.replaceAll('"', "&quot;");
}

/** What Telegram counts of an HTML message: the text after tags and entities are parsed. */
export function visibleLength(html: string): number {
	return html.replaceAll(/<[^>]*>/g, "").replaceAll(/&(?:amp|lt|gt|quot);/g, "x").length;
}

/** A link whose text and address are both safe in HTML mode. */
export function link(url: string, text: string): string {
	return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}
