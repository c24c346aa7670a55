export type { CatalogData } from "./catalog.js";
export { createCatalogData } from "./catalog.js";
export type { CategoryNode } from "./categories.js";
export { CATEGORY_TREE, TOP_LEVEL_CATEGORY_IDS } from "./categories.js";
export {
	DEFAULT_SEED,
	DEMO_CATEGORY_IDS,
	KNOWN_ITEM_COUNTS,
	TMAPI_ERROR_MESSAGES,
	TOTAL_COUNT_CAP,
	V1_PAGE_SIZE,
	V2_DEFAULT_PAGE_SIZE,
	V2_MAX_PAGE_SIZE,
} from "./constants.js";
export type { Fault, FaultEndpoint, FaultScope } from "./faults.js";
export type { CatalogItem } from "./items.js";
export type { Sort } from "./query.js";
export { SORTS } from "./query.js";
export type { TmapiEmulator, TmapiEmulatorOptions } from "./server.js";
export { startTmapiEmulator } from "./server.js";
export type { Shop } from "./shops.js";
export type { EmulatorStats, RecordedQuery, StatsEndpoint } from "./stats.js";
export { MAX_RECORDED_QUERIES } from "./stats.js";
export { toV1Item } from "./v1.js";
export { toV2Item } from "./v2.js";
export type { Language, Titles } from "./vocabulary.js";
export { LANGUAGES } from "./vocabulary.js";
