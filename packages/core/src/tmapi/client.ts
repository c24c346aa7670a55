/**
 * The TMAPI client. Retries, timeouts and the deadline are hand-written here rather than ofetch's own
 * `retry`/`timeout` options (ofetch stays the HTTP layer, with its retry turned off in transport.ts), because
 * ofetch 1.5's retry cannot express TMAPI's rules:
 * - TMAPI's retryable codes 417/499/500/503 live in the body, which may come with HTTP 200 (the docs give
 *   no status). ofetch decides to retry from `response.status` only, and an error thrown from an `onResponse` hook rejects at once,
 *   outside its retry path; retrying those codes would mean forging a Response with another status.
 * - `timeout` is ignored whenever a `signal` is passed, so a per-attempt timeout and an overall deadline
 *   across attempts cannot both be set; and its wait between attempts is a bare `setTimeout` that no signal
 *   can cut short, so the deadline could not end a backoff either.
 * - It treats an abort as final only when its name is "AbortError" and no `timeout` is set; the deadline's
 *   abort (a "TimeoutError") would be retried against an already aborted signal until `retry` ran out.
 * - Its hooks see each attempt but not its number (only the remaining `retry` count), so the
 *   {@link TmapiAttemptEvent}s and the full-jitter backoff would be rebuilt on top of it anyway.
 * Two mechanisms would be worse than either: nested loops multiply attempts. So there is exactly one.
 */
import pLimit from "p-limit";
import * as v from "valibot";
import { ClientOptionsSchema, type TmapiAttemptEvent, type TmapiClientOptions } from "./clientOptions.js";
import {
	type TmapiEndpoint,
	TmapiError,
	TmapiSchemaError,
	TmapiTimeoutError,
	TmapiValidationError,
} from "./errors.js";
import { type CategoryItems, normalizeCategoryInfo, normalizeV1Page, normalizeV2Page } from "./normalize.js";
import {
	CategoryInfoParamsSchema,
	type CategoryItemsParams,
	CategoryItemsParamsSchema,
	type CategoryItemsV2Params,
	CategoryItemsV2ParamsSchema,
	describeIssues,
	toWireQuery,
	type WireQuery,
} from "./params.js";
import type { CategoryInfo } from "./product.js";
import { createRedactor } from "./redact.js";
import { backoffDelay, sleep } from "./retry.js";
import { CategoryInfoDataSchema, SearchDataSchema, V1DataSchema, V2DataSchema } from "./schemas.js";
import { normalizeSearchPage, type SearchItems } from "./searchNormalize.js";
import {
	type GlobalSearchItemsParams,
	GlobalSearchItemsParamsSchema,
	type SearchItemsParams,
	SearchItemsParamsSchema,
} from "./searchParams.js";
import { createTransport, type SuccessData } from "./transport.js";

export type { TmapiAttemptEvent, TmapiClientOptions } from "./clientOptions.js";

/** The TMAPI client; see {@link createTmapiClient}. */
export interface TmapiClient {
	/** v1 `GET /1688/category/items`: fixed page size, fewer filters, no total count. */
	categoryItems(params: CategoryItemsParams): Promise<CategoryItems<"v1">>;
	/** v2 `GET /1688/category/items/v2`: page size, sort, price range, language, total count. */
	categoryItemsV2(params: CategoryItemsV2Params): Promise<CategoryItems<"v2">>;
	/** `GET /1688/category/info`: a category with breadcrumb and children; without an id, the top level. */
	categoryInfo(catId?: number): Promise<CategoryInfo>;
	/** `GET /1688/search/items`: 1688's own keyword search (Chinese titles), at most 20 a page. */
	searchItems(params: SearchItemsParams): Promise<SearchItems<"search">>;
	/** `GET /1688/global/search/items`: keyword and/or category search with titles in `language`. */
	globalSearchItems(params: GlobalSearchItemsParams): Promise<SearchItems<"global">>;
}

function validate<TSchema extends v.GenericSchema>(
	schema: TSchema,
	input: unknown,
	endpoint: TmapiEndpoint,
): v.InferOutput<TSchema> {
	const result = v.safeParse(schema, input);
	if (!result.success) throw new TmapiValidationError({ issues: describeIssues(result.issues), endpoint });
	return result.output;
}

function parseData<TSchema extends v.GenericSchema>(
	schema: TSchema,
	data: SuccessData,
	endpoint: TmapiEndpoint,
): v.InferOutput<TSchema> {
	const result = v.safeParse(schema, data);
	if (!result.success) {
		throw new TmapiSchemaError({ issues: describeIssues(result.issues).map((i) => `data.${i}`), endpoint });
	}
	return result.output;
}

/**
 * Creates a client for the TMAPI 1688 category and keyword-search endpoints.
 *
 * Parameters are validated before any request; answers are validated and normalized into one
 * {@link CategoryPage} shape for v1 and v2 and one {@link SearchPage} shape for both searches. Retryable
 * failures (417, 499, 500, 503, timeouts, network errors) are retried with jittered exponential backoff
 * within `retries` and `deadlineMs`; 422 and 439 never are. A call sends at most `1 + retries` requests,
 * each of them paid. At most `maxConcurrent` requests are in flight, and identical concurrent calls share
 * one request, so results may be shared between callers: treat them as read-only. The token goes as the
 * `apiToken` query parameter, or with `auth: "header"` as an `apikey` header; either way it never
 * appears in errors, causes or events.
 *
 * @example
 * const tmapi = createTmapiClient({ apiToken: process.env.TMAPI_TOKEN ?? "" });
 * const page = await tmapi.categoryItemsV2({ catId: 1031910, sort: "sales", pageSize: 20 });
 * for (const product of page.items) console.log(product.title, product.price);
 * const found = await tmapi.globalSearchItems({ keyword: "summer dress", language: "ru" });
 */
export function createTmapiClient(options: TmapiClientOptions): TmapiClient {
	const parsed = v.safeParse(ClientOptionsSchema, options);
	if (!parsed.success) {
		// Said without echoing any value, so a misplaced token cannot leak through this message.
		throw new TypeError(`Invalid TMAPI client options: ${describeIssues(parsed.issues).join("; ")}`);
	}
	const config = parsed.output;
	const redact = createRedactor([config.apiToken]);
	const send = createTransport({
		baseUrl: config.baseUrl,
		apiToken: config.apiToken,
		auth: config.auth,
		timeoutMs: config.timeoutMs,
		fetch: config.fetch ?? globalThis.fetch,
		redact,
	});
	const limit = pLimit(config.maxConcurrent);
	const inFlight = new Map<string, Promise<unknown>>();
	const policy = {
		retries: config.retries,
		baseDelayMs: config.retryDelayMs,
		maxDelayMs: config.maxRetryDelayMs,
	};

	function report(event: TmapiAttemptEvent): void {
		try {
			config.onAttempt?.(event);
		} catch {
			// A faulty listener must not turn a good answer into a failure.
		}
	}

	/**
	 * The client's only retry loop (see the module comment for why it is not ofetch's). Each pass sends at
	 * most one request, and a pass follows a failed one only while `attempt < maxAttempts`, so a call costs
	 * at most `1 + retries` requests whatever the failure; coalesced callers share that budget.
	 */
	async function withRetries(endpoint: TmapiEndpoint, query: WireQuery): Promise<SuccessData> {
		const deadline = AbortSignal.timeout(config.deadlineMs);
		const maxAttempts = 1 + config.retries;
		for (let attempt = 1; ; attempt += 1) {
			const started = performance.now();
			try {
				// The slot is held for the attempt only, not while backing off.
				const data = await limit(() => send(endpoint, query, deadline));
				report({ endpoint, attempt, durationMs: performance.now() - started, outcome: "ok" });
				return data;
			} catch (error) {
				if (!(error instanceof TmapiError)) throw error;
				const delay = backoffDelay(policy, attempt);
				const retry = error.retryable && attempt < maxAttempts && !deadline.aborted;
				const durationMs = performance.now() - started;
				report({
					endpoint,
					attempt,
					durationMs,
					outcome: "error",
					error,
					...(retry ? { retryInMs: delay } : {}),
				});
				if (!retry) throw error;
				await sleep(delay, deadline);
				if (deadline.aborted)
					throw new TmapiTimeoutError({ timeoutMs: config.deadlineMs, endpoint, cause: error });
			}
		}
	}

	/**
	 * Runs one call per distinct endpoint and query at a time; identical calls made meanwhile get the same
	 * promise, so they share the request, the normalization and the result (or the error).
	 */
	function request<T>(endpoint: TmapiEndpoint, query: WireQuery, read: (data: SuccessData) => T): Promise<T> {
		const key = `${endpoint}?${new URLSearchParams(query).toString()}`;
		const pending = inFlight.get(key) as Promise<T> | undefined;
		if (pending !== undefined) return pending;
		const promise = withRetries(endpoint, query)
			.then(read)
			.finally(() => inFlight.delete(key));
		inFlight.set(key, promise);
		return promise;
	}

	return {
		async categoryItems(params) {
			const endpoint = "/1688/category/items";
			const input = validate(CategoryItemsParamsSchema, params, endpoint);
			return request(endpoint, toWireQuery(input), (data) =>
				normalizeV1Page(parseData(V1DataSchema, data, endpoint), input.catId),
			);
		},
		async categoryItemsV2(params) {
			const endpoint = "/1688/category/items/v2";
			const input = validate(CategoryItemsV2ParamsSchema, params, endpoint);
			return request(endpoint, toWireQuery(input), (data) =>
				normalizeV2Page(parseData(V2DataSchema, data, endpoint), input.catId, input.pageSize),
			);
		},
		async categoryInfo(catId) {
			const endpoint = "/1688/category/info";
			const id = validate(CategoryInfoParamsSchema, catId, endpoint);
			return request(endpoint, toWireQuery({ catId: id }), (data) =>
				normalizeCategoryInfo(parseData(CategoryInfoDataSchema, data, endpoint), id),
			);
		},
		async searchItems(params) {
			const endpoint = "/1688/search/items";
			const input = validate(SearchItemsParamsSchema, params, endpoint);
			return request(endpoint, toWireQuery(input), (data) =>
				normalizeSearchPage("search", parseData(SearchDataSchema, data, endpoint), input),
			);
		},
		async globalSearchItems(params) {
			const endpoint = "/1688/global/search/items";
			const input = validate(GlobalSearchItemsParamsSchema, params, endpoint);
			return request(endpoint, toWireQuery(input), (data) =>
				normalizeSearchPage("global", parseData(SearchDataSchema, data, endpoint), input),
			);
		},
	};
}
