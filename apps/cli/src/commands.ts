import {
	type Actor,
	type CatalogInput,
	categoryName,
	formatCommand,
	labelsFor,
	MAX_COMMAND_LENGTH,
	parseCategoryCommand,
	type ResultView,
} from "@catbot/core";
import type { Engine } from "./engine.js";
import { meaningOf } from "./numbers.js";
import { cardDetails, cardsTable } from "./table.js";
import { clean, refusalText, sentence } from "./text.js";

export const HELP = [
	"Search a category by its id, e.g. 1031910 sort:sales (or /category 1031910).",
	"Options as in the bots: price:10-50, free_shipping, lang:ru, size:10, page:3.",
	"Search by keyword: search summer dress sort:sales (or /search 连衣裙).",
	"Find an id: /categories lists the top ones; /categories 10166 looks inside one.",
	"Type n or p to turn the page, and a card's number (the # column) to open it.",
	"Re-sort with s and a sort word: s sales, s cheap, s expensive or s default.",
	"Type clear to clear the screen, help to see this again and q to quit.",
].join("\n");

const SORT_COMMAND = /^(?:s|sort)(?:\s*[:=]\s*|\s+)(\S+)$/i;
const CATEGORIES_COMMAND = /^\/?categories(?:\s+(\S+))?$/i;

/** Where the session is: the last result (for paging and re-sorting), and whether it is on screen. */
export interface SessionState {
	current: ResultView | undefined;
	onScreen: boolean;
}

/** What the session needs from its surroundings. */
export interface SessionIo {
	say(text: string): void;
	/** Clears the terminal; a no-op when the output is not one. */
	clear(): void;
	readonly width: () => number;
}

/**
 * Answers one line typed at the prompt; false means quit. Understands the session's own words (n, p, s,
 * a card number, /categories, help, clear, q) and hands everything else to the engine as a query.
 */
export function createCommands(engine: Engine, actor: Actor, io: SessionIo) {
	const { catalog } = engine.runtime;
	const state: SessionState = { current: undefined, onScreen: false };
	const { say } = io;

	/** Runs a query and shows its page. */
	async function show(input: CatalogInput): Promise<void> {
		const outcome = await catalog.show(actor, input);
		if (!outcome.ok) {
			const { refusal } = outcome;
			const resolved = await catalog.resolve(input);
			// The engine knows the last page; the session adds the command that opens it.
			const last =
				refusal.kind === "no-such-page" && resolved.ok
					? ` Type ${formatCommand({ ...resolved.query, page: refusal.lastPage })} to see it.`
					: "";
			say(`${refusalText(refusal)}${last}`);
			return;
		}
		const view = outcome.view;
		if (
			view.cards.length === 0 &&
			view.totalPages !== null &&
			view.totalPages > 0 &&
			view.page > view.totalPages
		) {
			const last = formatCommand({ ...view.query, page: view.totalPages });
			say(`There is no page ${view.page}: the last page is ${view.totalPages}. Type ${last} to see it.`);
			return;
		}
		if (view.cards.length === 0 && view.page > 1) {
			say(`There are no products on page ${view.page}: the results end before it.`);
			return;
		}
		state.current = view;
		state.onScreen = true;
		const name = clean(view.title);
		say(
			`\n${name} · ${view.summary} · ${view.pageLabel} · ${view.freshness}${engine.demo ? " · DEMO DATA" : ""}`,
		);
		say(
			view.cards.length > 0
				? cardsTable(view.cards, view.query.language, io.width())
				: sentence(view.emptyText ?? ""),
		);
		say(view.command);
	}

	async function page(direction: "next" | "previous") {
		const token = direction === "next" ? state.current?.tokens.next : state.current?.tokens.previous;
		if (token) await show({ token });
		else if (state.current) say(`There is no ${direction} page.`);
		else say("Search a category first, e.g. 1031910.");
	}

	async function sort(word: string) {
		const { current } = state;
		if (!current) return say("Search a category first, e.g. 1031910 sort:sales.");
		// The grammar's own words and did-you-mean, so "s cheap" means what "sort:cheap" means in a query.
		const parsed = parseCategoryCommand(`1 sort:${word}`);
		if (!parsed.ok) return say(refusalText({ kind: "invalid", problems: parsed.problems, message: "" }));
		const wanted = parsed.query.sort;
		const sortName = labelsFor(current.query.language).sort[wanted];
		if (wanted === current.query.sort) return say(`This list is already sorted that way (${sortName}).`);
		const token = current.sortTokens[wanted];
		if (!token) return say("This search uses the v1 API, which cannot re-sort. Drop v1 from the query.");
		await show({ token });
	}

	async function categories(arg: string | undefined) {
		if (arg !== undefined && !/^\d{1,16}$/.test(arg)) {
			return say("Type /categories for the top categories, or /categories 10166 to look inside one.");
		}
		const outcome = await catalog.browse(actor, arg === undefined ? undefined : Number(arg));
		if (!outcome.ok) return say(refusalText(outcome.refusal));
		const { category, children } = outcome.view;
		state.onScreen = false;
		const named = (ref: { id: string; name: string; nameEn: string | null }) => {
			const en = clean(categoryName(ref, "en"));
			const zh = clean(ref.name);
			return en === zh ? en : `${en} (${zh})`;
		};
		if (category && children.length === 0) {
			return say(`${named(category)} has no subcategories. Type ${category.id} to see its products.`);
		}
		say(
			category
				? `Inside ${named(category)}, id ${category.id}. Type an id to see its products, or /categories <id> to look inside.`
				: "Top categories. Type an id to see its products, or /categories <id> to look inside.",
		);
		const idWidth = Math.max(...children.map((c) => c.id.length));
		for (const child of children)
			say(`  ${child.id.padEnd(idWidth)}  ${named(child)}${child.hasChildren ? " ›" : ""}`);
	}

	async function number(digits: string) {
		const meaning = meaningOf(digits, state.onScreen ? state.current : undefined);
		if (meaning.kind === "card") {
			say(cardDetails(meaning.card));
			return;
		}
		if (meaning.kind === "elsewhere") return say(meaning.message);
		// Checked first, so nothing is announced for a number that is no category id at all.
		if (digits.length > 20) return say("That number is too long to be a card or a category id.");
		if (!(await catalog.resolve({ text: meaning.catId })).ok) {
			return say(`There is no card ${digits} here, and ${digits} is not a category id.`);
		}
		say(`Searching category ${meaning.catId}.`);
		await show({ text: meaning.catId });
	}

	/** Handles one line; false when the person asked to quit. */
	return async function handle(line: string): Promise<boolean> {
		const text = line.trim();
		if (text === "") return true;
		if (text.length > MAX_COMMAND_LENGTH) {
			say(`That line is too long; use at most ${MAX_COMMAND_LENGTH} characters.`);
			return true;
		}
		const lower = text.toLowerCase();
		const sortWord = SORT_COMMAND.exec(text)?.[1];
		const browse = CATEGORIES_COMMAND.exec(text);
		if (["q", "quit", "exit", "/quit", "/exit"].includes(lower)) return false;
		if (["help", "/help", "?", "/start"].includes(lower)) say(HELP);
		else if (["clear", "/clear", "cls"].includes(lower)) {
			io.clear();
			state.onScreen = false;
		} else if (["n", "next"].includes(lower)) await page("next");
		else if (["p", "prev", "previous"].includes(lower)) await page("previous");
		else if (lower === "s" || lower === "sort")
			say("Sort by what? For example: s sales, s cheap, s expensive, s default.");
		else if (sortWord !== undefined) await sort(sortWord);
		else if (browse) await categories(browse[1]);
		else if (/^\d+$/.test(text)) await number(text);
		else if (/^\/export\b/i.test(text)) {
			say("Exports run from the shell: pnpm -s catbot category --help tells how.");
		} else await show({ text });
		return true;
	};
}
