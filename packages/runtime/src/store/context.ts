import { type Place, StoreError } from "@catbot/core";
import type { Transaction } from "kysely";
import { toStoreError } from "./errors.js";
import type { StoreDatabase, StoreDb } from "./schema.js";

/** What the SQL stores share: the database, and one wrapper that maps failures and refuses after close. */
export interface StoreContext {
	run<T>(work: (db: StoreDb) => Promise<T>): Promise<T>;
}

/** A context over `db`; `isClosed` is read before every call. */
export function createContext(db: StoreDb, isClosed: () => boolean): StoreContext {
	return {
		async run(work) {
			if (isClosed()) throw new StoreError("closed");
			try {
				return await work(db);
			} catch (error) {
				throw toStoreError(error);
			}
		},
	};
}

/**
 * Creates the place's row if needed and locks it until the transaction ends. Every check-then-insert of
 * a place (the shortlist and watch limits) starts here, so concurrent transactions of one place run one
 * after the other: on PostgreSQL the upsert holds the row lock, on SQLite BEGIN IMMEDIATE already holds
 * the database's write lock. Under READ COMMITTED the counts read after it see what the previous holder
 * committed.
 */
export async function lockPlace(trx: Transaction<StoreDatabase>, place: Place, now: number): Promise<void> {
	await trx
		.insertInto("place")
		.values({ platform: place.platform, place_id: place.id, created_at: now })
		.onConflict((conflict) =>
			conflict
				.columns(["platform", "place_id"])
				.doUpdateSet((eb) => ({ platform: eb.ref("excluded.platform") })),
		)
		.execute();
}
