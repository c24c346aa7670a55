import { describe, expect, it } from "vitest";
import { UsageError } from "./args.js";
import { parsePlace, parseShortlistArgs, SHORTLIST_USAGE } from "./shortlistArgs.js";

const CHAT = ["--place", "telegram:-1001234567890"];

describe("parsePlace", () => {
	it.each([
		["telegram:-1001234567890", { platform: "telegram", id: "-1001234567890" }],
		["telegram:42", { platform: "telegram", id: "42" }],
		[" Telegram:-100123 ", { platform: "telegram", id: "-100123" }],
		[
			"discord:81384788765712384:81384788765712390",
			{ platform: "discord", id: "81384788765712384:81384788765712390" },
		],
	])("reads %j as the place the bots save under", (text, place) => {
		expect(parsePlace(text)).toEqual(place);
	});
});

describe("parseShortlistArgs", () => {
	it("shows a table's first page, and every card in JSON and CSV, unless told otherwise", () => {
		const place = { platform: "telegram", id: "-1001234567890" };
		expect(parseShortlistArgs(CHAT)).toEqual({
			help: false,
			place,
			format: "table",
			out: undefined,
			page: 1,
		});
		expect(parseShortlistArgs([...CHAT, "--all"])).toMatchObject({ format: "table", page: "all" });
		expect(parseShortlistArgs([...CHAT, "--format", "json"])).toMatchObject({ format: "json", page: "all" });
		expect(parseShortlistArgs([...CHAT, "--out", "picks.CSV"])).toMatchObject({ format: "csv", page: "all" });
		expect(parseShortlistArgs([...CHAT, "--out", "list.txt"])).toMatchObject({ format: "table", page: 1 });
		expect(parseShortlistArgs([...CHAT, "--format=csv", "--page=3"])).toMatchObject({
			format: "csv",
			page: 3,
		});
		expect(parseShortlistArgs(["--help", "--place", "nonsense"])).toEqual({ help: true });
	});

	it.each([
		[[], "Tell me whose shortlist: --place telegram:<chatId> or --place discord:<guildId>:<channelId>."],
		[
			["--place", "telegram:abc"],
			"A Telegram place is telegram: and the chat's id, such as telegram:-1001234567890, not 'telegram:abc'.",
		],
		[
			["--place", "telegram:"],
			"A Telegram place is telegram: and the chat's id, such as telegram:-1001234567890, not 'telegram:'.",
		],
		[
			["--place", "discord:81384788765712390"],
			"A Discord place is discord: with the server's id and the channel's, discord:<guildId>:<channelId>, not 'discord:81384788765712390'.",
		],
		[
			["--place", "discord:1:2:3"],
			"A Discord place is discord: with the server's id and the channel's, discord:<guildId>:<channelId>, not 'discord:1:2:3'.",
		],
		[
			["--place", "-1001234567890"],
			"Option --place must be telegram:<chatId> or discord:<guildId>:<channelId>, not '-1001234567890'.",
		],
		[
			["--place", "cli:terminal"],
			"Option --place must be telegram:<chatId> or discord:<guildId>:<channelId>, not 'cli:terminal'.",
		],
		[
			["--place", `telegram:${"9".repeat(300)}`],
			`A Telegram place is telegram: and the chat's id, such as telegram:-1001234567890, not 'telegram:${"9".repeat(30)}…'.`,
		],
		[["--place"], "Option --place needs a value."],
		[["--place", "--all"], "Option --place needs a value."],
		[
			["telegram:-100123"],
			"Unexpected word 'telegram:-100123'. Put the place after --place: --place telegram:-100123.",
		],
		[[...CHAT, "extra"], "Unexpected word 'extra'."],
		[[...CHAT, "--page", "0"], "Option --page must be a whole number from 1 to 20000, not '0'."],
		[[...CHAT, "--page", "20001"], "Option --page must be a whole number from 1 to 20000, not '20001'."],
		[[...CHAT, "--page", "1.5"], "Option --page must be a whole number from 1 to 20000, not '1.5'."],
		[[...CHAT, "--page", "2", "--all"], "Use --page or --all, not both."],
		[[...CHAT, "--all=yes"], "Option --all takes no value."],
		[[...CHAT, "--format", "xml"], "Option --format must be table, json or csv, not 'xml'."],
		[
			[...CHAT, "--format", "json", "--out", "x.csv"],
			"A json export does not belong in a .csv file; use --format csv or another file name.",
		],
		[[...CHAT, "--out", " "], "Option --out needs a file name."],
		[[...CHAT, "--place", "telegram:1"], "Option --place is given twice; keep one."],
		[[...CHAT, "--constructor"], "Unknown option '--constructor'."],
	])("%j is refused: %s", (args, message) => {
		let thrown: unknown;
		try {
			parseShortlistArgs(args);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(UsageError);
		expect((thrown as UsageError).message).toBe(message);
		expect((thrown as UsageError).usage).toBe(SHORTLIST_USAGE);
	});
});
