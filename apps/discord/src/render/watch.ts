import type { WatchListView, WatchPost } from "@catbot/core";
import { type APIButtonComponent, ButtonStyle, ComponentType } from "discord.js";
import { encodeCustomId } from "../customId.js";
import { cardEmbeds, type RenderedMessage } from "./page.js";
import { plain } from "./text.js";

/** Discord's limits: 5 buttons a row, 5 rows a message. */
const ROW_BUTTONS = 5;
const ROWS = 5;
const CONTENT_MAX = 2000;

/** The raw channel-message body of a watch post, as POST /channels/:id/messages takes it. */
export interface WatchPostBody {
	content: string;
	embeds: RenderedMessage["embeds"];
	components: RenderedMessage["components"];
	allowed_mentions: { parse: [] };
}

/**
 * A watch's post in its channel: the engine's line above up to five cards (the same embeds as a results
 * page), and a "Full list" button that opens page 1 of the query like any page button. The button's owner
 * is the bot, so every member's press opens their own private copy and the post itself never moves.
 */
export function renderWatchPost(post: WatchPost, botUserId: string): WatchPostBody {
	const token = post.fullListToken;
	return {
		content: plain(post.text, CONTENT_MAX - 10),
		embeds: cardEmbeds(post.cards),
		components: token
			? [
					{
						type: ComponentType.ActionRow,
						components: [
							{
								type: ComponentType.Button,
								style: ButtonStyle.Secondary,
								label: post.fullListLabel,
								custom_id: encodeCustomId({ kind: "page", owner: botUserId, token }),
							},
						],
					},
				]
			: [],
		allowed_mentions: { parse: [] },
	};
}

/**
 * /watches: the heading, one line per watch (command, interval, next run, last result) and a
 * "✖ Remove n" button per watch. Discord allows 25 buttons; watches past them are removed with /unwatch.
 */
export function renderWatchList(view: WatchListView): RenderedMessage {
	const lines = [`**${plain(view.heading)}**`];
	if (view.emptyText) lines.push(plain(view.emptyText));
	else for (const entry of view.entries) lines.push(plain(entry.line, 300));
	const buttons: APIButtonComponent[] = view.entries.slice(0, ROW_BUTTONS * ROWS).map((entry) => ({
		type: ComponentType.Button,
		style: ButtonStyle.Danger,
		label: view.removeLabel(entry.position),
		custom_id: encodeCustomId({ kind: "watch-remove", position: entry.position }),
	}));
	const rows: RenderedMessage["components"] = [];
	for (let i = 0; i < buttons.length; i += ROW_BUTTONS) {
		rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + ROW_BUTTONS) });
	}
	// Whole lines are dropped, never cut, so no escape or word is split; /watches is short in practice.
	while (lines.length > 2 && lines.join("\n").length > CONTENT_MAX - 2) lines.pop();
	const shown = lines.length - 1;
	const content = lines.join("\n") + (shown < view.entries.length ? "\n…" : "");
	return { content, embeds: [], components: rows, allowedMentions: { parse: [] } };
}
