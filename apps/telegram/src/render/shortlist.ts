import { type ShortlistEntry, type ShortlistView, truncateText } from "@catbot/core";
import type { InlineKeyboardButton } from "telegraf/types";
import { fitItems, previewOf } from "./fit.js";
import { escapeHtml, link } from "./html.js";
import { button } from "./keyboard.js";
import { cardDetails, type RenderedMessage } from "./page.js";

const TITLE_IN_LIST = 90;

/** One saved card as a result card shows it, its price the one it had when saved, and who saved it. */
function entryText(entry: ShortlistEntry): string {
	return [
		`<b>${entry.position}.</b> ${link(entry.url, truncateText(entry.title, TITLE_IN_LIST))}`,
		...cardDetails(entry),
		`👤 ${escapeHtml(entry.savedBy)}`,
	].join("\n");
}

/** « Prev  x/y  Next », as result pages have it; nothing for a list of one page. */
function navigation(view: ShortlistView): InlineKeyboardButton[] {
	if (view.totalPages <= 1) return [];
	const { previous, next } = view.targets;
	return [
		...(previous === undefined ? [] : [button("« Prev", { kind: "shortlist", page: previous })]),
		button(`${view.page}/${view.totalPages}`, { kind: "noop" }),
		...(next === undefined ? [] : [button("Next »", { kind: "shortlist", page: next })]),
	];
}

/**
 * One page of the chat's shortlist as one message: the heading with how full the list is, the cards
 * numbered as in the whole list, a remove button per card ("✖ 3") and paging buttons. Cards are dropped
 * from the end rather than cut if the text would pass Telegram's 4096-character limit.
 */
export function renderShortlist(view: ShortlistView): RenderedMessage {
	const heading = `<b>${escapeHtml(view.heading)}</b>\n${view.total}/${view.max} · ${escapeHtml(view.pageLabel)}`;
	const { text, kept: entries } = fitItems(view.entries, (kept) =>
		[heading, ...(kept.length > 0 ? kept.map(entryText) : [escapeHtml(view.emptyText ?? "")])].join("\n\n"),
	);
	const removes = entries.map((entry) =>
		button(`✖ ${entry.position}`, { kind: "remove", itemId: entry.itemId, page: view.page }),
	);
	const keyboard = [removes, navigation(view)].filter((row) => row.length > 0);
	const image = entries.find((entry) => entry.imageUrl)?.imageUrl;
	return {
		text,
		parse_mode: "HTML",
		link_preview_options: previewOf(image),
		reply_markup: { inline_keyboard: keyboard },
	};
}
