export type { CatalogData } from "./catalog.js";
export { createCatalogData } from "./catalog.js";
export type { CategoryNode } from "./categories.js";
export { CATEGORY_TREE, TOP_LEVEL_CATEGORY_IDS } from "./categories.js";
export {
	DEFAULT_SEED,
	DEMO_CATEGORY_IDS,
	DEMO_SEARCH_KEYWORDS,
	KNOWN_ITEM_COUNTS,
	KNOWN_SEARCH_COUNTS,
	SEARCH_DEFAULT_PAGE_SIZE,
	SEARCH_MAX_PAGE_SIZE,
	TMAPI_ERROR_MESSAGES,
	TOTAL_COUNT_CAP,
	V1_PAGE_SIZE,
	V2_DEFAULT_PAGE_SIZE,
	V2_MAX_PAGE_SIZE,
} from "./constants.js";
export type { Fault, FaultEndpoint, FaultScope } from "./faults.js";
export { toGlobalSearchItem } from "./globalSearch.js";
export type { CatalogItem } from "./items.js";
export type { KeywordCategory } from "./keywords.js";
export { categoriesForKeyword, normalizeKeyword } from "./keywords.js";
export type { NewArrivalsOptions } from "./newArrivals.js";
export { newArrivalsFault } from "./newArrivals.js";
export type { Sort } from "./query.js";
export { SORTS } from "./query.js";
export { ENDPOINT_PATHS } from "./router.js";
export { searchCategoryPath, toSearchItem } from "./search.js";
export type { SearchItem, SearchPool } from "./searchPool.js";
export type { TmapiEmulator, TmapiEmulatorOptions } from "./server.js";
export { startTmapiEmulator } from "./server.js";
export type { Shop } from "./shops.js";
export type { ApiEndpoint, EmulatorStats, RecordedQuery, StatsEndpoint } from "./stats.js";
export { MAX_RECORDED_QUERIES } from "./stats.js";
export { toV1Item } from "./v1.js";
export { toV2Item } from "./v2.js";
export type { Language, Titles } from "./vocabulary.js";
export { LANGUAGES } from "./vocabulary.js";
