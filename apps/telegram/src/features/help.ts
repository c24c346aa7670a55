import { Composer, type Context } from "telegraf";
import { escapeHtml } from "../render/html.js";

/** How inline mode works, with the bot's own @username in the examples. */
function inlineSection(botUsername: string): string[] {
	const bot = escapeHtml(`@${botUsername}`);
	return [
		"<b>From any chat (inline mode)</b>",
		`Type <code>${bot} 1031910 sort:sales</code> or <code>${bot} search summer dress</code> in any chat,`,
		"scroll the products and pick one: its card is posted there, from you, via the bot. Typing",
		`just <code>${bot}</code> shows how, and your recent queries. On an opened card,`,
		"<b>↗ Share to another chat</b> does the same in a chat you pick.",
		"Inline mode must be on for the bot: its owner sends /setinline to @BotFather.",
		"",
	];
}

/** What /start and /help say: what the bot does, the grammar with examples, and the options. */
export function helpText(botUsername: string): string {
	return [...SEARCH_HELP, ...inlineSection(botUsername), ...MORE_HELP].join("\n");
}

/** Categories, options and keyword search. */
const SEARCH_HELP = [
	"<b>catbot</b> browses 1688.com wholesale categories: product cards with price, MOQ, sales and shop.",
	"",
	"<b>Search a category</b>",
	"<code>/category 1031910</code>",
	"<code>/category 1031910 sort:sales</code>",
	"<code>/category 1031910 price:10-50 free_shipping lang:ru</code>",
	"You can also paste a 1688 link that has <code>categoryId=</code> in it.",
	"",
	"<b>Options</b>",
	"• <code>sort:</code> default, sales, price_up (cheap), price_down",
	"• <code>price:10-50</code>, or <code>min:10 max:50</code>",
	"• <code>free_shipping</code>, <code>dropshipping</code>, <code>super_factory</code>, <code>new_arrival</code>",
	"• <code>lang:</code> en, zh, ru, vi, ja, ko",
	"• <code>page:3</code>, <code>size:10</code> (cards per page, up to 10), <code>v1</code> (older API)",
	"",
	"<b>Search by keyword</b>",
	"<code>/search summer dress sort:sales</code>, <code>/search 连衣裙 price:10-50</code>",
	"The same options as /category. Chinese keywords search 1688 directly; others are translated",
	"(<code>lang:</code> sets the language of the titles; <code>api:native</code> or <code>api:global</code> forces one).",
	"Under the results, <b>Browse: …</b> buttons open the categories the products belong to.",
	"",
];

/** Finding ids, exports, the shortlist and watches. */
const MORE_HELP = [
	"<b>Don't know the id?</b> /categories lets you browse the tree, or /search by keyword.",
	"<b>Spreadsheet?</b> <code>/export 1031910 sort:sales pages:5</code> sends a CSV file;",
	"<code>/export search summer dress pages:3</code> exports a search.",
	"",
	"<b>Team shortlist</b>",
	"Open a card (🔍) and press ☆ Save: it goes on this chat's shortlist, shared by everyone here.",
	"<code>/shortlist</code> shows it (newest first, who saved each, the price when saved; ✖ removes),",
	"<code>/shortlist 2</code> its second page, <code>/shortlist export</code> a CSV file.",
	"",
	"<b>Watch a category</b>",
	"<code>/watch 1031910 new_arrival sort:sales every:12h</code> checks that query's first page on a schedule",
	"(every 24 h unless <code>every:</code> says otherwise) and posts new products here, up to 5 at a time.",
	"<code>/watches</code> lists this chat's watches with their next run and last result;",
	"<code>/unwatch 2</code> or its ✖ button stops one.",
	"",
	"Use the buttons to page, open a card (🔍), save it (☆), share it with the chat (📣) or re-sort.",
];

/** /start and /help. */
export function helpFeature(): Composer<Context> {
	const composer = new Composer();
	composer.command(["start", "help"], (ctx) =>
		ctx.reply(helpText(ctx.me), { parse_mode: "HTML", link_preview_options: { is_disabled: true } }),
	);
	return composer;
}
