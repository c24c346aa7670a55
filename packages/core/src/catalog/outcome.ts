import type { CatalogQuery, SearchApi } from "../query/searchSchema.js";
import type { CategoryRef, Product } from "../tmapi/product.js";
import type { ProductCard } from "./cards.js";
import type { CategorySuggestion } from "./suggestions.js";

/** A page of results, ready for any adapter to render. */
export interface ResultView {
	readonly query: CatalogQuery;
	/** Canonical command text, e.g. "/category 1031910 sort:sales", for teammates to copy. */
	readonly command: string;
	/**
	 * The header: the category's name ("Category 1031910" while unknown) or "Search: summer dress", in the
	 * query's language.
	 */
	readonly title: string;
	/** The category shown; null for a search. */
	readonly category: {
		readonly id: number;
		/** In the query's language where the upstream has it (Chinese or English), else null. */
		readonly name: string | null;
		readonly path: readonly string[];
	} | null;
	/** The search shown; null for a category. */
	readonly search: { readonly keyword: string; readonly api: SearchApi } | null;
	/** For a search: up to three categories its products belong to, as "Browse: <name>" buttons. */
	readonly suggestions: readonly CategorySuggestion[];
	/** Sort and filters as one short line in the query's language. */
	readonly summary: string;
	readonly page: number;
	/** Known for v2 (from total_count); null for v1, which only says whether there is a next page. */
	readonly totalPages: number | null;
	/** "Page 2 of 28" or "Page 2". */
	readonly pageLabel: string;
	readonly cards: readonly ProductCard[];
	/** Shown instead of cards when there are none. */
	readonly emptyText: string | null;
	/** Signed page tokens for buttons; absent where there is no such page. */
	readonly tokens: {
		readonly current: string;
		readonly first?: string;
		readonly previous?: string;
		readonly next?: string;
		readonly last?: string;
	};
	/** The same query re-sorted, page 1 (v2 only, empty for v1). */
	readonly sortTokens: Readonly<Partial<Record<CatalogQuery["sort"], string>>>;
	/** Button labels for every sort in the query's language ("🔥 Best selling"), for `sortTokens`. */
	readonly sortLabels: Readonly<Record<CatalogQuery["sort"], string>>;
	readonly fromCache: boolean;
	/** When the oldest upstream page shown was fetched (epoch ms), and its age as text. */
	readonly fetchedAt: number;
	readonly freshness: string;
}

/** Why the engine did not produce a page. Every variant carries a message fit to show the user. */
export type Refusal =
	| { readonly kind: "invalid"; readonly problems: readonly string[]; readonly message: string }
	| { readonly kind: "bad-token"; readonly message: string }
	| {
			/** A search button whose keyword is no longer stored: the search must be typed again. */
			readonly kind: "expired";
			/** The search's options as a command, with `<keyword>` where the keyword goes. */
			readonly command: string;
			readonly message: string;
	  }
	| { readonly kind: "forbidden"; readonly message: string }
	| {
			readonly kind: "rate-limited";
			readonly retryAfterSec: number;
			/** False for repeated refusals within one window: acknowledge quietly. */
			readonly notify: boolean;
			readonly message: string;
	  }
	| {
			readonly kind: "budget";
			readonly scope: "user" | "deployment";
			readonly retryAfterSec: number;
			readonly message: string;
	  }
	| {
			/** A page past the last one known (from a cached upstream page), answered without a paid call. */
			readonly kind: "no-such-page";
			readonly page: number;
			readonly lastPage: number;
			/** Opens the last page; label it with `lastPageLabel`. */
			readonly lastPageToken: string;
			readonly lastPageLabel: string;
			readonly message: string;
	  }
	| {
			readonly kind: "upstream";
			readonly code: number | string;
			readonly retryable: boolean;
			readonly message: string;
	  };

/** The engine's answer: a page, or a refusal. */
export type CatalogOutcome<T> =
	| { readonly ok: true; readonly view: T }
	| { readonly ok: false; readonly refusal: Refusal };

/** One level of the category browser. */
export interface BrowseView {
	/** Null at the top level. */
	readonly category: CategoryRef | null;
	readonly path: readonly CategoryRef[];
	readonly children: readonly CategoryRef[];
	/** A token for page 1 of this category's items; null at the top level. */
	readonly itemsToken: string | null;
}

/** The products of an export, ready for {@link productsToCsv}. */
export interface ExportView {
	readonly query: CatalogQuery;
	readonly command: string;
	readonly products: readonly Product[];
	readonly pagesRead: number;
	/** Why the export ended before the pages asked for (budget, upstream), if it did. */
	readonly stoppedEarly: Refusal | null;
	/** What to name the file, e.g. "catbot-1031910-sales.csv". */
	readonly fileName: string;
	/** "40 products from 2 page(s)." in the query's language, with why it stopped early if it did. */
	readonly summary: string;
}
