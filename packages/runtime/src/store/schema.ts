import type { Generated, Kysely } from "kysely";

/**
 * The tables as Kysely sees them. Times are integer milliseconds since the epoch (`bigint` columns, read
 * back as numbers on both databases), so the same SQL runs on SQLite and PostgreSQL.
 */
export interface StoreDatabase {
	/** One row per place that ever saved or watched; its row is the place's lock for limit checks. */
	place: PlaceTable;
	shortlist_card: ShortlistCardTable;
	watch: WatchTable;
	watch_seen: WatchSeenTable;
}

export interface PlaceTable {
	platform: string;
	place_id: string;
	created_at: number;
}

export interface ShortlistCardTable {
	id: Generated<number>;
	platform: string;
	place_id: string;
	item_id: string;
	title: string;
	image_url: string | null;
	product_url: string;
	price: number | null;
	currency: string;
	moq: number | null;
	shop_name: string | null;
	shop_url: string | null;
	/** Null for a card saved from a search whose item named no category (schema version 3 on). */
	category_id: number | null;
	category_name: string | null;
	command: string;
	saved_by_id: string;
	saved_by_name: string | null;
	saved_at: number;
}

export interface WatchTable {
	id: Generated<number>;
	platform: string;
	place_id: string;
	query_key: string;
	command: string;
	interval_hours: number;
	created_by: string;
	created_at: number;
	next_run_at: number;
	/** Bumped by every claim; a result is recorded only with the claim it was run under. */
	claim: Generated<number>;
	last_run_at: number | null;
	last_status: string | null;
	last_message: string | null;
	last_new_items: number | null;
	failures: Generated<number>;
	paused_reason: string | null;
	/** 1 while the place is paused (the bot was removed from the chat). */
	place_paused: Generated<number>;
}

export interface WatchSeenTable {
	watch_id: number;
	item_id: string;
	seen_at: number;
}

/** Which database a store runs on. */
export type StoreKind = "sqlite" | "postgres";

/** A Kysely instance over the store's tables. */
export type StoreDb = Kysely<StoreDatabase>;
