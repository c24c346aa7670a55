import { truncateText } from "@catbot/core";
import { escapeMarkdown } from "discord.js";

/** Text shown as-is in Discord markdown: no bold, links, spoilers or mentions made from product data. */
export function plain(text: string, max = 1024): string {
	return escapeMarkdown(truncateText(text, max)).replaceAll("@", "@\u200b");
}
