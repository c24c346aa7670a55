import { createInterface } from "node:readline";
import type { Actor, ResultView, SortOrder } from "@catbot/core";
import type { Engine } from "./engine.js";
import { cardDetails, cardsTable } from "./table.js";

const HELP = [
	"Type a category query, e.g.  /category 1031910 sort:sales   (or just: 1031910 sort:sales)",
	"Then:  n next page · p previous page · 1-10 open that card · s <sales|price_up|price_down|default> sort · q quit",
].join("\n");

const SORTS = new Set<string>(["default", "sales", "price_up", "price_down"]);

/**
 * The interactive terminal session: the same engine and grammar as the bots, cards as a table, paging
 * with n/p, a card in full by its number, re-sorting with s, q to quit. Reads lines, so it works on a
 * terminal and on piped input alike.
 */
export async function runSession(
	engine: Engine,
	actor: Actor,
	input: NodeJS.ReadableStream,
	output: NodeJS.WritableStream,
) {
	const say = (text: string) => output.write(`${text}\n`);
	const { catalog } = engine.runtime;
	let current: ResultView | undefined;

	if (engine.demo) {
		say("catbot demo · DEMO DATA from the bundled TMAPI emulator, not real 1688 listings.");
		say("Set TMAPI_TOKEN to browse the real catalogue.");
	} else say("catbot · live TMAPI data.");
	say(HELP);

	async function show(request: Parameters<typeof catalog.show>[1]) {
		const outcome = await catalog.show(actor, request);
		if (!outcome.ok) {
			say(outcome.refusal.message);
			return;
		}
		current = outcome.view;
		const name = current.category.name ?? `Category ${current.category.id}`;
		say(
			`\n${name} · ${current.summary} · ${current.pageLabel} · ${current.freshness}${engine.demo ? " · DEMO DATA" : ""}`,
		);
		say(current.cards.length > 0 ? cardsTable(current.cards) : (current.emptyText ?? ""));
		say(current.command);
	}

	async function handle(line: string): Promise<boolean> {
		const text = line.trim();
		if (text === "") return true;
		if (text === "q" || text === "quit" || text === "exit") return false;
		if (text === "help" || text === "?") say(HELP);
		else if (text === "n" || text === "p") {
			const token = text === "n" ? current?.tokens.next : current?.tokens.previous;
			if (token) await show({ token });
			else
				say(current ? `There is no ${text === "n" ? "next" : "previous"} page.` : "Search a category first.");
		} else if (/^\d{1,2}$/.test(text) && current) {
			const card = current.cards.find((c) => c.position === Number(text)) ?? current.cards[Number(text) - 1];
			say(
				card
					? cardDetails(card)
					: `Pick one of the cards shown (${current.cards.map((c) => c.position).join(", ")}).`,
			);
		} else if (/^s(ort)?\s+\S+$/.test(text)) {
			const sort = text.split(/\s+/)[1] ?? "";
			if (!current) say("Search a category first.");
			else if (!SORTS.has(sort)) say("Sort by sales, price_up, price_down or default.");
			else {
				const token = current.sortTokens[sort as SortOrder];
				await show(token ? { token } : { token: current.tokens.current });
			}
		} else await show({ text });
		return true;
	}

	const lines = createInterface({ input, terminal: false });
	output.write("catbot> ");
	for await (const line of lines) {
		if (!(await handle(line))) break;
		output.write("catbot> ");
	}
	lines.close();
	say("Bye.");
}
