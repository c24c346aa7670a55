import { writeFileSync } from "node:fs";
import { type Actor, productsToCsv, toCard } from "@catbot/core";
import type { Engine } from "./engine.js";
import { EXIT, exitCodeFor } from "./exitCodes.js";
import { cardsTable } from "./table.js";

/** Options of `catbot category`. */
export interface CategoryCommand {
	readonly query: string;
	readonly pages: number;
	readonly format: "table" | "json" | "csv";
	readonly out?: string | undefined;
}

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
 * `catbot category <query> --pages N --format table|json|csv [--out file]`: reads the pages through the
 * engine (same cache, limits and budget as the bots) and writes them out. Returns the exit code.
 */
export async function runCategoryCommand(
	engine: Engine,
	actor: Actor,
	command: CategoryCommand,
): Promise<number> {
	const outcome = await engine.runtime.catalog.export(
		actor,
		{ text: command.query },
		{ pages: command.pages, ...(command.pages > 1 ? { onProgress: progress(process.stderr) } : {}) },
	);
	if (!outcome.ok) {
		process.stderr.write(`${outcome.refusal.message}\n`);
		return exitCodeFor(outcome.refusal);
	}
	const { view } = outcome;
	if (view.stoppedEarly)
		process.stderr.write(`Stopped after ${view.pagesRead} page(s): ${view.stoppedEarly.message}\n`);
	if (engine.demo) process.stderr.write("DEMO DATA from the bundled emulator, not real 1688 listings.\n");
	const body =
		command.format === "csv"
			? productsToCsv(view.products)
			: command.format === "json"
				? `${JSON.stringify(view.products, null, 2)}\n`
				: `${cardsTable(view.products.map((p, i) => toCard(p, i + 1, view.query.language)))}\n`;
	if (command.out) {
		writeFileSync(command.out, body);
		process.stderr.write(`Wrote ${view.products.length} products to ${command.out}\n`);
	} else process.stdout.write(body);
	// Partial output is kept, but the exit code says the export did not finish and why.
	return view.stoppedEarly ? exitCodeFor(view.stoppedEarly) : EXIT.ok;
}
