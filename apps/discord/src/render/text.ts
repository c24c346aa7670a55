import { escapeMarkdown } from "discord.js";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Shortens text to at most `max` UTF-16 units with an ellipsis, cutting only between grapheme clusters. */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	let out = "";
	for (const { segment } of graphemes.segment(text)) {
		if (out.length + segment.length > max - 1) break;
		out += segment;
	}
	return `${out.trimEnd()}…`;
}

/** Text shown as-is in Discord markdown: no bold, links, spoilers or mentions made from product data. */
export function plain(text: string, max = 1024): string {
	return escapeMarkdown(truncate(text, max)).replaceAll("@", "@\u200b");
}
