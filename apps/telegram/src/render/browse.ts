import { type BrowseView, categoryName, truncateText } from "@catbot/core";
import type { InlineKeyboardButton } from "telegraf/types";
import { escapeHtml } from "./html.js";
import { button, rows } from "./keyboard.js";
import type { RenderedMessage } from "./page.js";

const MAX_CHILD_BUTTONS = 60;

/** One level of the category browser: where you are, the children to go into, and "show items". */
export function renderBrowse(view: BrowseView): RenderedMessage {
	const here = view.category;
	const title = here ? `<b>${escapeHtml(categoryName(here, "en"))}</b> (${here.id})` : "<b>Categories</b>";
	const trail =
		view.path.length > 1
			? `\n${escapeHtml(view.path.map((ref) => categoryName(ref, "en")).join(" › "))}`
			: "";
	const hint = view.children.length > 0 ? "\nPick a category to look inside." : "\nNo subcategories.";
	const children = view.children.slice(0, MAX_CHILD_BUTTONS).map((child) =>
		button(truncateText(`${categoryName(child, "en")}${child.hasChildren ? " ›" : ""}`, 40), {
			kind: "browse",
			catId: Number(child.id),
		}),
	);
	const keyboard: InlineKeyboardButton[][] = rows(children, 2);
	const parent = view.path.length > 1 ? view.path[view.path.length - 2] : undefined;
	const bottom: InlineKeyboardButton[] = [];
	if (here)
		bottom.push(button("« Up", parent ? { kind: "browse", catId: Number(parent.id) } : { kind: "browse" }));
	if (view.itemsToken) bottom.push(button("🛍 Show items", { kind: "page", token: view.itemsToken }));
	if (bottom.length > 0) keyboard.push(bottom);
	return {
		text: `${title}${trail}${hint}`,
		parse_mode: "HTML",
		link_preview_options: { is_disabled: true },
		reply_markup: { inline_keyboard: keyboard },
	};
}
