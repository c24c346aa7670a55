import * as v from "valibot";
import { type Actor, actorKey } from "../access/actor.js";
import type { AccessPolicy } from "../access/allowList.js";
import { createCacheThrough } from "../cache/cacheThrough.js";
import type { CacheStore } from "../cache/store.js";
import { labelsFor } from "../i18n/labels.js";
import type { Limits } from "../limits/createLimits.js";
import type { Logger } from "../logging/logger.js";
import type { Metrics } from "../metrics/metrics.js";
import { DEFAULT_EXPORT_PAGES, parseExportCommand } from "../query/export.js";
import { formatCategoryCommand } from "../query/format.js";
import { parseCategoryCommand } from "../query/parse.js";
import { type CategoryQuery, toCategoryQuery } from "../query/schema.js";
import type { TmapiClient } from "../tmapi/client.js";
import { isTmapiError } from "../tmapi/errors.js";
import type { Product } from "../tmapi/product.js";
import { decodePageToken, encodePageToken } from "../tokens/pageToken.js";
import { describeQuery, freshness, toCard } from "./cards.js";
import { categoryName, createCategoryDirectory } from "./categories.js";
import type { BrowseView, CatalogOutcome, ExportView, Refusal, ResultView } from "./outcome.js";
import { createPageSource, type Loaded } from "./pages.js";
import { refuse } from "./refusals.js";
import { slicesFor, viewPageCount } from "./slice.js";
import { BudgetExceededError } from "./upstream.js";

/** What a user asked for: typed command text, structured options (Discord), or a button's token. */
export type CatalogInput =
	| { readonly text: string }
	| { readonly options: unknown }
	| { readonly token: string };

/** Per-call hooks of {@link Catalog.show}. */
export interface ShowHooks {
	/**
	 * Called once the request is admitted and valid but needs a paid upstream call, before that call: the
	 * moment to acknowledge the user (Telegram: answer the button and show "typing"; Discord: defer).
	 * A failing hook is logged and ignored.
	 */
	readonly onSlow?: () => unknown;
}

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
	/** Items per upstream v2 request (1..50). Default 20. */
	readonly upstreamPageSize?: number;
	/** Counters for /metrics; optional. */
	readonly metrics?: Metrics;
	/** Most upstream pages one export may read. Default 10. */
	readonly maxExportPages?: number;
	/** How long a result waits for an uncached category name before showing without it. Default 1.5 s. */
	readonly nameWaitMs?: number;
	readonly now?: () => number;
}

/** What the action log line says about a page request beyond its outcome. */
interface ShowMeta {
	cache: "hit" | "miss" | "none";
	catId?: number;
}

/**
 * The engine every adapter calls: it checks access and the user's rate limit, parses or verifies the
 * request, serves chat pages out of cached upstream pages (one paid call serves several page turns),
 * coalesces identical requests, keeps within the daily budgets, and answers with a platform-neutral
 * view or a refusal with a message to show. It never throws for bad input or upstream trouble.
 *
 * @example
 * const outcome = await catalog.show({ platform: "telegram", userId: "42", placeId: "-100123" }, { text: "/category 1031910 sort:sales" });
 * if (outcome.ok) render(outcome.view); else reply(outcome.refusal.message);
 */
export function createCatalog(options: CatalogOptions) {
	const now = options.now ?? Date.now;
	const ttlMs = options.ttlMs ?? 15 * 60_000;
	const nameWaitMs = options.nameWaitMs ?? 1_500;
	const { client, limits, access, logger } = options;
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
	const maxExportPages = options.maxExportPages ?? 10;
	const pages = createPageSource({
		client,
		cache,
		limits,
		ttlMs,
		upstreamPageSize: options.upstreamPageSize ?? 20,
	});
	const sign = (query: CategoryQuery) => encodePageToken(query, options.tokenSecret);

	function resolve(
		input: CatalogInput,
	): { ok: true; query: CategoryQuery } | { ok: false; refusal: Refusal } {
		if ("token" in input) {
			const decoded = decodePageToken(input.token, options.tokenSecret);
			return decoded.ok ? decoded : { ok: false, refusal: refuse.badToken() };
		}
		const parsed = "text" in input ? parseCategoryCommand(input.text) : toCategoryQuery(input.options);
		return parsed.ok ? parsed : { ok: false, refusal: refuse.invalid(parsed.problems) };
	}

	async function nameWithin(catId: number, userKey: string, waitMs: number) {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<null>((resolve) => {
			timer = setTimeout(() => resolve(null), waitMs);
		});
		try {
			return await Promise.race([directory.describe(catId, userKey), timeout]);
		} finally {
			clearTimeout(timer);
		}
	}

	function buildView(
		query: CategoryQuery,
		loaded: Loaded,
		info: Awaited<ReturnType<typeof nameWithin>>,
	): ResultView {
		const slices = slicesFor(query.page, query.pageSize, pages.upstreamSize(query));
		const items = slices.flatMap((slice, i) => loaded.pages[i]?.items.slice(slice.start, slice.end) ?? []);
		const firstPosition = (query.page - 1) * query.pageSize + 1;
		const cards = items.map((product, i) => toCard(product, firstPosition + i, query.language));
		const first = loaded.pages[0];
		const lastSlice = slices.at(-1);
		const lastPage = loaded.pages.at(-1);
		const totalPages =
			first?.totalCount === undefined ? null : viewPageCount(first.totalCount, query.pageSize);
		const moreUpstream =
			lastPage !== undefined &&
			lastSlice !== undefined &&
			(lastPage.items.length > lastSlice.end || lastPage.hasNextPage);
		const hasNext = items.length > 0 && (totalPages === null ? moreUpstream : query.page < totalPages);
		const labels = labelsFor(query.language);
		const at = (page: number) => sign({ ...query, page });
		const ageMs = Math.max(0, now() - loaded.fetchedAt);
		return {
			query,
			command: formatCategoryCommand(query),
			category: {
				id: query.catId,
				name: info?.category ? categoryName(info.category, query.language) : null,
				path: info?.path.map((ref) => categoryName(ref, query.language)) ?? [],
			},
			summary: describeQuery(query),
			page: query.page,
			totalPages,
			pageLabel: totalPages === null ? labels.page(query.page) : labels.pageOf(query.page, totalPages),
			cards,
			emptyText: cards.length === 0 ? labels.noProducts : null,
			tokens: {
				current: sign(query),
				...(query.page > 1 ? { first: at(1), previous: at(query.page - 1) } : {}),
				...(hasNext ? { next: at(query.page + 1) } : {}),
				...(hasNext && totalPages !== null ? { last: at(totalPages) } : {}),
			},
			sortTokens:
				query.api === "v1"
					? {}
					: Object.fromEntries(
							(["default", "sales", "price_up", "price_down"] as const)
								.filter((sort) => sort !== query.sort)
								.map((sort) => [sort, sign({ ...query, sort, page: 1 })]),
						),
			fromCache: loaded.fromCache,
			fetchedAt: loaded.fetchedAt,
			freshness: freshness(ageMs, query.language),
		};
	}

	function upstreamRefusal(error: unknown): Refusal {
		if (error instanceof BudgetExceededError) return refuse.budget(error.scope, error.retryAfterMs);
		if (isTmapiError(error)) return refuse.upstream(error.code, error.retryable, error.message);
		logger.error({ err: error }, "unexpected failure while loading a page");
		return refuse.upstream("internal", true, "Something went wrong on our side. Please try again.");
	}

	async function gate(actor: Actor): Promise<Refusal | null> {
		if (!access.allows(actor)) return refuse.forbidden();
		const decision = await limits.action(actorKey(actor));
		return decision.allowed ? null : refuse.rateLimited(decision.retryAfterMs, decision.notify);
	}

	function logAction(
		actor: Actor,
		action: string,
		started: number,
		outcome: CatalogOutcome<unknown>,
		extra: object,
	) {
		const fields = {
			action,
			platform: actor.platform,
			user: actor.userId,
			outcome: outcome.ok ? "ok" : outcome.refusal.kind,
			latencyMs: Math.round(now() - started),
			...extra,
		};
		options.metrics?.action(actor.platform, action, fields.outcome, (now() - started) / 1000);
		if (!outcome.ok && outcome.refusal.kind === "upstream")
			logger.warn({ ...fields, code: outcome.refusal.code }, "action");
		else logger.info(fields, "action");
	}

	async function exportPages(
		actor: Actor,
		input: CatalogInput,
		request: { readonly pages?: number; readonly onProgress?: (done: number, total: number) => unknown },
		meta: ShowMeta,
	): Promise<CatalogOutcome<ExportView>> {
		const blocked = await gate(actor);
		if (blocked) return { ok: false, refusal: blocked };
		// Typed text is an /export command, which carries its own page count.
		const parsed = "text" in input ? parseExportCommand(input.text) : undefined;
		if (parsed && !parsed.ok) return { ok: false, refusal: refuse.invalid(parsed.problems) };
		const resolved = parsed ?? resolve(input);
		if (!resolved.ok) return resolved;
		const { query } = resolved;
		meta.catId = query.catId;
		const asked = request.pages ?? parsed?.pages ?? DEFAULT_EXPORT_PAGES;
		const total = Math.max(1, Math.min(Math.trunc(asked) || 1, maxExportPages));
		const size = pages.upstreamSize(query);
		const first = Math.floor(((query.page - 1) * query.pageSize) / size) + 1;
		const products: Product[] = [];
		const seen = new Set<string>();
		let read = 0;
		let stopped: Refusal | null = null;
		for (let page = first; page < first + total; page += 1) {
			try {
				const { value, fromCache } = await pages.upstreamPage(query, page, actorKey(actor));
				options.metrics?.cache(fromCache ? "hit" : "miss");
				read += 1;
				for (const product of value.items) {
					if (seen.has(product.itemId)) continue;
					seen.add(product.itemId);
					products.push(product);
				}
				await request.onProgress?.(read, total);
				if (!value.hasNextPage || value.items.length === 0) break;
			} catch (error) {
				stopped = upstreamRefusal(error);
				break;
			}
		}
		if (read === 0 && stopped) return { ok: false, refusal: stopped };
		return {
			ok: true,
			view: {
				query,
				command: formatCategoryCommand(query),
				products,
				pagesRead: read,
				stoppedEarly: stopped,
			},
		};
	}

	async function showPage(
		actor: Actor,
		input: CatalogInput,
		meta: ShowMeta,
		hooks: ShowHooks,
	): Promise<CatalogOutcome<ResultView>> {
		const blocked = await gate(actor);
		if (blocked) return { ok: false, refusal: blocked };
		const resolved = resolve(input);
		if (!resolved.ok) return resolved;
		const { query } = resolved;
		meta.catId = query.catId;
		const userKey = actorKey(actor);
		if (hooks.onSlow && !(await pages.isCached(query))) {
			try {
				await hooks.onSlow();
			} catch (error) {
				logger.warn({ err: error }, "acknowledging a slow request failed");
			}
		}
		// Started alongside the items; a slow or failing name lookup never holds the items back.
		const name = nameWithin(query.catId, userKey, nameWaitMs);
		try {
			const loaded = await pages.load(query, userKey);
			meta.cache = loaded.fromCache ? "hit" : "miss";
			options.metrics?.cache(meta.cache);
			return { ok: true, view: buildView(query, loaded, await name) };
		} catch (error) {
			return { ok: false, refusal: upstreamRefusal(error) };
		}
	}

	return {
		/** Parses or verifies an input without any limit or call, e.g. to decide whether to defer. */
		resolve,

		/** Whether every upstream page a query needs is in the cache now (no paid call, no limit). */
		isCached: pages.isCached,

		/** Answers a category request with one chat page, or a refusal. */
		async show(
			actor: Actor,
			input: CatalogInput,
			hooks: ShowHooks = {},
		): Promise<CatalogOutcome<ResultView>> {
			const started = now();
			const meta: ShowMeta = { cache: "none" };
			const outcome = await showPage(actor, input, meta, hooks);
			logAction(actor, "token" in input ? "page" : "command", started, outcome, meta);
			return outcome;
		},

		/**
		 * Reads up to `pages` upstream pages (or the `pages:N` of an /export command given as text) of a query (bounded by `maxExportPages`) for a file export,
		 * starting where the query's chat page starts. Cached pages are free; the rest are paid from the
		 * user's budget. One action against the rate limit, however many pages. `onProgress` is told after
		 * each page. A failure after the first page ends the export early with what was read.
		 */
		async export(
			actor: Actor,
			input: CatalogInput,
			request: { readonly pages?: number; readonly onProgress?: (done: number, total: number) => unknown },
		): Promise<CatalogOutcome<ExportView>> {
			const started = now();
			const meta: ShowMeta = { cache: "none" };
			const outcome = await exportPages(actor, input, request, meta);
			logAction(actor, "export", started, outcome, meta);
			return outcome;
		},

		/** One level of the category tree: the top level without an id, else a category and its children. */
		async browse(actor: Actor, catId?: number): Promise<CatalogOutcome<BrowseView>> {
			const started = now();
			let outcome: CatalogOutcome<BrowseView>;
			const blocked = await gate(actor);
			if (blocked) outcome = { ok: false, refusal: blocked };
			else if (catId !== undefined && !v.is(CategoryIdSchema, catId)) {
				outcome = { ok: false, refusal: refuse.invalid(["category id must be a positive whole number"]) };
			} else {
				try {
					const info = await directory.info(catId, actorKey(actor));
					const itemsToken = catId === undefined ? null : sign(defaultQuery(catId));
					outcome = {
						ok: true,
						view: { category: info.category, path: info.path, children: info.children, itemsToken },
					};
				} catch (error) {
					outcome = { ok: false, refusal: upstreamRefusal(error) };
				}
			}
			logAction(actor, "browse", started, outcome, { catId });
			return outcome;
		},

		/** Categories already known to this process that match `text`, for autocomplete; never a paid call. */
		suggestCategories: directory.suggest,

		/** A signed token for a query, for adapters that build their own buttons (e.g. share). */
		tokenFor: sign,
	};
}

const CategoryIdSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

function defaultQuery(catId: number): CategoryQuery {
	const result = toCategoryQuery({ catId });
	if (!result.ok) throw new TypeError(`not a category id: ${catId}`);
	return result.query;
}

export type Catalog = ReturnType<typeof createCatalog>;
