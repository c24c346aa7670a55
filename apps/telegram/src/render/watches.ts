import type { WatchListView, WatchPost } from "@catbot/core";
import { escapeHtml, visibleLength } from "./html.js";
import { button, rows } from "./keyboard.js";
import { listCard, type RenderedMessage } from "./page.js";

const TEXT_LIMIT = 4096;
const REMOVES_PER_ROW = 3;

/**
 * A watch's post as one compact message: its text, then up to five cards as a result page lists them, and
 * a "Full list" button that opens page 1 of the query like any page button. Cards are dropped from the
 * end rather than cut if the text would pass Telegram's 4096-character limit.
 */
export function renderWatchPost(post: WatchPost): RenderedMessage {
	const cards = [...post.cards];
	const more = post.more > 0 ? [`And ${post.more} more in the full list.`] : [];
	const compose = () => [escapeHtml(post.text), ...cards.map(listCard), ...more].join("\n\n");
	let text = compose();
	while (visibleLength(text) > TEXT_LIMIT && cards.length > 1) {
		cards.pop();
		text = compose();
	}
	const image = cards.find((card) => card.imageUrl)?.imageUrl;
	return {
		text,
		parse_mode: "HTML",
		link_preview_options: image
			? { url: image, prefer_small_media: true, show_above_text: false }
			: { is_disabled: true },
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
	const entries = [...view.entries];
	const heading = `<b>${escapeHtml(view.heading)}</b>`;
	const compose = () =>
		[
			heading,
			...(entries.length > 0 ? entries.map((e) => escapeHtml(e.line)) : [escapeHtml(view.emptyText ?? "")]),
		].join("\n\n");
	let text = compose();
	while (visibleLength(text) > TEXT_LIMIT && entries.length > 1) {
		entries.pop();
		text = compose();
	}
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
