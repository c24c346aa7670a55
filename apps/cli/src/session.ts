import { clearScreenDown, createInterface, cursorTo } from "node:readline";
import type { Actor } from "@catbot/core";
import { createCommands, HELP } from "./commands.js";
import type { Engine } from "./engine.js";
import { terminalWidth } from "./table.js";

const PROMPT = "catbot> ";

type Input = NodeJS.ReadableStream & { isTTY?: boolean };
type Output = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/**
 * The interactive terminal session: the same engine and grammar as the bots, cards as a table that fits
 * the terminal, paging with n/p, a card in full by its number, re-sorting with s, q to quit. On a
 * terminal, readline gives line editing, history (up/down) and Ctrl-L; piped input works line by line.
 */
export async function runSession(engine: Engine, actor: Actor, input: Input, output: Output) {
	const say = (text: string) => output.write(`${text}\n`);
	const terminal = Boolean(input.isTTY && output.isTTY);
	const handle = createCommands(engine, actor, {
		say,
		clear() {
			if (!terminal) return;
			cursorTo(output, 0, 0);
			clearScreenDown(output);
		},
		width: () => terminalWidth(output),
	});

	if (engine.demo) {
		say("This is the catbot demo, on DEMO DATA from the bundled TMAPI emulator, not real 1688 listings.");
		say("Set TMAPI_TOKEN to browse the real catalogue.");
	} else say("This is catbot on live TMAPI data: each new search is a paid call.");
	say(HELP);

	const lines = createInterface({
		input,
		output,
		terminal,
		prompt: PROMPT,
		historySize: 200,
		removeHistoryDuplicates: true,
	});
	// Piped input can end while a search is still running; Node 24's readline throws on prompt() after
	// that ("readline was closed") where Node 20 ignored it.
	let closed = false;
	lines.on("close", () => {
		closed = true;
	});
	// Ctrl-C at the prompt ends the session like q, instead of readline's default of pausing input.
	lines.on("SIGINT", () => lines.close());
	lines.prompt();
	for await (const line of lines) {
		if (!(await handle(line))) break;
		if (!closed) lines.prompt();
	}
	if (!closed) lines.close();
	say("Bye.");
}
