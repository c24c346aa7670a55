import { type InlineView, type ProductCard, truncateText } from "@catbot/core";
import type { InlineQueryResult, InlineQueryResultsButton } from "telegraf/types";
import type { RecentQuery } from "../features/recent.js";
import { renderShare } from "./card.js";
import { escapeHtml } from "./html.js";

/** An answerInlineQuery's results and options. */
export interface InlineAnswer {
	readonly results: InlineQueryResult[];
	readonly extra: {
		readonly cache_time: number;
		readonly is_personal: boolean;
		readonly next_offset?: string;
		readonly button?: InlineQueryResultsButton;
	};
}

/** Telegram shows at most this many results per answer. */
export const MAX_INLINE_RESULTS = 50;
/** Results are the same for everyone who types the query; Telegram may serve them this long. */
export const RESULTS_CACHE_SECONDS = 300;

const TITLE_MAX = 100;
const EXAMPLES = "e.g. 1031910 sort:sales · search summer dress";

/** Opens the private chat with /start, where the full help is. */
const HELP_BUTTON: InlineQueryResultsButton = { text: "How to use catbot", start_parameter: "inline-help" };

/** Telegram fetches photo results itself and takes only absolute http(s) addresses. */
function photoUrl(card: ProductCard): string | undefined {
	return card.imageUrl && /^https?:\/\/[^/\s]+\/\S*$/i.test(card.imageUrl) ? card.imageUrl : undefined;
}

/** One card as a result: choosing it posts the same message as the 📣 Share button. */
function cardResult(card: ProductCard): InlineQueryResult {
	const shared = renderShare(card);
	const id = String(card.position);
	const title = truncateText(`${card.position}. ${card.title}`, TITLE_MAX);
	const description = [card.price, card.moq].filter(Boolean).join(" · ");
	const image = photoUrl(card);
	if (image) {
		return { type: "photo", id, photo_url: image, thumbnail_url: image, title, description, ...shared };
	}
	const { caption, parse_mode, reply_markup } = shared;
	return {
		type: "article",
		id,
		title,
		description,
		input_message_content: { message_text: caption, parse_mode, link_preview_options: { is_disabled: true } },
		reply_markup,
	};
}

function article(id: string, title: string, description: string, html: string): InlineQueryResult {
	return {
		type: "article",
		id,
		title: truncateText(title, TITLE_MAX),
		description,
		input_message_content: {
			message_text: html,
			parse_mode: "HTML",
			link_preview_options: { is_disabled: true },
		},
	};
}

/** One upstream page of products; `first` says whether this is the answer before any scrolling. */
export function renderInlineView(view: InlineView, first: boolean): InlineAnswer {
	const cards = view.cards.slice(0, MAX_INLINE_RESULTS);
	const results =
		cards.length === 0 && first
			? [
					article(
						"empty",
						`No products: ${view.title}`,
						view.summary,
						`No products for <code>${escapeHtml(view.command)}</code>.`,
					),
				]
			: cards.map(cardResult);
	return {
		results,
		extra: { cache_time: RESULTS_CACHE_SECONDS, is_personal: false, next_offset: view.nextOffset },
	};
}

/** The answer to an empty query: how to type one, and this user's recent queries (hence personal). */
export function renderInlineHelp(botUsername: string, recent: readonly RecentQuery[]): InlineAnswer {
	const bot = `@${botUsername}`;
	const lines = [
		"<b>Browse 1688 from any chat</b>",
		`Type <code>${escapeHtml(bot)} 1031910 sort:sales</code> or <code>${escapeHtml(bot)} search summer dress</code>,`,
		"then pick a product to post its card.",
	];
	if (recent.length > 0) {
		lines.push("", "<b>Recent</b>");
		for (const entry of recent) {
			lines.push(`• ${escapeHtml(entry.title)}: <code>${escapeHtml(`${bot} ${entry.text}`)}</code>`);
		}
	}
	const description =
		recent.length > 0 ? `Recent: ${recent.map((entry) => entry.text).join(" · ")}` : EXAMPLES;
	return {
		results: [article("help", "Type a category id, or search and keywords", description, lines.join("\n"))],
		extra: { cache_time: 0, is_personal: true, button: HELP_BUTTON },
	};
}

/**
 * Why there are no results, as one article; `shared` when every user typing the query gets the same
 * answer (a malformed query), so Telegram may cache it for all.
 */
export function renderInlineProblem(message: string, shared: boolean): InlineAnswer {
	return {
		results: [article("problem", message, EXAMPLES, escapeHtml(message))],
		extra: shared
			? { cache_time: RESULTS_CACHE_SECONDS, is_personal: false, button: HELP_BUTTON }
			: { cache_time: 0, is_personal: true },
	};
}

/** The answer while the upstream is slow: nothing cached to show yet, so ask to try again. */
export function renderInlineLoading(command: string): InlineAnswer {
	const text = `Results for <code>${escapeHtml(command)}</code> are still loading. Please try again in a moment.`;
	return {
		results: [
			article("loading", "Loading…", "1688 is slow to answer. Type the query again in a moment.", text),
		],
		extra: { cache_time: 0, is_personal: false },
	};
}
