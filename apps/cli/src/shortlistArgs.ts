import { discordChannelPlace, type Place, SHORTLIST_PAGE_SIZE, SHORTLIST_PAGES_MAX } from "@catbot/core";
import { type Format, formatOf, type OptionSpecs, outOption, quoted, readArgs, UsageError } from "./args.js";

export const SHORTLIST_USAGE = `Usage: catbot shortlist --place <place> [options]
  --place <place>   whose shortlist (required): telegram:<chatId> for a
                    Telegram chat, discord:<guildId>:<channelId> for a channel
  --format <fmt>    table, json or csv; default: --out's extension, else table
  --out <file>      write to a file instead of stdout
  --page <n>        one page of ${SHORTLIST_PAGE_SIZE} cards, newest first (a table shows page 1)
  --all             every card, newest first (json and csv hold all by default)
  -h, --help        this text
The place id is the chat's id in Telegram (e.g. -1001234567890), and in Discord
the server's id, then the channel's. The bots' log lines name it as "place";
Discord's Developer Mode adds Copy ID to the server's and the channel's menus.
It reads the bots' store (DATA_DIR, default ./data, or DATABASE_URL), so run it
from the folder the bots run in, as pnpm does. It needs no TMAPI_TOKEN and makes
no paid call.
Examples:
  catbot shortlist --place telegram:-1001234567890
  catbot shortlist --place telegram:-1001234567890 --out picks.csv
  catbot shortlist --place discord:81384788765712384:81384788765712390
Exit codes: 0 ok (an empty list too), 2 bad input or configuration, 4 the
store failed.`;

/** What `catbot shortlist` was asked to do. */
export interface ShortlistCommand {
	readonly place: Place;
	readonly format: Format;
	readonly out: string | undefined;
	/** One page (1-based, {@link SHORTLIST_PAGE_SIZE} cards), or the whole list. */
	readonly page: number | "all";
}

/** The parsed arguments: a command, or a request for the usage. */
export type ShortlistArgs = ({ readonly help: false } & ShortlistCommand) | { readonly help: true };

const OPTIONS = {
	place: { type: "string" },
	format: { type: "string" },
	out: { type: "string" },
	page: { type: "string" },
	all: { type: "boolean" },
	help: { type: "boolean", short: "h" },
} as const satisfies OptionSpecs;

// Telegram chat ids and Discord snowflakes are 64-bit integers: at most 20 digits.
const TELEGRAM_PLACE = /^telegram:(-?\d{1,20})$/i;
const DISCORD_PLACE = /^discord:(\d{1,20}):(\d{1,20})$/i;

/**
 * Reads `telegram:<chatId>` or `discord:<guildId>:<channelId>` into the place the bots keep that chat's
 * or channel's shortlist under. Throws a one-line {@link UsageError} that says what a place looks like.
 *
 * @example
 * parsePlace("telegram:-1001234567890"); // { platform: "telegram", id: "-1001234567890" }
 */
export function parsePlace(text: string): Place {
	const trimmed = text.trim();
	const telegram = TELEGRAM_PLACE.exec(trimmed);
	if (telegram?.[1]) return { platform: "telegram", id: telegram[1] };
	const discord = DISCORD_PLACE.exec(trimmed);
	if (discord?.[1] && discord[2]) return discordChannelPlace(discord[1], discord[2]);
	const platform = trimmed.split(":", 1)[0]?.toLowerCase();
	const message =
		platform === "telegram"
			? `A Telegram place is telegram: and the chat's id, such as telegram:-1001234567890, not ${quoted(text)}.`
			: platform === "discord"
				? `A Discord place is discord: with the server's id and the channel's, discord:<guildId>:<channelId>, not ${quoted(text)}.`
				: `Option --place must be telegram:<chatId> or discord:<guildId>:<channelId>, not ${quoted(text)}.`;
	throw new UsageError(message, SHORTLIST_USAGE);
}

function pageOf(text: string): number {
	const page = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
	if (page >= 1 && page <= SHORTLIST_PAGES_MAX) return page;
	throw new UsageError(
		`Option --page must be a whole number from 1 to ${SHORTLIST_PAGES_MAX}, not ${quoted(text)}.`,
		SHORTLIST_USAGE,
	);
}

/** Reads the arguments of `catbot shortlist`; throws a {@link UsageError} for anything wrong. */
export function parseShortlistArgs(args: readonly string[]): ShortlistArgs {
	const { values, positionals } = readArgs(args, OPTIONS, SHORTLIST_USAGE);
	if (values.help === true) return { help: true };
	const str = (value: unknown) => (typeof value === "string" ? value : undefined);
	const [word] = positionals;
	if (word !== undefined) {
		const isPlace = TELEGRAM_PLACE.test(word) || DISCORD_PLACE.test(word);
		const hint = isPlace ? ` Put the place after --place: --place ${word}.` : "";
		throw new UsageError(`Unexpected word ${quoted(word)}.${hint}`, SHORTLIST_USAGE);
	}
	const placeText = str(values.place);
	if (placeText === undefined) {
		throw new UsageError(
			"Tell me whose shortlist: --place telegram:<chatId> or --place discord:<guildId>:<channelId>.",
			SHORTLIST_USAGE,
		);
	}
	const place = parsePlace(placeText);
	const pageText = str(values.page);
	if (pageText !== undefined && values.all === true) {
		throw new UsageError("Use --page or --all, not both.", SHORTLIST_USAGE);
	}
	const out = outOption(values.out, SHORTLIST_USAGE);
	const format = formatOf(str(values.format), out, SHORTLIST_USAGE);
	// A table shows the newest page, as /shortlist does in a chat; JSON and CSV, made for scripts and
	// spreadsheets, hold the whole list, as /shortlist export does.
	const page =
		pageText !== undefined ? pageOf(pageText) : values.all === true || format !== "table" ? "all" : 1;
	return { help: false, place, format, out, page };
}
