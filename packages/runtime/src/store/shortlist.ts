import {
	type Place,
	PlaceSchema,
	parseStoreInput,
	type SavedCard,
	SavedCardSchema,
	type SaveResult,
	ShortlistPageRequestSchema,
	type ShortlistStore,
	StoredItemIdSchema,
} from "@catbot/core";
import type { Selectable } from "kysely";
import { lockPlace, type StoreContext } from "./context.js";
import type { ShortlistCardTable, StoreDb } from "./schema.js";

type CardRow = Selectable<ShortlistCardTable>;

function toCard(row: CardRow): SavedCard {
	return {
		itemId: row.item_id,
		title: row.title,
		imageUrl: row.image_url,
		productUrl: row.product_url,
		price: row.price,
		currency: row.currency,
		moq: row.moq,
		shopName: row.shop_name,
		shopUrl: row.shop_url,
		categoryId: row.category_id,
		categoryName: row.category_name,
		command: row.command,
		savedBy: { userId: row.saved_by_id, name: row.saved_by_name },
		savedAt: row.saved_at,
	};
}

function toRow(place: Place, card: SavedCard): Omit<CardRow, "id"> {
	return {
		platform: place.platform,
		place_id: place.id,
		item_id: card.itemId,
		title: card.title,
		image_url: card.imageUrl,
		product_url: card.productUrl,
		price: card.price,
		currency: card.currency,
		moq: card.moq,
		shop_name: card.shopName,
		shop_url: card.shopUrl,
		category_id: card.categoryId,
		category_name: card.categoryName,
		command: card.command,
		saved_by_id: card.savedBy.userId,
		saved_by_name: card.savedBy.name,
		saved_at: card.savedAt,
	};
}

function cardsOf(db: StoreDb, place: Place) {
	return db
		.selectFrom("shortlist_card")
		.where((eb) => eb.and({ platform: place.platform, place_id: place.id }));
}

async function countCards(db: StoreDb, place: Place): Promise<number> {
	const row = await cardsOf(db, place)
		.select((eb) => eb.fn.countAll<number>().as("total"))
		.executeTakeFirstOrThrow();
	return Number(row.total);
}

/** Options of {@link createSqlShortlistStore}. */
export interface SqlShortlistOptions {
	/** Cards per place (SHORTLIST_MAX). */
	readonly maxPerPlace: number;
}

/** The shortlist on the store's SQL tables; the same statements run on SQLite and PostgreSQL. */
export function createSqlShortlistStore(context: StoreContext, options: SqlShortlistOptions): ShortlistStore {
	const { maxPerPlace } = options;
	return {
		async save(placeInput, cardInput) {
			const place = parseStoreInput(PlaceSchema, placeInput, "place");
			const card = parseStoreInput(SavedCardSchema, cardInput, "saved card");
			return context.run((db) =>
				db.transaction().execute(async (trx): Promise<SaveResult> => {
					await lockPlace(trx, place, card.savedAt);
					const existing = await cardsOf(trx, place)
						.selectAll()
						.where("item_id", "=", card.itemId)
						.executeTakeFirst();
					const total = await countCards(trx, place);
					if (existing) return { status: "exists", card: toCard(existing), total };
					if (total >= maxPerPlace) return { status: "full", limit: maxPerPlace, total };
					await trx.insertInto("shortlist_card").values(toRow(place, card)).execute();
					return { status: "saved", card, total: total + 1 };
				}),
			);
		},

		async list(placeInput, pageInput) {
			const place = parseStoreInput(PlaceSchema, placeInput, "place");
			const { offset, limit } = parseStoreInput(ShortlistPageRequestSchema, pageInput, "page");
			return context.run(async (db) => {
				// The total rides on the page's rows, so both come from one statement (one snapshot).
				const rows = await cardsOf(db, place)
					.selectAll()
					.select((eb) => eb.fn.countAll<number>().over().as("total"))
					.orderBy("saved_at", "desc")
					.orderBy("id", "desc")
					.limit(limit)
					.offset(offset)
					.execute();
				const first = rows[0];
				const total = first ? Number(first.total) : offset === 0 ? 0 : await countCards(db, place);
				return { cards: rows.map(toCard), total, offset, limit };
			});
		},

		async get(placeInput, itemIdInput) {
			const place = parseStoreInput(PlaceSchema, placeInput, "place");
			const itemId = parseStoreInput(StoredItemIdSchema, itemIdInput, "item id");
			return context.run(async (db) => {
				const row = await cardsOf(db, place).selectAll().where("item_id", "=", itemId).executeTakeFirst();
				return row ? toCard(row) : undefined;
			});
		},

		async remove(placeInput, itemIdInput) {
			const place = parseStoreInput(PlaceSchema, placeInput, "place");
			const itemId = parseStoreInput(StoredItemIdSchema, itemIdInput, "item id");
			return context.run(async (db) => {
				const row = await db
					.deleteFrom("shortlist_card")
					.where((eb) => eb.and({ platform: place.platform, place_id: place.id, item_id: itemId }))
					.returningAll()
					.executeTakeFirst();
				return row ? toCard(row) : undefined;
			});
		},
	};
}
