import * as v from "valibot";
import type { CacheStore } from "../cache/store.js";
import { searchIdFor } from "../tokens/pageToken.js";

/** Keywords of searches under their short ids; see {@link createSearchKeywords}. */
export interface SearchKeywords {
	/** Stores (or refreshes) a keyword under its id, for the buttons of a result just shown. */
	remember(keyword: string): Promise<void>;
	/** The keyword stored under an id, or undefined when it expired, was evicted or was never stored. */
	lookup(searchId: string): Promise<string | undefined>;
}

/**
 * How long a search's buttons keep working after the search was last shown. Each page shown refreshes
 * it, so a search in use never expires; an idle one is forgotten after a week.
 */
export const SEARCH_KEYWORD_TTL_MS = 7 * 86_400_000;

const EntrySchema = v.object({ keyword: v.string() });

/**
 * A search's keyword does not fit in a button (Telegram allows 64 bytes of callback data, and a keyword
 * of 60 Chinese characters is 180), so buttons carry a short id and the keyword waits in the cache store
 * (memory, or Redis shared by every process). The id is derived from the keyword with the token secret,
 * so the same search always reuses one entry, any process can read it, and an entry is accepted only if
 * its keyword really has that id: nothing written to the store by someone else can redirect a button.
 */
export function createSearchKeywords(store: CacheStore, secret: string): SearchKeywords {
	const key = (id: string) => `search-keyword:${id}`;
	return {
		async remember(keyword) {
			await store.set(key(searchIdFor(keyword, secret)), JSON.stringify({ keyword }), SEARCH_KEYWORD_TTL_MS);
		},
		async lookup(searchId) {
			const text = await store.get(key(searchId));
			if (text === undefined) return undefined;
			try {
				const { keyword } = v.parse(EntrySchema, JSON.parse(text));
				return searchIdFor(keyword, secret) === searchId ? keyword : undefined;
			} catch {
				return undefined;
			}
		},
	};
}
