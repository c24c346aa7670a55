import * as v from "valibot";
import { parseStoreInput, StoredItemIdSchema } from "./inputs.js";
import { type Place, PlaceSchema } from "./place.js";
import { type SavedCard, SavedCardSchema } from "./savedCard.js";
import { SHORTLIST_MAX_DEFAULT, ShortlistPageRequestSchema, type ShortlistStore } from "./shortlist.js";

/** Options of {@link createMemoryShortlistStore}. */
export interface MemoryShortlistOptions {
	/** Cards per place (SHORTLIST_MAX), 1..100000. Default 500. */
	readonly max?: number;
}

const MaxSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000));

interface Entry {
	readonly card: SavedCard;
	/** Insertion order: of two cards saved in the same millisecond, the later one is newer. */
	readonly seq: number;
}

/**
 * A {@link ShortlistStore} in this process's memory, for tests, the terminal demo and library users
 * without a database. It keeps the SQL store's rules: one entry per product per place (the first save
 * wins), newest save first, at most `max` cards per place, every input checked against the same schemas.
 * Gone when the process ends.
 *
 * @example
 * const store = createMemoryShortlistStore({ max: 50 });
 * await store.save({ platform: "cli", id: "local" }, card);
 */
export function createMemoryShortlistStore(options: MemoryShortlistOptions = {}): ShortlistStore {
	const max = parseStoreInput(MaxSchema, options.max ?? SHORTLIST_MAX_DEFAULT, "max");
	const places = new Map<string, Map<string, Entry>>();
	let seq = 0;

	const keyOf = (input: unknown): string => {
		const place: Place = parseStoreInput(PlaceSchema, input, "place");
		return `${place.platform}\u0000${place.id}`;
	};
	// Parsing gives fresh objects, and so does this: what callers hold never changes what is stored.
	const copy = (card: SavedCard): SavedCard => ({ ...card, savedBy: { ...card.savedBy } });
	const newestFirst = (cards: Map<string, Entry>) =>
		[...cards.values()].sort((a, b) => b.card.savedAt - a.card.savedAt || b.seq - a.seq);

	return {
		async save(placeInput, cardInput) {
			const key = keyOf(placeInput);
			const card = parseStoreInput(SavedCardSchema, cardInput, "saved card");
			const cards = places.get(key) ?? new Map<string, Entry>();
			const existing = cards.get(card.itemId);
			if (existing) return { status: "exists", card: copy(existing.card), total: cards.size };
			if (cards.size >= max) return { status: "full", limit: max, total: cards.size };
			seq += 1;
			cards.set(card.itemId, { card, seq });
			places.set(key, cards);
			return { status: "saved", card: copy(card), total: cards.size };
		},
		async list(placeInput, pageInput) {
			const key = keyOf(placeInput);
			const { offset, limit } = parseStoreInput(ShortlistPageRequestSchema, pageInput, "page");
			const cards = places.get(key);
			if (!cards) return { cards: [], total: 0, offset, limit };
			const page = newestFirst(cards).slice(offset, offset + limit);
			return { cards: page.map((entry) => copy(entry.card)), total: cards.size, offset, limit };
		},
		async get(placeInput, itemIdInput) {
			const key = keyOf(placeInput);
			const entry = places.get(key)?.get(parseStoreInput(StoredItemIdSchema, itemIdInput, "item id"));
			return entry ? copy(entry.card) : undefined;
		},
		async remove(placeInput, itemIdInput) {
			const key = keyOf(placeInput);
			const itemId = parseStoreInput(StoredItemIdSchema, itemIdInput, "item id");
			const cards = places.get(key);
			const entry = cards?.get(itemId);
			if (!cards || !entry) return undefined;
			cards.delete(itemId);
			if (cards.size === 0) places.delete(key);
			return copy(entry.card);
		},
	};
}
