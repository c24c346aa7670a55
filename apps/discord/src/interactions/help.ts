import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";

/** What /help says. */
export const HELP_TEXT = [
	"**catbot** browses 1688.com wholesale categories: product cards with price, MOQ, sales and shop.",
	"",
	"**/category** `cat_id:1031910` and optionally `sort`, `page`, `min_price`, `max_price`, `free_shipping`, `dropshipping`, `super_factory`, `new_arrival`, `language`, `size`, and `private` (answer only to you).",
	"Start typing a category name in `cat_id` to pick one the bot already knows.",
	"**/search** `keyword:summer dress` with the same options (and `api`: 1688's own search for Chinese keywords, the translated one for others) searches by keyword; **Browse: …** buttons under the results open the categories the products belong to.",
	"**/categories** browses the category tree when you don't know the id.",
	"**/export** sends the same products as a CSV file (`pages` of 20 products); give it a `cat_id` or a `keyword`.",
	"**/shortlist** shows the cards this channel saved (newest first, who saved each and the price then); `page` picks a page, `export` sends the list as a CSV file. Anyone here may remove a card with ✖.",
	"**/watch** `cat_id` with the same filters as /category and `every` (6, 12 or 24 h; default 24 h) checks that query on a schedule and posts the products it has not posted before in this channel: up to 5 cards and a Full list button. **/watches** lists this channel's watches with their next run and last result (✖ removes one); **/unwatch** `n` removes watch n.",
	"",
	"Buttons page through the results (⏮ ◀ ▶ ⏭) and re-sort. Pressing someone else's buttons opens that page just for you; 📣 on a private answer shares it with the channel.",
	"**☆ Save a card…** under the results saves a card to the channel's shortlist; only you see the answer.",
	"Installed to your own account (the app's user install link), the commands work in any server or DM, even where the bot is not a member; watches need the server install.",
].join("\n");

/** /help, privately. */
export async function handleHelp(interaction: ChatInputCommandInteraction): Promise<void> {
	await interaction.reply({
		content: HELP_TEXT,
		flags: MessageFlags.Ephemeral,
		allowedMentions: { parse: [] },
	});
}
