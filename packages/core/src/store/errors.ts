import { CatbotError } from "../errors.js";
/** Why a durable store call failed; stable, so callers and tests branch on it rather than on text. */
export type StoreErrorCode =
	/** The input broke a bound of the store's schema (a caller bug, or an unchecked user value). */
	| "invalid"
	/** The database could not be reached or stayed busy; trying again later may work. */
	| "unavailable"
	/** The schema could not be brought to the current version at start. */
	| "migration"
	/** The store was used after close(). */
	| "closed"
	/** The database refused or failed a statement for another reason. */
	| "failed";

const MESSAGES: Record<StoreErrorCode, string> = {
	invalid: "That entry cannot be stored.",
	unavailable: "Saved data is unavailable right now. Please try again later.",
	migration: "The saved data could not be prepared for this version of catbot.",
	closed: "Saved data is unavailable while catbot shuts down.",
	failed: "Saved data could not be read or written. Please try again later.",
};

/**
 * A durable store failure. The message is safe to show a user and to log: it never quotes a statement, a
 * row or the connection string (which may hold a password); the database's own error stays in `cause`.
 *
 * @example
 * try { await store.shortlist.save(place, card); }
 * catch (error) { if (error instanceof StoreError && error.code === "unavailable") reply(error.message); }
 */
export class StoreError extends CatbotError<StoreErrorCode> {
	/** What went wrong in words for developers, still without secrets, e.g. which field broke its bound. */
	readonly detail: string | undefined;
	constructor(code: StoreErrorCode, options: { detail?: string; cause?: unknown } = {}) {
		super(code, MESSAGES[code], options.cause === undefined ? {} : { cause: options.cause });
		this.detail = options.detail;
	}
}

/** True for a {@link StoreError}, also across copies of this module. */
export function isStoreError(error: unknown): error is StoreError {
	return error instanceof Error && error.name === "StoreError" && "code" in error;
}
