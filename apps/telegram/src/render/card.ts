import {
	formatInlineQuery,
	type ProductCard,
	type ResultView,
	shortlistTexts,
	truncateText,
} from "@catbot/core";
import type { InlineKeyboardMarkup } from "telegraf/types";
import { escapeHtml, link } from "./html.js";
import { button, shareToChatButton, urlButton } from "./keyboard.js";
import { cardDetails, type RenderedMessage } from "./page.js";

const CAPTION_LIMIT = 1024;

function fullCard(card: ProductCard, titleMax: number): string {
	return [
		`<b>${card.position}.</b> ${link(card.url, truncateText(card.title, titleMax))}`,
		...cardDetails(card),
	].join("\n");
}

/**
 * One card opened in place of the list: the full title and details with the product photo shown large
 * above them, and buttons back to the same list page, to save the card to the chat's shortlist, to
 * share it with the chat, and to share it to another chat through inline mode with the list's query.
 */
export function renderCardView(view: ResultView, index: number, card: ProductCard): RenderedMessage {
	return {
		text: `${fullCard(card, 1000)}\n\n<code>${escapeHtml(view.command)}</code>`,
		parse_mode: "HTML",
		link_preview_options: card.imageUrl
			? { url: card.imageUrl, prefer_large_media: true, show_above_text: true }
			: { is_disabled: true },
		reply_markup: {
			inline_keyboard: [
				[
					button("« Back to list", { kind: "page", token: view.tokens.current }),
					button(shortlistTexts(view.query.language).buttons.save, {
						kind: "save",
						position: card.position,
						token: view.tokens.current,
					}),
					button("📣 Share", { kind: "share", index, token: view.tokens.current }),
				],
				[
					urlButton("Open on 1688", card.url),
					shareToChatButton("↗ Share to another chat", formatInlineQuery(view.query)),
				],
			],
		},
	};
}

/**
 * A card as a standalone message teammates can forward: a photo with the card as caption (within
 * Telegram's 1024-character caption limit) and a link button, no paging buttons.
 */
export function renderShare(card: ProductCard): {
	caption: string;
	parse_mode: "HTML";
	reply_markup: InlineKeyboardMarkup;
} {
	let titleMax = 300;
	let caption = fullCard(card, titleMax);
	while (caption.replaceAll(/<[^>]*>/g, "").length > CAPTION_LIMIT && titleMax > 20) {
		titleMax = Math.floor(titleMax / 2);
		caption = fullCard(card, titleMax);
	}
	return {
		caption,
		parse_mode: "HTML",
		reply_markup: { inline_keyboard: [[urlButton("Open on 1688", card.url)]] },
	};
}
