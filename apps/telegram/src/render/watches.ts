import type { WatchListView, WatchPost } from "@catbot/core";
import { fitItems, previewOf } from "./fit.js";
import { escapeHtml } from "./html.js";
import { button, rows } from "./keyboard.js";
import { listCard, type RenderedMessage } from "./page.js";

const REMOVES_PER_ROW = 3;

/**
 * A watch's post as one compact message: its text, then up to five cards as a result page lists them, and
 * a "Full list" button that opens page 1 of the query like any page button. Cards are dropped from the
 * end rather than cut if the text would pass Telegram's 4096-character limit.
 */
export function renderWatchPost(post: WatchPost): RenderedMessage {
	const more = post.more > 0 ? [`And ${post.more} more in the full list.`] : [];
	const { text, kept: cards } = fitItems(post.cards, (kept) =>
		[escapeHtml(post.text), ...kept.map(listCard), ...more].join("\n\n"),
	);
	const image = cards.find((card) => card.imageUrl)?.imageUrl;
	return {
		text,
		parse_mode: "HTML",
		link_preview_options: previewOf(image),
		reply_markup: {
			inline_keyboard: post.fullListToken
				? [[button(post.fullListLabel, { kind: "page", token: post.fullListToken })]]
				: [],
		},
	};
}

/**
 * /watches as one message: the heading, one line per watch with its next run and last result, and a
 * "✖ Remove n" button per watch. Lines are dropped from the end (with their buttons) rather than cut if
 * the text would pass Telegram's limit.
 */
export function renderWatchList(view: WatchListView): RenderedMessage {
	const heading = `<b>${escapeHtml(view.heading)}</b>`;
	const { text, kept: entries } = fitItems(view.entries, (kept) =>
		[
			heading,
			...(kept.length > 0 ? kept.map((e) => escapeHtml(e.line)) : [escapeHtml(view.emptyText ?? "")]),
		].join("\n\n"),
	);
	const removes = entries.map((entry) =>
		button(view.removeLabel(entry.position), { kind: "unwatch", position: entry.position }),
	);
	return {
		text,
		parse_mode: "HTML",
		link_preview_options: { is_disabled: true },
		reply_markup: { inline_keyboard: rows(removes, REMOVES_PER_ROW) },
	};
}
