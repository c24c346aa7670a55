// Errors: one family, each with a stable code and a message safe to show.

export type { Actor } from "./access/actor.js";
export { ActorSchema, actorKey, PLATFORMS } from "./access/actor.js";
export type { AccessPolicy, AllowLists } from "./access/allowList.js";
export { createAccessPolicy } from "./access/allowList.js";
export type { MemoryStoreOptions } from "./cache/memoryStore.js";
export { createMemoryStore } from "./cache/memoryStore.js";
export type { CacheStore } from "./cache/store.js";
export type { TieredStoreOptions } from "./cache/tieredStore.js";
export { createTieredStore } from "./cache/tieredStore.js";
export type { ProductCard } from "./catalog/cards.js";
export { toCard } from "./catalog/cards.js";
export { categoryName } from "./catalog/categories.js";
export type { Catalog, CatalogInput, CatalogOptions, ShowHooks } from "./catalog/createCatalog.js";
export { createCatalog } from "./catalog/createCatalog.js";
export type { BrowseView, CatalogOutcome, ExportView, Refusal, ResultView } from "./catalog/outcome.js";
export { CatbotError, isCatbotError } from "./errors.js";
export { CSV_COLUMNS, productsToCsv } from "./export/csv.js";
export type { Labels } from "./i18n/labels.js";
export { labelsFor } from "./i18n/labels.js";
export type { CounterFactory, CounterSpec } from "./limits/counters.js";
export { memoryCounters, msBeforeNext } from "./limits/counters.js";
export type { Limits, LimitsOptions } from "./limits/createLimits.js";
export { createLimits } from "./limits/createLimits.js";
export type { BudgetDecision } from "./limits/dailyBudget.js";
export type { LimitDecision } from "./limits/slidingWindow.js";
export type { LogFn, Logger } from "./logging/logger.js";
export type { Metrics } from "./metrics/metrics.js";
export { DEFAULT_EXPORT_PAGES, parseExportCommand } from "./query/export.js";
export { canonicalQueryKey, formatCategoryCommand } from "./query/format.js";
export { MAX_COMMAND_LENGTH, parseCategoryCommand } from "./query/parse.js";
export type { ApiVersion, CategoryQuery, CategoryQueryResult, Language, SortOrder } from "./query/schema.js";
export {
	API_VERSIONS,
	ApiVersionSchema,
	CategoryQuerySchema,
	CHAT_PAGE_SIZE_DEFAULT,
	CHAT_PAGE_SIZE_MAX,
	LanguageSchema,
	PRICE_MAX,
	SortOrderSchema,
	toCategoryQuery,
} from "./query/schema.js";
export { truncateText } from "./text/truncate.js";
export type { TmapiAttemptEvent, TmapiClient, TmapiClientOptions } from "./tmapi/client.js";
export { createTmapiClient } from "./tmapi/client.js";
export type { TmapiApiErrorReason, TmapiEndpoint, TmapiErrorCode } from "./tmapi/errors.js";
export {
	isTmapiError,
	TmapiApiError,
	TmapiError,
	TmapiNetworkError,
	TmapiSchemaError,
	TmapiTimeoutError,
	TmapiValidationError,
} from "./tmapi/errors.js";
export type { CategoryItems, CategoryItemsResult, RawPage } from "./tmapi/normalize.js";
export type { PaginateOptions, PaginateQuery } from "./tmapi/paginate.js";
export { hasNextPage, hasPreviousPage, pageCount, paginate } from "./tmapi/paginate.js";
export type { CategoryItemsParams, CategoryItemsV2Params } from "./tmapi/params.js";
export {
	CategoryItemsParamsSchema,
	CategoryItemsV2ParamsSchema,
	DEFAULT_PAGE_SIZE,
	LANGUAGES,
	MAX_PAGE_SIZE,
	SORT_ORDERS,
} from "./tmapi/params.js";
export type { CategoryInfo, CategoryPage, CategoryRef, Product } from "./tmapi/product.js";
export {
	CategoryInfoSchema,
	CategoryPageSchema,
	CategoryRefSchema,
	ProductSchema,
} from "./tmapi/product.js";
export type { V1Data, V1Item, V2Data, V2Item } from "./tmapi/schemas.js";
export { V1DataSchema, V1ItemSchema, V2DataSchema, V2ItemSchema } from "./tmapi/schemas.js";
export type { DecodePageTokenResult, PageTokenFailure } from "./tokens/pageToken.js";
export { decodePageToken, encodePageToken, PAGE_TOKEN_MAX_LENGTH } from "./tokens/pageToken.js";
