import type { Actor } from "../access/actor.js";
import type { CatalogQuery } from "../query/searchSchema.js";
import type { CategoryRef, Product } from "../tmapi/product.js";
import type { InlineRequest, InlineView } from "./inline.js";
import type { BrowseView, CatalogOutcome, ExportView, Refusal, ResultView } from "./outcome.js";

/** What a user asked for: typed command text, structured options (Discord), or a button's token. */
export type CatalogInput =
	| { readonly text: string }
	| { readonly options: unknown }
	| {
			readonly token: string;
			/**
			 * The text of the message the button is on, if the platform gives it. Only read when a search's
			 * keyword has expired: its canonical command, checked against the token, goes in the answer.
			 */
			readonly shown?: string | undefined;
	  };

/** An input checked without any limit or call: the query it asks for, or why it cannot be served. */
export type Resolved = { ok: true; query: CatalogQuery } | { ok: false; refusal: Refusal };

/** Per-call hooks of {@link Catalog.show}. */
export interface ShowHooks {
	/**
	 * Called once the request is admitted and valid but needs a paid upstream call, before that call: the
	 * moment to acknowledge the user (Telegram: answer the button and show "typing"; Discord: defer).
	 * A failing hook is logged and ignored.
	 */
	readonly onSlow?: () => unknown;
}

/** Which card {@link Catalog.pick} is asked for: a chat page's signed token and a card's position on it. */
export interface PickRequest {
	/** The page token of the chat page the card was shown on (`ResultView.tokens.current`). */
	readonly token: string;
	/** The card's 1-based position in the whole result, as on the card (`ProductCard.position`). */
	readonly position: number;
	/** The text of the message the button is on; see the token input of {@link CatalogInput}. */
	readonly shown?: string | undefined;
}

/** The product behind one card, with what it was shown for: enough to save a snapshot of it. */
export interface PickedCard {
	/** The page's query, from its token. */
	readonly query: CatalogQuery;
	readonly product: Product;
	/** The category's name in the query's language when this process or the cache knows it, else null. */
	readonly categoryName: string | null;
	/** True when the page came from the cache, with no paid call. */
	readonly fromCache: boolean;
}

/** The first upstream page of a query, as {@link Catalog.firstPage} reads it. */
export interface FirstPage {
	/** The page's products in the upstream order: position i + 1 in the whole result. */
	readonly products: readonly Product[];
	/** True when the page came from the cache, with no paid call. */
	readonly fromCache: boolean;
	/** When the page was fetched from upstream (epoch ms). */
	readonly fetchedAt: number;
}

/** What {@link Catalog.export} is asked for beyond the query. */
export interface ExportRequest {
	/** Upstream pages to read; else the `pages:N` of an /export command, else 3. Bounded by the deployment. */
	readonly pages?: number;
	/** Told after each page read, with a status line in the query's language. */
	readonly onProgress?: (done: number, total: number, text: string) => unknown;
}

/**
 * The engine every adapter calls: it checks access, parses or verifies the request, counts it against the
 * user's rate limit (only once it is valid), serves chat pages out of cached upstream pages (one paid call
 * serves several page turns), coalesces identical requests, keeps within the daily budgets, and answers
 * with a platform-neutral view or a refusal with a message to show. It never throws for bad input or
 * upstream trouble.
 *
 * @example
 * const outcome = await catalog.show({ platform: "telegram", userId: "42", placeId: "-100123" }, { text: "/category 1031910 sort:sales" });
 * if (outcome.ok) render(outcome.view); else reply(outcome.refusal.message);
 */
export interface Catalog {
	/**
	 * Parses or verifies an input without any limit or paid call, e.g. to decide whether to defer. A
	 * search's button reads its keyword from the cache store, hence the promise.
	 */
	resolve(input: CatalogInput): Promise<Resolved>;

	/** Whether every upstream page a query needs is in the cache now (no paid call, no limit). */
	isCached(query: CatalogQuery): Promise<boolean>;

	/**
	 * Answers a category request with one chat page, or a refusal. A page past the last one a cached
	 * upstream page told of is refused with a token for the last page, without a paid call.
	 */
	show(actor: Actor, input: CatalogInput, hooks?: ShowHooks): Promise<CatalogOutcome<ResultView>>;

	/**
	 * Reads up to `pages` upstream pages of a query (bounded by the deployment's `maxExportPages`) for a
	 * file export, starting where the query's chat page starts. Cached pages are free; the rest are paid
	 * from the user's budget. One action against the rate limit, however many pages. A failure after the
	 * first page ends the export early with what was read.
	 */
	export(actor: Actor, input: CatalogInput, request?: ExportRequest): Promise<CatalogOutcome<ExportView>>;

	/**
	 * One answer of Telegram's inline mode: the upstream page the offset names ("" for the first) of the
	 * query typed after the bot's name (/category or /search grammar, "search ..." for a search). Counted
	 * and paid like a chat page, through the same cache; bad text or a forged offset costs nothing.
	 */
	inline(actor: Actor, request: InlineRequest): Promise<CatalogOutcome<InlineView>>;

	/**
	 * The product of one card of a chat page, e.g. to save it: verifies the page token, checks access,
	 * counts one action (a forged token or a position not on the page counts nothing), and reads the page
	 * through the same cache as {@link show}, paying only when it is no longer cached. A position that is
	 * not on the page is an "invalid" refusal.
	 */
	pick(actor: Actor, request: PickRequest, hooks?: ShowHooks): Promise<CatalogOutcome<PickedCard>>;

	/**
	 * Upstream page 1 of a query (its `page` and `pageSize` are ignored) through the same cache, coalescing
	 * and budgets as {@link show}: free while cached, else one paid call charged to `budgetKey` and the
	 * deployment. For jobs with no user behind them (watches): no access check, no rate limit, no log line.
	 *
	 * @throws BudgetExceededError when a budget refuses the paid call; TmapiError when the upstream fails.
	 */
	firstPage(budgetKey: string, query: CatalogQuery): Promise<FirstPage>;

	/** One level of the category tree: the top level without an id, else a category and its children. */
	browse(actor: Actor, catId?: number): Promise<CatalogOutcome<BrowseView>>;

	/** Categories already known to this process that match `text`, for autocomplete; never a paid call. */
	suggestCategories(text: string, limit?: number): CategoryRef[];

	/**
	 * A signed token for a query, for adapters that build their own buttons (e.g. share).
	 *
	 * @throws TypeError when the query does not pass the schema.
	 */
	tokenFor(query: CatalogQuery): string;
}
