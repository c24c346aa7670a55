import { type ProductCard, type ResultView, truncateText } from "@catbot/core";
import {
	type APIActionRowComponent,
	type APIButtonComponent,
	type APIComponentInMessageActionRow,
	type APIEmbed,
	ButtonStyle,
	ComponentType,
} from "discord.js";
import { encodeCustomId } from "../customId.js";
import { saveMenuRow } from "./saveMenu.js";
import { plain } from "./text.js";

/** A message body every reply, update and edit can send as is. */
export interface RenderedMessage {
	content: string;
	embeds: APIEmbed[];
	components: APIActionRowComponent<APIComponentInMessageActionRow>[];
	allowedMentions: { parse: [] };
}

const EMBEDS_TOTAL = 6000;
const ORANGE = 0xff6a00;

/** One card's lines; shared by the page and the shared copy. */
function cardLines(card: ProductCard): string {
	const price = card.originalPrice
		? `**${plain(card.price)}** ~~${plain(card.originalPrice)}~~`
		: `**${plain(card.price)}**`;
	const lines = [[`💰 ${price}`, card.moq && plain(card.moq)].filter(Boolean).join(" · ")];
	const sales = [card.sales, card.repurchase].filter((s): s is string => s !== null);
	if (sales.length > 0) lines.push(`📈 ${plain(sales.join(" · "))}`);
	if (card.shop) lines.push(`🏭 ${[plain(card.shop, 80), ...card.badges.map((b) => plain(b))].join(" · ")}`);
	if (card.shipping) lines.push(`🚚 ${plain(card.shipping)}`);
	return lines.join("\n");
}

/** A product as an embed: title linked to the product, thumbnail, details. */
export function cardEmbed(card: ProductCard): APIEmbed {
	return {
		title: truncateText(`${card.position}. ${plain(card.title, 240)}`, 256),
		url: card.url,
		description: cardLines(card),
		color: ORANGE,
		...(card.imageUrl ? { thumbnail: { url: card.imageUrl } } : {}),
	};
}

function embedSize(embed: APIEmbed): number {
	return (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
}

/** Cards as embeds, dropped from the end (never cut) while they would pass Discord's 6000-character total. */
export function cardEmbeds(cards: readonly ProductCard[]): APIEmbed[] {
	const embeds = cards.map(cardEmbed);
	while (embeds.length > 1 && embeds.reduce((n, e) => n + embedSize(e), 0) > EMBEDS_TOTAL) embeds.pop();
	return embeds;
}

/** The header line: category or search, filters, page, freshness, and the command to copy. */
export function header(view: ResultView): string {
	return [
		`**${plain(view.title, 200)}** · ${plain(view.summary)} · ${view.pageLabel} · ${view.freshness}`,
		`\`${view.command}\``,
	].join("\n");
}

function navButton(
	label: string,
	owner: string,
	token: string | undefined,
	slot: string,
): APIButtonComponent {
	return token
		? {
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				label,
				custom_id: encodeCustomId({ kind: "page", owner, token, slot: slot.charAt(0) }),
			}
		: {
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				label,
				custom_id: encodeCustomId({ kind: "noop", label: slot }),
				disabled: true,
			};
}

/** Options of {@link renderPage}. */
export interface PageOptions {
	/** Whose answer this is: their presses move it, anyone else's open a private copy. */
	readonly owner: string;
	/** A private answer gets a "share" button that posts it to the channel. */
	readonly shareable: boolean;
	/** Where the channel keeps a shortlist, a menu saves any card to it (the bot's own DM has none). */
	readonly saveable: boolean;
}

/**
 * One result page: a header line, one embed per card (cards dropped from the end, never cut, if the
 * embeds would pass Discord's 6000-character total), rows of buttons to page and re-sort, a menu to save
 * a card, and a button to share.
 */
export function renderPage(view: ResultView, options: PageOptions): RenderedMessage {
	const embeds = cardEmbeds(view.cards);
	const { owner } = options;
	const position = view.totalPages === null ? `${view.page}` : `${view.page}/${view.totalPages}`;
	const rows: RenderedMessage["components"] = [
		{
			type: ComponentType.ActionRow,
			components: [
				navButton("⏮", owner, view.tokens.first, "first"),
				navButton("◀", owner, view.tokens.previous, "previous"),
				{
					type: ComponentType.Button,
					style: ButtonStyle.Secondary,
					label: position,
					custom_id: encodeCustomId({ kind: "noop", label: "position" }),
					disabled: true,
				},
				navButton("▶", owner, view.tokens.next, "next"),
				navButton("⏭", owner, view.tokens.last, "last"),
			],
		},
	];
	const sorts = Object.entries(view.sortTokens) as [keyof ResultView["sortLabels"], string][];
	if (sorts.length > 0) {
		rows.push({
			type: ComponentType.ActionRow,
			components: sorts.map(([sort, token]) => ({
				type: ComponentType.Button,
				style: ButtonStyle.Primary,
				label: view.sortLabels[sort],
				custom_id: encodeCustomId({ kind: "page", owner, token }),
			})),
		});
	}
	if (view.suggestions.length > 0) {
		// A search's "Browse: <name>" buttons open the category in place, like any page button.
		rows.push({
			type: ComponentType.ActionRow,
			components: view.suggestions.map((suggestion) => ({
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				label: truncateText(suggestion.label, 80),
				custom_id: encodeCustomId({ kind: "page", owner, token: suggestion.token }),
			})),
		});
	}
	if (options.saveable && embeds.length > 0) rows.push(saveMenuRow(view, view.cards.slice(0, embeds.length)));
	if (options.shareable && embeds.length > 0) {
		rows.push({
			type: ComponentType.ActionRow,
			components: [
				{
					type: ComponentType.Button,
					style: ButtonStyle.Success,
					label: "📣 Share to channel",
					custom_id: encodeCustomId({ kind: "share", token: view.tokens.current }),
				},
			],
		});
	}
	return {
		content: view.cards.length === 0 ? `${header(view)}\n${plain(view.emptyText ?? "")}` : header(view),
		embeds,
		components: rows,
		allowedMentions: { parse: [] },
	};
}
