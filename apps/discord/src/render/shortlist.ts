import { type ShortlistEntry, type ShortlistView, truncateText } from "@catbot/core";
import { type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { encodeCustomId } from "../customId.js";
import type { RenderedMessage } from "./page.js";
import { plain } from "./text.js";

const GOLD = 0xf5c518;

/** A saved card as an embed: title linked to the product, thumbnail, price when saved, MOQ, shop, saver. */
export function entryEmbed(entry: ShortlistEntry): APIEmbed {
	const lines = [[`💰 **${plain(entry.price)}**`, entry.moq && plain(entry.moq)].filter(Boolean).join(" · ")];
	if (entry.shop) lines.push(`🏭 ${plain(entry.shop, 80)}`);
	if (entry.category) lines.push(`🗂 ${plain(entry.category, 80)}`);
	lines.push(`☆ ${plain(entry.savedBy, 120)}`);
	return {
		title: truncateText(`${entry.position}. ${plain(entry.title, 240)}`, 256),
		url: entry.url,
		description: lines.join("\n"),
		color: GOLD,
		...(entry.imageUrl ? { thumbnail: { url: entry.imageUrl } } : {}),
	};
}

function navButton(label: string, page: number | undefined, slot: string): APIButtonComponent {
	return page === undefined
		? {
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				label,
				custom_id: encodeCustomId({ kind: "noop", label: slot }),
				disabled: true,
			}
		: {
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				label,
				custom_id: encodeCustomId({ kind: "shortlist-page", page, slot: slot.charAt(0) }),
			};
}

/**
 * One page of a channel's shortlist: a header, one embed per saved card, the paging buttons results have,
 * and a remove button per card, numbered like the cards. Anyone in the channel may press them: the list
 * belongs to the channel, not to whoever opened it.
 */
export function renderShortlist(view: ShortlistView): RenderedMessage {
	const heading = `**${plain(view.heading)}**`;
	if (view.entries.length === 0) {
		return {
			content: `${heading}\n${plain(view.emptyText ?? "")}`,
			embeds: [],
			components: [],
			allowedMentions: { parse: [] },
		};
	}
	const { targets } = view;
	return {
		content: `${heading} · ${view.pageLabel}`,
		embeds: view.entries.map(entryEmbed),
		components: [
			{
				type: ComponentType.ActionRow,
				components: [
					navButton("⏮", targets.first, "first"),
					navButton("◀", targets.previous, "previous"),
					{
						type: ComponentType.Button,
						style: ButtonStyle.Secondary,
						label: `${view.page}/${view.totalPages}`,
						custom_id: encodeCustomId({ kind: "noop", label: "position" }),
						disabled: true,
					},
					navButton("▶", targets.next, "next"),
					navButton("⏭", targets.last, "last"),
				],
			},
			{
				type: ComponentType.ActionRow,
				// A page holds at most five cards, and a row five buttons.
				components: view.entries.slice(0, 5).map((entry) => ({
					type: ComponentType.Button,
					style: ButtonStyle.Danger,
					label: `✖ ${entry.position}`,
					custom_id: encodeCustomId({ kind: "shortlist-remove", itemId: entry.itemId, page: view.page }),
				})),
			},
		],
		allowedMentions: { parse: [] },
	};
}
