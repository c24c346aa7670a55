import { basename, dirname, extname, join } from "node:path";
import { type Actor, type Language, type Product, productsToCsv, toCard } from "@catbot/core";
import type { Format } from "./args.js";
import type { Engine } from "./engine.js";
import { EXIT, exitCodeFor } from "./exitCodes.js";
import { writeOut } from "./outFile.js";
import { cardsTable, terminalWidth } from "./table.js";
import { refusalText, sentence } from "./text.js";

/** Options of `catbot category`. */
export interface CategoryCommand {
	readonly query: string;
	readonly pages: number;
	readonly format: Format;
	readonly out?: string | undefined;
}

const DEMO_NOTE = "DEMO DATA from the bundled emulator, not real 1688 listings";
const DEMO_CSV_ROW = "# DEMO DATA from the bundled emulator: not real 1688 listings";

/** A one-line progress bar on stderr, redrawn in place on a terminal, one line per page otherwise. */
function progress(stderr: NodeJS.WriteStream) {
	return (done: number, total: number) => {
		const width = 20;
		const filled = Math.round((done / total) * width);
		const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] page ${done}/${total}`;
		stderr.write(stderr.isTTY ? `\r${bar}${done === total ? "\n" : ""}` : `${bar}\n`);
	};
}

/**
 * A demo JSON file says DEMO in its name ("dresses.json" becomes "dresses.DEMO.json"): JSON has no
 * place for a comment, and a file outlives the stderr note that came with it.
 */
function demoFileName(out: string): string {
	if (/demo/i.test(basename(out))) return out;
	const extension = extname(out);
	return join(dirname(out), `${basename(out, extension)}.DEMO${extension}`);
}

function body(engine: Engine, format: Format, products: readonly Product[], language: Language): string {
	if (format === "json") return `${JSON.stringify(products, null, 2)}\n`;
	if (format === "csv") {
		const csv = productsToCsv(products);
		// A first comment row, which spreadsheets show above the header as one cell (so no comma in it);
		// the byte-order mark stays first.
		return engine.demo ? `\uFEFF${DEMO_CSV_ROW}\r\n${csv.replace(/^\uFEFF/, "")}` : csv;
	}
	const cards = products.map((product, i) => toCard(product, i + 1, language));
	const table = cardsTable(cards, language, terminalWidth());
	return `${engine.demo ? `${DEMO_NOTE}.\n` : ""}${table}\n`;
}

/**
 * `catbot category <query> --pages N --format table|json|csv [--out file]`: reads the pages through the
 * engine (same cache, limits and budget as the bots) and writes them out. Returns the exit code.
 */
export async function runCategoryCommand(
	engine: Engine,
	actor: Actor,
	command: CategoryCommand,
): Promise<number> {
	const { stderr } = process;
	const most = engine.runtime.config.maxExportPages;
	if (command.pages > most) {
		stderr.write(
			`Reading ${most} pages, not ${command.pages}: EXPORT_MAX_PAGES caps an export at ${most}.\n`,
		);
	}
	const pages = Math.min(command.pages, most);
	const outcome = await engine.runtime.catalog.export(
		actor,
		{ text: command.query },
		{ pages, ...(pages > 1 ? { onProgress: progress(stderr) } : {}) },
	);
	if (!outcome.ok) {
		stderr.write(`${refusalText(outcome.refusal)}\n`);
		return exitCodeFor(outcome.refusal);
	}
	const { view } = outcome;
	if (view.stoppedEarly) {
		stderr.write(`Stopped after ${view.pagesRead} page(s): ${sentence(view.stoppedEarly.message)}\n`);
	}
	if (engine.demo) stderr.write(`${DEMO_NOTE}.\n`);
	const text = body(engine, command.format, view.products, view.query.language);
	if (command.out) {
		const path = engine.demo && command.format === "json" ? demoFileName(command.out) : command.out;
		writeOut(path, text);
		stderr.write(`Wrote ${view.products.length} products to ${path}.\n`);
	} else process.stdout.write(text);
	// Partial output is kept, but the exit code says the export did not finish and why.
	return view.stoppedEarly ? exitCodeFor(view.stoppedEarly) : EXIT.ok;
}
