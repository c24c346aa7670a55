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
