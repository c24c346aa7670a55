import { viewPageCount } from "../catalog/slice.js";
import { labelsFor } from "../i18n/labels.js";
import type { Language } from "../query/schema.js";
import type { Place } from "../store/place.js";
import type { SaveResult, ShortlistPage } from "../store/shortlist.js";
import { count, fullDate, shownName, toEntry } from "./entries.js";
import { SHORTLIST_PAGE_SIZE } from "./limits.js";
import { shortlistTexts } from "./texts.js";
import type { SaveView, ShortlistView } from "./types.js";

/** What a view needs to know besides the data: the texts' language, the clock and SHORTLIST_MAX. */
export interface ViewSettings {
	readonly language: Language;
	readonly now: number;
	readonly max: number;
}

/** The answer to a save, in words. */
export function saveView(place: Place, itemId: string, result: SaveResult, settings: ViewSettings): SaveView {
	const { language, max } = settings;
	const texts = shortlistTexts(language);
	switch (result.status) {
		case "saved":
			return {
				status: "saved",
				text: texts.saved(texts.places[place.platform], count(result.total, language), count(max, language)),
				itemId,
				card: result.card,
				total: result.total,
				max,
			};
		case "exists":
			return {
				status: "exists",
				text: texts.exists(shownName(result.card.savedBy.name), fullDate(result.card.savedAt, language)),
				itemId,
				card: result.card,
				total: result.total,
				max,
			};
		case "full":
			return {
				status: "full",
				text: texts.full(count(result.limit, language)),
				itemId,
				card: null,
				total: result.total,
				max: result.limit,
			};
	}
}

/** One page of the list, with the page numbers its buttons lead to. */
export function listView(
	place: Place,
	page: number,
	read: ShortlistPage,
	settings: ViewSettings,
): ShortlistView {
	const { language, now, max } = settings;
	const texts = shortlistTexts(language);
	const labels = labelsFor(language);
	const totalPages = viewPageCount(read.total, SHORTLIST_PAGE_SIZE);
	const entries = read.cards.map((card, i) => toEntry(card, read.offset + i + 1, language, now));
	return {
		place,
		heading: texts.heading(texts.places[place.platform]),
		total: read.total,
		max,
		page,
		totalPages,
		pageLabel: labels.pageOf(page, totalPages),
		entries,
		emptyText: read.total === 0 ? texts.empty : null,
		targets: {
			...(page > 1 ? { first: 1, previous: page - 1 } : {}),
			...(page < totalPages ? { next: page + 1, last: totalPages } : {}),
		},
		buttons: texts.buttons,
	};
}

/** "catbot-shortlist-2026-11-30.csv": the UTC date, ASCII only. */
export function shortlistFileName(now: number): string {
	return `catbot-shortlist-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
