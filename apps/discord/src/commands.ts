import {
	CATEGORY_ID_MAX,
	CHAT_PAGE_SIZE_MAX,
	KEYWORD_MAX_LENGTH,
	LANGUAGES,
	MAX_RESULT_ITEMS,
	SHORTLIST_PAGE_SIZE,
	SHORTLIST_PAGES_MAX,
	WATCH_POSITION_MAX,
} from "@catbot/core";
import {
	ApplicationCommandOptionType,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";

const SORT_CHOICES = [
	{ name: "Best match", value: "default" },
	{ name: "Best selling", value: "sales" },
	{ name: "Price: low to high", value: "price_up" },
	{ name: "Price: high to low", value: "price_down" },
];

const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = {
	en: "English",
	zh: "中文",
	ru: "Русский",
	vi: "Tiếng Việt",
	ja: "日本語",
	ko: "한국어",
};

const flag = (name: string, description: string) =>
	({ type: ApplicationCommandOptionType.Boolean, name, description }) as const;

/** The options /category and /export share: the query, as core's schema reads it. */
const QUERY_OPTIONS: NonNullable<RESTPostAPIChatInputApplicationCommandsJSONBody["options"]> = [
	{
		type: ApplicationCommandOptionType.Integer,
		name: "cat_id",
		description: "Category id (type a name to search the ones the bot knows)",
		required: true,
		min_value: 1,
		max_value: CATEGORY_ID_MAX,
		autocomplete: true,
	},
	{
		type: ApplicationCommandOptionType.String,
		name: "sort",
		description: "Order",
		choices: SORT_CHOICES,
	},
	{
		type: ApplicationCommandOptionType.Integer,
		name: "page",
		description: "Page to start on",
		min_value: 1,
		// Discord bounds it before the bot sees it: no page can start past item 2000, even at 1 card a page.
		max_value: MAX_RESULT_ITEMS,
	},
	{
		type: ApplicationCommandOptionType.Number,
		name: "min_price",
		description: "Lowest price (CNY)",
		min_value: 0,
	},
	{
		type: ApplicationCommandOptionType.Number,
		name: "max_price",
		description: "Highest price (CNY)",
		min_value: 0,
	},
	flag("free_shipping", "Only free shipping"),
	flag("dropshipping", "Only sellers who dropship"),
	flag("super_factory", "Only super factories"),
	flag("new_arrival", "Only new arrivals"),
	{
		type: ApplicationCommandOptionType.String,
		name: "language",
		description: "Language of titles and labels",
		choices: LANGUAGES.map((value) => ({ name: LANGUAGE_NAMES[value], value })),
	},
	{
		type: ApplicationCommandOptionType.Integer,
		name: "size",
		description: "Cards per page",
		min_value: 1,
		max_value: CHAT_PAGE_SIZE_MAX,
	},
	flag("private", "Answer only to me"),
];

type Options = NonNullable<RESTPostAPIChatInputApplicationCommandsJSONBody["options"]>;

const KEYWORD_OPTION = {
	type: ApplicationCommandOptionType.String,
	name: "keyword",
	description: "Words to search for, e.g. summer dress or 连衣裙",
	min_length: 1,
	max_length: KEYWORD_MAX_LENGTH,
} as const;

const API_OPTION: Options[number] = {
	type: ApplicationCommandOptionType.String,
	name: "api",
	description: "Which search: 1688's own (Chinese keywords) or the translated one",
	choices: [
		{ name: "1688's own search (Chinese)", value: "native" },
		{ name: "Translated search (any language)", value: "global" },
	],
};

/** /search: a required keyword, then /category's options without cat_id, and which search to use. */
const SEARCH_OPTIONS: Options = [
	{ ...KEYWORD_OPTION, required: true },
	...QUERY_OPTIONS.filter((option) => option.name !== "cat_id").slice(0, -1),
	API_OPTION,
	...QUERY_OPTIONS.slice(-1),
];

/** A category id or a keyword, neither required: /export and /watch serve both, and core says which is missing. */
const EITHER_OPTIONS: Options = [
	{ ...QUERY_OPTIONS[0], required: false } as Options[number],
	{ ...KEYWORD_OPTION, description: "Or words to search for, instead of a category id" },
	...QUERY_OPTIONS.slice(1),
];

/** /watch: the query without `page`, `size` and `private` (a watch reads page 1 and posts in the channel). */
const WATCH_OPTIONS: Options = [
	...EITHER_OPTIONS.filter((option) => !["page", "size", "private"].includes(option.name)),
	{
		type: ApplicationCommandOptionType.String,
		name: "every",
		description: "How often to check (default every 24 h)",
		choices: [
			{ name: "Every 6 hours", value: "6h" },
			{ name: "Every 12 hours", value: "12h" },
			{ name: "Every 24 hours", value: "24h" },
		],
	},
];

/** The slash commands, as plain data: what `register:discord` sends and what the handlers read. */
export const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
	{
		name: "category",
		description: "Browse a 1688 category's products",
		options: QUERY_OPTIONS,
	},
	{
		name: "search",
		description: "Search 1688 products by keyword",
		options: SEARCH_OPTIONS,
	},
	{
		name: "export",
		description: "Products of a category or a search as a CSV file",
		options: [
			...EITHER_OPTIONS.slice(0, -1),
			{
				type: ApplicationCommandOptionType.Integer,
				name: "pages",
				description: "Pages of 20 products to export",
				min_value: 1,
				max_value: 100,
			},
			...EITHER_OPTIONS.slice(-1),
		],
	},
	{
		name: "shortlist",
		description: "This channel's saved cards, newest first",
		options: [
			{
				type: ApplicationCommandOptionType.Integer,
				name: "page",
				description: `Page to show (${SHORTLIST_PAGE_SIZE} cards a page)`,
				min_value: 1,
				max_value: SHORTLIST_PAGES_MAX,
			},
			flag("export", "The whole list as a CSV file instead"),
			flag("private", "Answer only to me"),
		],
	},
	{
		name: "watch",
		description: "Post a category's or a search's new products in this channel on a schedule",
		options: WATCH_OPTIONS,
	},
	{ name: "watches", description: "This channel's watches, their next run and last result" },
	{
		name: "unwatch",
		description: "Stop a watch of this channel",
		options: [
			{
				type: ApplicationCommandOptionType.Integer,
				name: "n",
				description: "The watch's number in /watches",
				required: true,
				min_value: 1,
				max_value: WATCH_POSITION_MAX,
			},
		],
	},
	{ name: "categories", description: "Find a category by browsing the 1688 category tree" },
	{ name: "help", description: "How to use the bot" },
];
