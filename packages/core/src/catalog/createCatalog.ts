import type { AccessPolicy } from "../access/allowList.js";
import { createCacheThrough } from "../cache/cacheThrough.js";
import type { CacheStore } from "../cache/store.js";
import type { Limits } from "../limits/createLimits.js";
import type { Logger } from "../logging/logger.js";
import type { Metrics } from "../metrics/metrics.js";
import { type CatalogQuery, isSearchQuery } from "../query/searchSchema.js";
import type { TmapiClient } from "../tmapi/client.js";
import { encodePageToken } from "../tokens/pageToken.js";
import { type CatalogContext, recordAction } from "./actions.js";
import { browseCategories } from "./browse.js";
import { createCategoryDirectory } from "./categories.js";
import { exportPages } from "./exportPages.js";
import { inlinePage } from "./inline.js";
import { createPageSource } from "./pages.js";
import { pickCard } from "./pick.js";
import { resolveInput } from "./resolve.js";
import { createSearchKeywords } from "./searchKeywords.js";
import { showPage } from "./showPage.js";
import type { Catalog } from "./types.js";

export type {
	Catalog,
	CatalogInput,
	ExportRequest,
	FirstPage,
	PickedCard,
	PickRequest,
	Resolved,
	ShowHooks,
} from "./types.js";

/** Options of {@link createCatalog}. */
export interface CatalogOptions {
	readonly client: TmapiClient;
	readonly cache: CacheStore;
	readonly limits: Limits;
	readonly access: AccessPolicy;
	readonly logger: Logger;
	/** Signs page tokens; the same secret in every process that should accept each other's buttons. */
	readonly tokenSecret: string;
	/** How long a page stays cached. Default 15 min. */
	readonly ttlMs?: number;
	/** How long category names stay cached. Default 1 day. */
	readonly categoryTtlMs?: number;
	/**
	 * Items per upstream v2 request. Default 20; kept within 10..50 (below the largest chat page, one chat
	 * page would cost several paid calls).
	 */
	readonly upstreamPageSize?: number;
	/** Counters for /metrics; optional. */
	readonly metrics?: Metrics;
	/** Most upstream pages one export may read, 1..100. Default 10. */
	readonly maxExportPages?: number;
	/** How long a result waits for an uncached category name before showing without it. Default 1.5 s. */
	readonly nameWaitMs?: number;
	readonly now?: () => number;
}

/** Most upstream pages any export may read, whatever the options say. */
const EXPORT_PAGES_CAP = 100;

/**
 * Wires the engine (see {@link Catalog}) from its parts: the cache, the category directory and the
 * upstream page source, shared by the jobs in showPage, exportPages and browse.
 *
 * @example
 * const catalog = createCatalog({ client, cache, limits, access, logger, tokenSecret });
 * const outcome = await catalog.show(actor, { text: "/category 1031910 sort:sales" });
 */
export function createCatalog(options: CatalogOptions): Catalog {
	const now = options.now ?? Date.now;
	const { client, limits, logger } = options;
	const cache = createCacheThrough({
		store: options.cache,
		now,
		onCorrupt: (key) => logger.warn({ key }, "unreadable cache entry dropped"),
	});
	const directory = createCategoryDirectory({
		client,
		cache,
		limits,
		ttlMs: options.categoryTtlMs ?? 86_400_000,
		now,
	});
	const pages = createPageSource({
		client,
		cache,
		limits,
		ttlMs: options.ttlMs ?? 15 * 60_000,
		upstreamPageSize: options.upstreamPageSize ?? 20,
	});
	const sign = (query: CatalogQuery) => encodePageToken(query, options.tokenSecret);
	const ctx: CatalogContext = {
		now,
		logger,
		metrics: options.metrics,
		access: options.access,
		limits,
		pages,
		directory,
		tokenSecret: options.tokenSecret,
		searches: createSearchKeywords(options.cache, options.tokenSecret),
		sign,
		nameWaitMs: options.nameWaitMs ?? 1_500,
		maxExportPages: Math.max(1, Math.min(Math.trunc(options.maxExportPages ?? 10) || 1, EXPORT_PAGES_CAP)),
	};

	return {
		resolve: (input) => resolveInput(ctx, input),
		isCached: pages.isCached,
		show: (actor, input, hooks = {}) =>
			recordAction(ctx, actor, "token" in input ? "page" : "command", (meta) =>
				showPage(ctx, actor, input, hooks, meta),
			),
		export: (actor, input, request = {}) =>
			recordAction(ctx, actor, "export", (meta) => exportPages(ctx, actor, input, request, meta)),
		inline: (actor, request) =>
			recordAction(ctx, actor, "inline", (meta) => inlinePage(ctx, actor, request, meta)),
		pick: (actor, request, hooks = {}) =>
			recordAction(ctx, actor, "pick", (meta) => pickCard(ctx, actor, request, hooks, meta)),
		async firstPage(budgetKey, query) {
			const read = await pages.upstreamPage({ ...query, page: 1 }, 1, budgetKey);
			// A watch's post links to the search's results: its buttons need the keyword stored.
			if (isSearchQuery(query)) await ctx.searches.remember(query.keyword).catch(() => undefined);
			return { products: read.value.items, fromCache: read.fromCache, fetchedAt: read.fetchedAt };
		},
		browse: (actor, catId) =>
			recordAction(ctx, actor, "browse", (meta) => browseCategories(ctx, actor, catId, meta)),
		suggestCategories: directory.suggest,
		tokenFor: sign,
	};
}
