import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import {
	type Actor,
	type CatalogOutcome,
	type Place,
	SHORTLIST_PAGES_MAX,
	type ShortlistEntry,
	shortlistToCsv,
} from "@catbot/core";
import type { Runtime } from "@catbot/runtime";
import { EXIT, exitCodeFor } from "./exitCodes.js";
import { writeOut } from "./outFile.js";
import { SHORTLIST_USAGE, type ShortlistCommand } from "./shortlistArgs.js";
import { shortlistTable } from "./shortlistTable.js";
import { terminalWidth } from "./table.js";
import { refusalText } from "./text.js";

/** Who reads the list: the terminal, which core's access policy always admits. */
const ACTOR: Actor = { platform: "cli", userId: "terminal" };

// The runtime's SQLite file under DATA_DIR (SQLITE_FILE_NAME in packages/runtime/src/store/sqlite.ts).
const SQLITE_FILE = "catbot.sqlite";

/** What was read: the entries (newest first), the list's size, and the page shown when one was asked for. */
interface Read {
	readonly entries: readonly ShortlistEntry[];
	readonly total: number;
	readonly page?: { readonly number: number; readonly of: number; readonly label: string };
	/** The whole list as /shortlist export writes it, when that is what was read. */
	readonly csv?: string;
}

type Outcome = { ok: true; read: Read } | { ok: false; message: string; code: number };

/** The SQLite file the configuration points at, as a full path: which folder it is in is the question. */
function sqliteFile(runtime: Runtime): string {
	return resolve(join(runtime.config.dataDir, SQLITE_FILE));
}

function failed<T>(runtime: Runtime, outcome: Extract<CatalogOutcome<T>, { ok: false }>): Outcome {
	const { refusal } = outcome;
	// The store's message is the chat's ("Saved data is unavailable right now"); the person at the
	// terminal also needs to know which store that was. The URL itself is never shown: it may hold a password.
	const store = runtime.config.databaseUrl ? "the PostgreSQL database at DATABASE_URL" : sqliteFile(runtime);
	const which =
		refusal.kind === "upstream" && String(refusal.code).startsWith("store-") ? ` The store is ${store}.` : "";
	return { ok: false, message: `${refusalText(refusal)}${which}`, code: exitCodeFor(refusal) };
}

async function readPage(runtime: Runtime, place: Place, page: number): Promise<Outcome> {
	const outcome = await runtime.shortlist.list(ACTOR, place, page);
	if (!outcome.ok) return failed(runtime, outcome);
	const view = outcome.view;
	// In a chat, an old page button shows the last page instead; a script asking for a page past the end
	// should hear that it is not there.
	if (view.total > 0 && view.page !== page) {
		return {
			ok: false,
			message: `There is no page ${page}: the last page is ${view.totalPages}.`,
			code: EXIT.badInput,
		};
	}
	const shown = { number: view.page, of: view.totalPages, label: view.pageLabel };
	return { ok: true, read: { entries: view.entries, total: view.total, page: shown } };
}

/** Every entry, page by page; a card moved onto the next page by a removal meanwhile is kept once. */
async function readAll(runtime: Runtime, place: Place): Promise<Outcome> {
	const entries: ShortlistEntry[] = [];
	const seen = new Set<string>();
	let total = 0;
	for (let page = 1; page <= SHORTLIST_PAGES_MAX; page++) {
		const outcome = await runtime.shortlist.list(ACTOR, place, page);
		if (!outcome.ok) return failed(runtime, outcome);
		const view = outcome.view;
		total = view.total;
		// Past the end, the list answers with its last page again: nothing new.
		if (view.page !== page) break;
		for (const entry of view.entries) {
			if (seen.has(entry.itemId)) continue;
			seen.add(entry.itemId);
			entries.push(entry);
		}
		if (page >= view.totalPages) break;
	}
	return { ok: true, read: { entries, total } };
}

/** The whole list as CSV, read exactly as /shortlist export reads it. */
async function readExport(runtime: Runtime, place: Place): Promise<Outcome> {
	const outcome = await runtime.shortlist.export(ACTOR, place);
	if (!outcome.ok) return failed(runtime, outcome);
	return { ok: true, read: { entries: [], total: outcome.view.count, csv: outcome.view.csv } };
}

function body(command: ShortlistCommand, label: string, read: Read): string {
	const cards = read.entries.map((entry) => entry.card);
	if (command.format === "json") return `${JSON.stringify(cards, null, 2)}\n`;
	if (command.format === "csv") return read.csv ?? shortlistToCsv(cards);
	if (read.total === 0) return `${emptyText(label)}\n`;
	const count = `${read.total} saved card${read.total === 1 ? "" : "s"}`;
	const heading = [label, count, ...(read.page ? [read.page.label] : [])].join(" · ");
	return `${heading}\n${shortlistTable(read.entries, terminalWidth())}\n`;
}

function emptyText(label: string): string {
	return `Nothing saved in ${label} yet.`;
}

/**
 * `catbot shortlist --place <place>`: a chat's or channel's saved cards from the bots' store, read through
 * the runtime's shortlist (no paid call, no token), as a table, JSON (the SavedCard objects) or CSV (the
 * /shortlist export file). Returns the exit code.
 */
export async function runShortlistCommand(runtime: Runtime, command: ShortlistCommand): Promise<number> {
	const { stderr } = process;
	const label = `${command.place.platform}:${command.place.id}`;
	const file = sqliteFile(runtime);
	let outcome: Outcome;
	if (runtime.config.databaseUrl === undefined && !existsSync(file)) {
		// Opening the store would create an empty one here, away from the bots' list.
		stderr.write(
			`There is no store at ${file} yet: the bots create it with the first save. Run this from the folder the bots run in, or set DATA_DIR.\n`,
		);
		outcome = { ok: true, read: { entries: [], total: 0 } };
	} else if (command.page !== "all") outcome = await readPage(runtime, command.place, command.page);
	else if (command.format === "csv") outcome = await readExport(runtime, command.place);
	else outcome = await readAll(runtime, command.place);
	if (!outcome.ok) {
		stderr.write(`${outcome.message}\n`);
		return outcome.code;
	}
	const { read } = outcome;
	const text = body(command, label, read);
	// JSON and CSV keep stdout for the data; a table says it in place of the table.
	if (read.total === 0 && (command.format !== "table" || command.out)) stderr.write(`${emptyText(label)}\n`);
	const { page } = read;
	if (command.format === "table" && page && page.number < page.of) {
		stderr.write(`More: --page ${page.number + 1} shows the next page, --all every card.\n`);
	}
	if (command.out) {
		writeOut(command.out, text, SHORTLIST_USAGE);
		const count = read.csv === undefined ? read.entries.length : read.total;
		stderr.write(`Wrote ${count} card${count === 1 ? "" : "s"} to ${command.out}.\n`);
	} else process.stdout.write(text);
	return EXIT.ok;
}
