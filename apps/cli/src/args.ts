import { extname } from "node:path";
import { parseArgs } from "node:util";
import { CatbotError } from "@catbot/core";

export const USAGE = `Usage:
  catbot demo                         interactive session (demo data unless TMAPI_TOKEN is set)
  catbot category <query> [options]   print or save products (catbot category --help)
  catbot search <keyword> [options]   the same for a keyword search (catbot search --help)
  catbot shortlist --place <place>    a chat's or channel's saved cards (catbot shortlist --help)
  catbot start                        run every bot whose token is set
  catbot --help                       this text
Exit codes: 0 ok, 2 bad input or configuration, 3 refused (access, rate limit, budget), 4 upstream failure.`;

export const CATEGORY_USAGE = `Usage: catbot category <query> [options]
  <query>                         a category id and options, as in the bots: 1031910 price:10-50 free_shipping
  --sort <default|sales|price_up|price_down>
  --pages <n>                     upstream pages of products to read (default 1; at most EXPORT_MAX_PAGES)
  --format <table|json|csv>       default: from the --out file's extension (.csv, .json), else table
  --out <file>                    write to a file instead of stdout
  --demo                          use the bundled demo data when TMAPI_TOKEN is not set
  -h, --help                      this text
Examples:
  catbot category 1031910 --sort sales --pages 5 --out dresses.csv
  catbot category 1031910 price:10-50 --format json > dresses.json
Exit codes: 0 ok, 2 bad input or configuration, 3 refused (access, rate limit, budget), 4 upstream failure.`;

export const SEARCH_USAGE = `Usage: catbot search <keyword> [options]
  <keyword>                       words to search for, and options as in the bots: "summer dress" price:10-50 lang:ru
                                  (Chinese keywords search 1688 directly; others are translated; api:native|global forces one)
  --sort <default|sales|price_up|price_down>
  --pages <n>                     upstream pages of 20 products to read (default 1; at most EXPORT_MAX_PAGES)
  --format <table|json|csv>       default: from the --out file's extension (.csv, .json), else table
  --out <file>                    write to a file instead of stdout
  --demo                          use the bundled demo data when TMAPI_TOKEN is not set
  -h, --help                      this text
Examples:
  catbot search "summer dress" --format csv > dresses.csv
  catbot search 连衣裙 --sort sales --pages 3 --out dresses.json
Exit codes: 0 ok, 2 bad input or configuration, 3 refused (access, rate limit, budget), 4 upstream failure.`;

/** Bad command-line input: the message is shown as is, with the usage, and the exit code is 2. */
export class UsageError extends CatbotError {
	constructor(
		message: string,
		readonly usage: string = USAGE,
	) {
		super("usage", message);
	}
}

export type Format = "table" | "json" | "csv";

/** What `catbot category` was asked to do. */
export interface CategoryArgs {
	readonly help: boolean;
	readonly query: string;
	readonly pages: number;
	readonly format: Format;
	readonly out: string | undefined;
	readonly demo: boolean;
}

/** Options as parseArgs takes them: each a string (with a value) or a boolean flag. */
export type OptionSpecs = Readonly<
	Record<string, { readonly type: "string" | "boolean"; readonly short?: string }>
>;

const OPTIONS = {
	sort: { type: "string" },
	pages: { type: "string" },
	format: { type: "string" },
	out: { type: "string" },
	demo: { type: "boolean" },
	help: { type: "boolean", short: "h" },
} as const;

// More pages than any deployment allows (EXPORT_MAX_PAGES is at most 100); the engine caps it anyway.
const MAX_PAGES_DIGITS = 6;
const FORMATS: readonly Format[] = ["table", "json", "csv"];
const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = { ".csv": "csv", ".json": "json" };

/** User input quoted in a message, cut to 40 characters so a pasted essay stays one line. */
export function quoted(text: string): string {
	return `'${text.length > 40 ? `${text.slice(0, 39)}…` : text}'`;
}

/**
 * Checks what parseArgs read, in its lenient mode, so that every problem is told in our words (Node's
 * own, such as "argument is ambiguous", never reach the user): unknown options by name, options missing
 * their value, values given to flags, and options given twice.
 */
function checkTokens(
	tokens: NonNullable<ReturnType<typeof parseArgs>["tokens"]>,
	options: OptionSpecs,
	usage: string,
): void {
	const seen = new Set<string>();
	for (const token of tokens) {
		if (token.kind !== "option") continue;
		const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
		if (!spec) throw new UsageError(`Unknown option ${quoted(token.rawName)}.`, usage);
		// Lenient parsing takes the next word as the value even when it is another option (--sort --demo).
		const valueIsOption = token.inlineValue === false && token.value?.startsWith("--") === true;
		if (spec.type === "string" && (token.value === undefined || valueIsOption)) {
			throw new UsageError(`Option ${token.rawName} needs a value.`, usage);
		}
		if (spec.type === "boolean" && token.value !== undefined) {
			throw new UsageError(`Option ${token.rawName} takes no value.`, usage);
		}
		if (seen.has(token.name)) throw new UsageError(`Option --${token.name} is given twice; keep one.`, usage);
		seen.add(token.name);
	}
}

/**
 * Reads a command's arguments leniently (so no Node wording reaches the user), then checks them with
 * {@link checkTokens}; throws a {@link UsageError} showing `usage` for anything wrong.
 */
export function readArgs(args: readonly string[], options: OptionSpecs, usage: string) {
	const { values, positionals, tokens } = parseArgs({
		args: [...args],
		allowPositionals: true,
		strict: false,
		tokens: true,
		options,
	});
	checkTokens(tokens, options, usage);
	return { values, positionals };
}

/** The output format: --format if given (it must agree with --out's extension), else from the extension. */
export function formatOf(format: string | undefined, out: string | undefined, usage: string): Format {
	const fromExtension = out === undefined ? undefined : FORMAT_BY_EXTENSION[extname(out).toLowerCase()];
	if (format === undefined) return fromExtension ?? "table";
	if (!FORMATS.includes(format as Format)) {
		throw new UsageError(`Option --format must be table, json or csv, not ${quoted(format)}.`, usage);
	}
	if (fromExtension !== undefined && fromExtension !== format) {
		throw new UsageError(
			`A ${format} export does not belong in a ${extname(out ?? "")} file; use --format ${fromExtension} or another file name.`,
			usage,
		);
	}
	return format as Format;
}

/** --out as given, refused when it names no file. */
export function outOption(out: unknown, usage: string): string | undefined {
	if (typeof out !== "string") return undefined;
	if (out.trim() === "") throw new UsageError("Option --out needs a file name.", usage);
	return out;
}

/**
 * Reads the arguments of `catbot category` (or, with kind "search", `catbot search`, whose query text
 * starts with "search" so the engine reads it as a keyword search); throws a {@link UsageError} for
 * anything wrong.
 */
export function parseCategoryArgs(
	args: readonly string[],
	kind: "category" | "search" = "category",
): CategoryArgs {
	const usage = kind === "search" ? SEARCH_USAGE : CATEGORY_USAGE;
	const { values, positionals } = readArgs(args, OPTIONS, usage);
	if (values.help === true)
		return { help: true, query: "", pages: 1, format: "table", out: undefined, demo: false };
	const str = (value: unknown) => (typeof value === "string" ? value : undefined);
	const pagesText = str(values.pages) ?? "1";
	if (!new RegExp(`^\\d{1,${MAX_PAGES_DIGITS}}$`).test(pagesText) || Number(pagesText) < 1) {
		throw new UsageError(
			`Option --pages must be a whole number of at least 1, not ${quoted(pagesText)}.`,
			usage,
		);
	}
	const out = outOption(values.out, usage);
	const format = formatOf(str(values.format), out, usage);
	const sort = str(values.sort);
	if (positionals.length === 0) {
		const example =
			kind === "search"
				? 'what to search for, e.g. catbot search "summer dress"'
				: "a category, e.g. catbot category 1031910";
		throw new UsageError(`Tell me ${example} --sort sales.`, usage);
	}
	const words = [...(kind === "search" ? ["search"] : []), ...positionals];
	const query = [...words, ...(sort === undefined ? [] : [`sort:${sort}`])].join(" ");
	return { help: false, query, pages: Number(pagesText), format, out, demo: values.demo === true };
}
