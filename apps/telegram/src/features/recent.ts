import { type CatalogQuery, formatInlineQuery } from "@catbot/core";
import { LRUCache } from "lru-cache";

/** One query a user looked at, as inline help lists it. */
export interface RecentQuery {
	/** What to type after the bot's name to see it again: "1031910 sort:sales", "search summer dress". */
	readonly text: string;
	/** Its header: the category's name or "Search: summer dress". */
	readonly title: string;
}

/** The last queries each user looked at, for inline help; kept in memory only, lost on restart. */
export interface RecentQueries {
	/** Puts a query first in the user's list, once. */
	remember(userId: number, query: CatalogQuery, title: string): void;
	/** The user's queries, newest first. */
	of(userId: number): readonly RecentQuery[];
}

/** Bounds of {@link createRecentQueries}. */
export interface RecentLimits {
	readonly perUser: number;
	readonly users: number;
}

export const RECENT_LIMITS: RecentLimits = { perUser: 5, users: 10_000 };

/** Titles come from the upstream; a bound keeps one odd name from making the help article long. */
const TITLE_MAX = 80;

/**
 * A bounded memory of each user's recent queries: `perUser` per user, and the `users` who looked most
 * recently, so memory stays small however many people use the bot.
 */
export function createRecentQueries(limits: RecentLimits = RECENT_LIMITS): RecentQueries {
	const users = new LRUCache<number, readonly RecentQuery[]>({ max: limits.users });
	return {
		remember(userId, query, title) {
			const text = formatInlineQuery(query);
			const entry = { text, title: title.slice(0, TITLE_MAX) };
			const kept = (users.get(userId) ?? []).filter((recent) => recent.text !== text);
			users.set(userId, [entry, ...kept].slice(0, limits.perUser));
		},
		of: (userId) => users.get(userId) ?? [],
	};
}
