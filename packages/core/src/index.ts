// @catbot/core: the library every catbot program shares. What is exported here is what the apps, the
// runtime and a library user (see the README's client example) need; everything else stays inside.

// Errors: one family. Each has a stable `code` and a message safe to show a chat user.
export { CatbotError, isCatbotError } from "./errors.js";
export { isStoreError, StoreError } from "./store/errors.js";
export { parseStoreInput, StoredItemIdSchema } from "./store/inputs.js";
export type { TmapiEndpoint, TmapiErrorCode } from "./tmapi/errors.js";
export {
	TmapiApiError,
	TmapiError,
	TmapiNetworkError,
	TmapiSchemaError,
	TmapiTimeoutError,
	TmapiValidationError,
} from "./tmapi/errors.js";

// The TMAPI client and its normalized model (see the README's client example).
export type { TmapiAttemptEvent, TmapiClient, TmapiClientOptions } from "./tmapi/client.js";
export { createTmapiClient } from "./tmapi/client.js";
export type { TmapiAuth } from "./tmapi/transport.js";
export { isHeaderSafeToken, TMAPI_AUTH_MODES } from "./tmapi/transport.js";
export type { PaginateOptions, PaginateQuery } from "./tmapi/paginate.js";
export { hasNextPage, hasPreviousPage, pageCount, paginate } from "./tmapi/paginate.js";
export type { CategoryItemsParams, CategoryItemsV2Params } from "./tmapi/params.js";
export { LANGUAGES } from "./tmapi/params.js";
export type { CategoryInfo, CategoryPage, CategoryRef, Product, SearchPage } from "./tmapi/product.js";
export type { SearchItems } from "./tmapi/searchNormalize.js";
export { SEARCH_TOTAL_COUNT_CAP } from "./tmapi/searchNormalize.js";
export type { GlobalSearchItemsParams, SearchItemsParams } from "./tmapi/searchParams.js";
export { SEARCH_KEYWORD_MAX_LENGTH, SEARCH_MAX_PAGE_SIZE } from "./tmapi/searchParams.js";

// The grammar: commands and Discord options to a query, and back to its canonical command.
export {
	formatCategoryCommand,
	formatCommand,
	formatInlineQuery,
	formatSearchCommand,
} from "./query/format.js";
export { MAX_COMMAND_LENGTH, parseCategoryCommand } from "./query/parse.js";
export type { CatalogQuery, SearchApi, SearchQuery } from "./query/searchSchema.js";
export { isSearchQuery, KEYWORD_MAX_LENGTH, toSearchQuery } from "./query/searchSchema.js";
export { parseSearchCommand } from "./query/searchParse.js";
export type { CategoryQuery, Language } from "./query/schema.js";
export { CATEGORY_ID_MAX, CHAT_PAGE_SIZE_MAX, MAX_RESULT_ITEMS, toCategoryQuery } from "./query/schema.js";

// The catalog engine and the platform-neutral views the adapters render.
export type { Actor } from "./access/actor.js";
export { createAccessPolicy } from "./access/allowList.js";
export type { ProductCard } from "./catalog/cards.js";
export { toCard } from "./catalog/cards.js";
export { categoryName } from "./catalog/categories.js";
export type { Catalog, CatalogInput } from "./catalog/createCatalog.js";
export type { InlineRequest, InlineView } from "./catalog/inline.js";
export type { CategorySuggestion } from "./catalog/suggestions.js";
export { createCatalog } from "./catalog/createCatalog.js";
export type { BrowseView, CatalogOutcome, Refusal, ResultView } from "./catalog/outcome.js";
export { sentence } from "./catalog/refusals.js";
export { badButtonText } from "./catalog/texts.js";
export { productsToCsv, SHORTLIST_CSV_COLUMNS, shortlistToCsv } from "./export/csv.js";
export { labelsFor } from "./i18n/labels.js";
export { truncateText } from "./text/truncate.js";

// What the engine runs on: the cache, the limits, the logger and metrics it reports to. The host (the
// runtime) passes Redis-backed counters and stores, pino and Prometheus.
export { createMemoryStore } from "./cache/memoryStore.js";
export type { CacheStore } from "./cache/store.js";
export { createTieredStore } from "./cache/tieredStore.js";
export type { CounterFactory, CounterSpec } from "./limits/counters.js";
export { createLimits } from "./limits/createLimits.js";
export type { LimitDecision } from "./limits/slidingWindow.js";
export type { Logger } from "./logging/logger.js";
export type { Metrics } from "./metrics/metrics.js";

// The team shortlist: save a card from a results page, list the place's cards, remove one, export CSV.
export { parseShortlistCommand } from "./shortlist/command.js";
export { createShortlist } from "./shortlist/createShortlist.js";
export { SHORTLIST_MAX_LIMIT, SHORTLIST_PAGE_SIZE, SHORTLIST_PAGES_MAX } from "./shortlist/limits.js";
export { shortlistTexts } from "./shortlist/texts.js";
export type { Shortlist, ShortlistEntry, ShortlistExport, ShortlistView } from "./shortlist/types.js";

// Category watches: /watch, /watches, /unwatch, the runs that post new products, and their scheduler.
export { parseWatchCommand, WATCH_POSITION_MAX } from "./watches/command.js";
export { createWatches, WATCH_MIN_HOURS_DEFAULT } from "./watches/createWatches.js";
export { createWatchScheduler } from "./watches/scheduler.js";
export type { Watches, WatchListView, WatchPost } from "./watches/types.js";

// The durable store's contract (shortlists, watches); the runtime implements it on SQLite and PostgreSQL.
export type { DurableStore } from "./store/durableStore.js";
export { createMemoryWatchStore } from "./store/memoryWatches.js";
export type { Place } from "./store/place.js";
export { discordChannelPlace, PlaceSchema } from "./store/place.js";
export type { SavedCard } from "./store/savedCard.js";
export { SAVED_TITLE_MAX, SavedCardSchema } from "./store/savedCard.js";
export type { SaveResult, ShortlistStore } from "./store/shortlist.js";
export { SHORTLIST_MAX_DEFAULT, ShortlistPageRequestSchema } from "./store/shortlist.js";
export type {
	CreateWatchResult,
	NewWatch,
	Watch,
	WatchRef,
	WatchResult,
	WatchStatus,
	WatchStore,
} from "./store/watches.js";
export {
	ClaimOptionsSchema,
	NewWatchSchema,
	SeenItemIdsSchema,
	WATCH_INTERVAL_HOURS_MAX,
	WATCH_SEEN_KEEP,
	WATCHES_PER_PLACE_DEFAULT,
	WatchResultSchema,
} from "./store/watches.js";
