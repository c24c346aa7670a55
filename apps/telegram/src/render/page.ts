import { type ProductCard, type Refusal, type ResultView, truncateText } from "@catbot/core";
import type { InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions } from "telegraf/types";
import { fitItems, previewOf } from "./fit.js";
import { escapeHtml, link } from "./html.js";
import { button } from "./keyboard.js";

/** A message ready for sendMessage / editMessageText in HTML mode. */
export interface RenderedMessage {
	readonly text: string;
	readonly parse_mode: "HTML";
	readonly link_preview_options: LinkPreviewOptions;
	readonly reply_markup: InlineKeyboardMarkup;
}

const TITLE_IN_LIST = 90;

/** The header every result message starts with: category, filters, page, freshness, copyable command. */
function header(view: ResultView): string {
	const trail = view.category?.path ?? [];
	const path = trail.length > 1 ? `\n${escapeHtml(trail.slice(0, -1).join(" › "))}` : "";
	return [
		`<b>${escapeHtml(view.title)}</b>${path}`,
		`${escapeHtml(view.summary)} · ${escapeHtml(view.pageLabel)} · ${escapeHtml(view.freshness)}`,
		`<code>${escapeHtml(view.command)}</code>`,
	].join("\n");
}

/** A card's lines below its title; shared by the list, the card view and the shared photo. */
export function cardDetails(card: ProductCard): string[] {
	const price = card.originalPrice
		? `<b>${escapeHtml(card.price)}</b> <s>${escapeHtml(card.originalPrice)}</s>`
		: `<b>${escapeHtml(card.price)}</b>`;
	const lines = [[`💰 ${price}`, card.moq && escapeHtml(card.moq)].filter(Boolean).join(" · ")];
	const sales = [card.sales, card.repurchase].filter((s): s is string => s !== null).map(escapeHtml);
	if (sales.length > 0) lines.push(`📈 ${sales.join(" · ")}`);
	if (card.shop) {
		const shop = card.shopUrl
			? link(card.shopUrl, truncateText(card.shop, 60))
			: escapeHtml(truncateText(card.shop, 60));
		lines.push(`🏭 ${[shop, ...card.badges.map(escapeHtml)].join(" · ")}`);
	}
	if (card.shipping) lines.push(`🚚 ${escapeHtml(card.shipping)}`);
	return lines;
}

/** A card as a list shows it: its position, linked title and details; result pages and watch posts. */
export function listCard(card: ProductCard): string {
	return [
		`<b>${card.position}.</b> ${link(card.url, truncateText(card.title, TITLE_IN_LIST))}`,
		...cardDetails(card),
	].join("\n");
}

function navigation(view: ResultView): InlineKeyboardButton[] {
	const nav: InlineKeyboardButton[] = [];
	if (view.tokens.previous) nav.push(button("« Prev", { kind: "page", token: view.tokens.previous }));
	nav.push(
		button(view.totalPages === null ? `${view.page}` : `${view.page}/${view.totalPages}`, { kind: "noop" }),
	);
	if (view.tokens.next) nav.push(button("Next »", { kind: "page", token: view.tokens.next }));
	return nav;
}

/**
 * One result page as one message: header, then the cards, then buttons to page, open a card and re-sort.
 * The first card's image is shown as the link preview. Cards are dropped from the end rather than cut
 * if the text would pass Telegram's 4096-character limit.
 */
export function renderPage(view: ResultView): RenderedMessage {
	const { text, kept: cards } = fitItems(view.cards, (kept) =>
		[header(view), ...(kept.length > 0 ? kept.map(listCard) : [escapeHtml(view.emptyText ?? "")])].join(
			"\n\n",
		),
	);
	const keyboard: InlineKeyboardButton[][] = [navigation(view)];
	if (cards.length > 0) {
		keyboard.push(
			cards.map((card, index) =>
				button(`🔍 ${card.position}`, { kind: "card", index, token: view.tokens.current }),
			),
		);
	}
	const sorts = Object.entries(view.sortTokens) as [keyof ResultView["sortLabels"], string][];
	if (sorts.length > 0)
		keyboard.push(sorts.map(([sort, token]) => button(view.sortLabels[sort], { kind: "page", token })));
	// A search's "Browse: <name>" suggestions open the category in place, like any page button.
	for (const suggestion of view.suggestions) {
		keyboard.push([button(truncateText(suggestion.label, 60), { kind: "page", token: suggestion.token })]);
	}
	const image = cards.find((card) => card.imageUrl)?.imageUrl;
	return {
		text,
		parse_mode: "HTML",
		link_preview_options: previewOf(image),
		reply_markup: { inline_keyboard: keyboard },
	};
}

/** For a page past the end, one button that opens the last page (pressed, it edits its message into it). */
export function lastPageKeyboard(refusal: Refusal): InlineKeyboardMarkup | undefined {
	if (refusal.kind !== "no-such-page") return undefined;
	return {
		inline_keyboard: [[button(refusal.lastPageLabel, { kind: "page", token: refusal.lastPageToken })]],
	};
}
