import { type Language, labelsFor, type ShortlistEntry, shortlistTexts } from "@catbot/core";
import { type Column, fitTable, type Layout, terminalWidth, valueIn } from "./table.js";
import { clean } from "./text.js";

/** One saved card's values; the words that say what they are go in the header. */
interface SavedRow {
	readonly position: string;
	readonly title: string;
	readonly price: string;
	readonly moq: string;
	/** "Ann · 30 Nov". */
	readonly savedBy: string;
	readonly shop: string;
}

/** "Ann · 30 Nov" from "saved by Ann · 30 Nov": the leading words become the column's header. */
function savedByValue(text: string, language: Language): string {
	const [lead = ""] = shortlistTexts(language).savedBy("\u0000", "\u0000").split("\u0000");
	return lead !== "" && text.startsWith(lead) ? text.slice(lead.length) : text;
}

function rowOf(entry: ShortlistEntry, language: Language): SavedRow {
	const texts = shortlistTexts(language);
	const labels = labelsFor(language);
	return {
		position: String(entry.position),
		title: clean(entry.title),
		// "¥12.50 when saved" is "¥12.50" under "Price when saved"; "Price on request" stays as it is.
		price: clean(valueIn(texts.priceWhenSaved, entry.price) ?? entry.price),
		moq: entry.moq === null ? "" : clean(valueIn(labels.moq, entry.moq) ?? entry.moq),
		savedBy: clean(savedByValue(entry.savedBy, language)),
		shop: clean(entry.shop ?? ""),
	};
}

const position: Column<SavedRow> = { head: "#", cell: (r) => r.position };
const title: Column<SavedRow> = { head: "Title", cell: (r) => r.title, flexible: true };
const price: Column<SavedRow> = { head: "Price when saved", cell: (r) => r.price, cap: 16 };
const savedBy: Column<SavedRow> = { head: "Saved by", cell: (r) => r.savedBy, cap: 28 };

// Who saved a card and what it cost then are what a shortlist is read for: they stay while columns go.
const LAYOUTS: readonly Layout<SavedRow>[] = [
	{
		columns: [
			position,
			title,
			price,
			{ head: "MOQ", cell: (r) => r.moq, cap: 10 },
			savedBy,
			{ head: "Shop", cell: (r) => r.shop, cap: 24 },
		],
		minTitle: 30,
	},
	{
		columns: [
			position,
			title,
			{ head: "Price when saved (MOQ)", cell: (r) => (r.moq ? `${r.price} (${r.moq})` : r.price), cap: 24 },
			savedBy,
		],
		minTitle: 20,
	},
	{ columns: [position, title, price, { ...savedBy, cap: 18 }], minTitle: 12 },
	{ columns: [position, title, price], minTitle: 1 },
];

/**
 * Saved cards as a terminal table no wider than `width`, with the same fitting as the results table:
 * price when saved, MOQ, who saved it and when, and the shop, merging and dropping columns as it narrows.
 * The entries' texts are in `language`, the shortlist's (English unless the runtime was told otherwise).
 */
export function shortlistTable(
	entries: readonly ShortlistEntry[],
	width = terminalWidth(),
	language: Language = "en",
): string {
	return fitTable(
		LAYOUTS,
		entries.map((entry) => rowOf(entry, language)),
		width,
	);
}
