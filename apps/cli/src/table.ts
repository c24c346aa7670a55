import { type Language, labelsFor, type ProductCard } from "@catbot/core";
import Table from "cli-table3";
import { clean } from "./text.js";

/** Terminal width when it cannot be asked (piped output without COLUMNS), as most tools assume. */
const FALLBACK_COLUMNS = 80;

/**
 * How wide a table may be: the terminal's width, else COLUMNS (what shells export and what a script can
 * set), else 80.
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
	if (stream.isTTY && stream.columns !== undefined && stream.columns > 0) return stream.columns;
	const fromEnv = Number(process.env.COLUMNS);
	return Number.isInteger(fromEnv) && fromEnv >= 20 && fromEnv <= 1000 ? fromEnv : FALLBACK_COLUMNS;
}

/** One card's values, without the words that say what they are: those go in the header. */
interface Row {
	readonly position: string;
	readonly title: string;
	readonly price: string;
	readonly moq: string;
	readonly sold: string;
	readonly shop: string;
}

/** One column of a table of rows of type R. */
export interface Column<R> {
	readonly head: string;
	readonly cell: (row: R) => string;
	/** Widest the cell text may be before it is cut with an ellipsis. */
	readonly cap?: number;
	/** The title takes whatever width the other columns leave. */
	readonly flexible?: boolean;
}

/** A layout: its columns (one of them flexible, the title), and the narrowest title worth showing in it. */
export interface Layout<R> {
	readonly columns: readonly Column<R>[];
	readonly minTitle: number;
}

/**
 * The value inside a label built by `template`, e.g. "3" from "Мин. заказ 3". The labels come from the
 * same functions the engine used, so the words around the value are known exactly.
 */
export function valueIn(template: (value: string) => string, text: string): string | undefined {
	const [before = "", after = ""] = template("\u0000").split("\u0000");
	if (text.length < before.length + after.length) return undefined;
	if (!text.startsWith(before) || !text.endsWith(after)) return undefined;
	return text.slice(before.length, text.length - after.length).trim();
}

function rowsOf(cards: readonly ProductCard[], language: Language) {
	const labels = labelsFor(language);
	const windows = new Set<string>();
	const sold = cards.map((card) => {
		if (card.sales === null) return { value: "", window: undefined };
		const in90d = valueIn(labels.sold90d, card.sales);
		if (in90d !== undefined) return { value: in90d, window: "90d" };
		const total = valueIn(labels.soldTotal, card.sales);
		return { value: total ?? card.sales, window: total === undefined ? "other" : "total" };
	});
	for (const { window } of sold) if (window) windows.add(window);
	// One unit for the whole column when every card shares it; else each cell says its own.
	const only90d = windows.size === 1 && windows.has("90d");
	const rows: Row[] = cards.map((card, i) => {
		const s = sold[i] ?? { value: "", window: undefined };
		return {
			position: String(card.position),
			title: clean(card.title),
			price: clean(card.price),
			moq: card.moq === null ? "" : clean(valueIn(labels.moq, card.moq) ?? card.moq),
			sold: clean(!only90d && s.window === "90d" ? `${s.value} (90 days)` : s.value),
			shop: clean(card.shop ?? ""),
		};
	});
	return { rows, soldHead: only90d ? "Sold in 90 days" : "Sold" };
}

function layouts(soldHead: string): Layout<Row>[] {
	const position: Column<Row> = { head: "#", cell: (r) => r.position };
	const title: Column<Row> = { head: "Title", cell: (r) => r.title, flexible: true };
	const priceMoq: Column<Row> = {
		head: "Price (MOQ)",
		cell: (r) => (r.moq ? `${r.price} (${r.moq})` : r.price),
		cap: 22,
	};
	const soldOnly: Column<Row> = { head: soldHead, cell: (r) => r.sold, cap: 16 };
	return [
		{
			columns: [
				position,
				title,
				{ head: "Price", cell: (r) => r.price, cap: 16 },
				{ head: "MOQ", cell: (r) => r.moq, cap: 10 },
				soldOnly,
				{ head: "Shop", cell: (r) => r.shop, cap: 24 },
			],
			minTitle: 36,
		},
		{
			columns: [
				position,
				title,
				priceMoq,
				{
					head: `${soldHead} · Shop`,
					cell: (r) => [r.sold, r.shop].filter(Boolean).join(" · "),
					cap: 26,
				},
			],
			minTitle: 24,
		},
		{ columns: [position, title, priceMoq, soldOnly], minTitle: 16 },
		{ columns: [position, title, priceMoq], minTitle: 1 },
	];
}

const STYLE = { head: [], border: [], compact: true };

function render<R>(layout: Layout<R>, rows: readonly R[], colWidths: (number | null)[]): Table.Table {
	const table = new Table({
		head: layout.columns.map((c) => c.head),
		colWidths,
		wordWrap: false,
		style: STYLE,
	});
	for (const row of rows) table.push(layout.columns.map((c) => c.cell(row)));
	return table;
}

/**
 * Fits a layout into `width` columns, or says it cannot with a readable title. cli-table3 measures
 * display width (a Chinese character is two columns), so one probe render tells each column's natural
 * width; the fixed columns keep theirs (up to their cap) and the title gets the rest.
 */
function fit<R>(layout: Layout<R>, rows: readonly R[], width: number): string | undefined {
	const probe = render(
		layout,
		rows,
		layout.columns.map(() => null),
	);
	probe.toString();
	const natural = probe.options.colWidths.map((w) => w ?? 0);
	const padding = 2;
	const widths = layout.columns.map((column, i) =>
		column.flexible ? 0 : Math.min(natural[i] ?? 0, (column.cap ?? Number.POSITIVE_INFINITY) + padding),
	);
	const borders = layout.columns.length + 1;
	const room = width - borders - widths.reduce((sum, w) => sum + w, 0);
	const titleIndex = layout.columns.findIndex((c) => c.flexible);
	if (room < layout.minTitle + padding) return undefined;
	widths[titleIndex] = Math.min(room, natural[titleIndex] ?? room);
	return render(layout, rows, widths).toString();
}

/**
 * Cards as a terminal table no wider than `width`: all columns when there is room, else price with MOQ
 * and sales with shop merged, then fewer columns. Units ("MOQ", "Sold in 90 days") are in the header,
 * so cells hold only values, in any language.
 */
export function cardsTable(
	cards: readonly ProductCard[],
	language: Language,
	width = terminalWidth(),
): string {
	const { rows, soldHead } = rowsOf(cards, language);
	return fitTable(layouts(soldHead), rows, width);
}

/**
 * Rows in the first of `layouts` (widest first) that fits `width` with a readable title; when none does,
 * the last one at its natural width, as a terminal would wrap it.
 */
export function fitTable<R>(layouts: readonly Layout<R>[], rows: readonly R[], width: number): string {
	for (const layout of layouts) {
		const text = fit(layout, rows, width);
		if (text !== undefined) return text;
	}
	const narrowest = layouts.at(-1);
	if (!narrowest) throw new TypeError("fitTable: no layout");
	return render(
		narrowest,
		rows,
		narrowest.columns.map(() => null),
	).toString();
}

/** One card in full, for "open card k". */
export function cardDetails(card: ProductCard): string {
	const line = (parts: readonly (string | null)[]) => clean(parts.filter(Boolean).join(" · "));
	return [
		`#${card.position} ${clean(card.title)}`,
		`  ${clean(card.url)}`,
		`  ${line([card.originalPrice ? `${card.price} (was ${card.originalPrice})` : card.price, card.moq])}`,
		card.sales || card.repurchase ? `  ${line([card.sales, card.repurchase])}` : "",
		card.shop
			? `  ${line([card.shop, ...card.badges])}${card.shopUrl ? ` (${clean(card.shopUrl)})` : ""}`
			: "",
		card.shipping ? `  ${clean(card.shipping)}` : "",
		card.imageUrl ? `  Image: ${clean(card.imageUrl)}` : "",
	]
		.filter(Boolean)
		.join("\n");
}
