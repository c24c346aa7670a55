import type { ShortlistStore } from "./shortlist.js";
import type { WatchStore } from "./watches.js";

/**
 * The one durable store of a bot process: shortlists and watches in one database (SQLite by default,
 * PostgreSQL when several processes share it). The host opens it; core only sees this interface.
 */
export interface DurableStore {
	readonly shortlist: ShortlistStore;
	readonly watches: WatchStore;
	/** Which database holds the data, for logs and /health. */
	readonly kind: "sqlite" | "postgres";
	/** Closes the connections; later calls fail with a StoreError "closed". Safe to call twice. */
	close(): Promise<void>;
}
