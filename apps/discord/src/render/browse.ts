import { type BrowseView, categoryName, truncateText } from "@catbot/core";
import { ButtonStyle, ComponentType } from "discord.js";
import { encodeCustomId } from "../customId.js";
import type { RenderedMessage } from "./page.js";
import { plain } from "./text.js";

const MAX_OPTIONS = 25;

/** One level of the category tree: a select menu of children, "Up", and "Show items". */
export function renderBrowse(view: BrowseView, owner: string): RenderedMessage {
	const here = view.category;
	const trail = view.path.map((ref) => categoryName(ref, "en")).join(" › ");
	const title = here
		? `**${plain(categoryName(here, "en"))}** (${here.id})${view.path.length > 1 ? `\n${plain(trail)}` : ""}`
		: "**Categories**";
	const components: RenderedMessage["components"] = [];
	if (view.children.length > 0) {
		components.push({
			type: ComponentType.ActionRow,
			components: [
				{
					type: ComponentType.StringSelect,
					custom_id: encodeCustomId({ kind: "browse-menu" }),
					placeholder: "Look inside a category…",
					options: view.children.slice(0, MAX_OPTIONS).map((child) => ({
						label: truncateText(categoryName(child, "en"), 100),
						value: child.id,
						description: truncateText(`${child.name} · ${child.id}`, 100),
					})),
				},
			],
		});
	}
	const parent = view.path.length > 1 ? view.path[view.path.length - 2] : undefined;
	const buttons = [];
	if (here) {
		buttons.push({
			type: ComponentType.Button as const,
			style: ButtonStyle.Secondary as const,
			label: "« Up",
			custom_id: encodeCustomId(parent ? { kind: "browse", catId: Number(parent.id) } : { kind: "browse" }),
		});
	}
	if (view.itemsToken) {
		buttons.push({
			type: ComponentType.Button as const,
			style: ButtonStyle.Primary as const,
			label: "🛍 Show items",
			custom_id: encodeCustomId({ kind: "page", owner, token: view.itemsToken }),
		});
	}
	if (buttons.length > 0) components.push({ type: ComponentType.ActionRow, components: buttons });
	const more =
		view.children.length > MAX_OPTIONS
			? `\nShowing ${MAX_OPTIONS} of ${view.children.length} subcategories.`
			: "";
	return { content: `${title}${more}`, embeds: [], components, allowedMentions: { parse: [] } };
}
