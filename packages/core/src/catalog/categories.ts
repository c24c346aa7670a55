import { LRUCache } from "lru-cache";
import type { CacheThrough } from "../cache/cacheThrough.js";
import type { Limits } from "../limits/createLimits.js";
import type { Language } from "../query/schema.js";
import type { TmapiClient } from "../tmapi/client.js";
import { type CategoryInfo, CategoryInfoSchema, type CategoryRef } from "../tmapi/product.js";
import { BudgetExceededError, paidCall } from "./upstream.js";

/** Options of {@link createCategoryDirectory}. */
export interface CategoryDirectoryOptions {
	readonly client: TmapiClient;
	readonly cache: CacheThrough;
	readonly limits: Limits;
	readonly ttlMs: number;
	/** How long an id whose lookup failed is not asked again (each try is a paid call). Default 1 h. */
	readonly failureTtlMs?: number;
	readonly now?: () => number;
}

/** Category names and the tree through the cache; see {@link createCategoryDirectory}. */
export interface CategoryDirectory {
	/** One level of the tree (the top level without an id); a paid call unless cached. */
	info(catId: number | undefined, userKey: string): Promise<CategoryInfo>;
	/**
	 * A category's name and breadcrumb for a result header, or null when unknown. Never throws, and does
	 * not ask again for an id that failed recently.
	 */
	describe(catId: number, userKey: string): Promise<CategoryInfo | null>;
	/** Known categories whose id or name matches `text`, best first; never a paid call. */
	suggest(text: string, limit?: number): CategoryRef[];
	/** How many categories this process has seen. */
	readonly knownCount: number;
}

/** Most suggestions one call returns: Discord shows 25 autocomplete choices. */
export const SUGGEST_MAX = 25;
/** Longest text matched for suggestions; Discord's autocomplete value is at most 100 characters. */
const SUGGEST_TEXT_MAX = 100;
/**
 * Most categories remembered for suggestions. 1688's tree has a few thousand; the cap only keeps a
 * misbehaving upstream from growing the map (and each suggestion's scan) without end.
 */
const KNOWN_MAX = 20_000;

/** Most ids remembered as recently failed (each failure was a paid call, so few are expected). */
const FAILED_MAX = 5_000;

/** The name to show for a category in a language: Chinese for zh, else English where known. */
export function categoryName(ref: Pick<CategoryRef, "name" | "nameEn">, language: Language): string {
	return language === "zh" ? ref.name : (ref.nameEn ?? ref.name);
}

function matches(ref: CategoryRef, needle: string): number {
	const names = [ref.name.toLowerCase(), (ref.nameEn ?? "").toLowerCase()];
	if (ref.id === needle || names.includes(needle)) return 0;
	if (ref.id.startsWith(needle) || names.some((n) => n.startsWith(needle))) return 1;
	if (names.some((n) => n.split(/[\s&,、/]+/).some((word) => word.startsWith(needle)))) return 2;
	if (names.some((n) => n.includes(needle))) return 3;
	return -1;
}

/**
 * Category names and the tree, through the long-lived cache: each lookup is a paid call, and categories
 * change rarely. Every category seen (as a node, a child or a breadcrumb step) is remembered in this
 * process, so names can be suggested for autocomplete without any call.
 */
export function createCategoryDirectory(options: CategoryDirectoryOptions): CategoryDirectory {
	const known = new Map<string, CategoryRef>();
	const now = options.now ?? Date.now;
	const failureTtlMs = options.failureTtlMs ?? 3_600_000;
	// Ids come from users: bounded, and each entry forgets itself after failureTtlMs.
	const failed = new LRUCache<number, true>({
		max: FAILED_MAX,
		ttl: failureTtlMs,
		ttlResolution: 0,
		perf: { now },
	});

	function remember(info: CategoryInfo): CategoryInfo {
		for (const ref of [...(info.category ? [info.category] : []), ...info.path, ...info.children]) {
			const previous = known.get(ref.id);
			if (previous === undefined && known.size >= KNOWN_MAX) continue;
			known.set(ref.id, { ...ref, hasChildren: ref.hasChildren ?? previous?.hasChildren ?? null });
		}
		return info;
	}

	async function info(catId: number | undefined, userKey: string): Promise<CategoryInfo> {
		const key = `category:${catId ?? "top"}`;
		const cached = await options.cache.get(key, CategoryInfoSchema, options.ttlMs, () =>
			paidCall(options.limits, userKey, () => options.client.categoryInfo(catId)),
		);
		return remember(cached.value);
	}

	return {
		info,
		async describe(catId: number, userKey: string): Promise<CategoryInfo | null> {
			if (failed.has(catId)) return null;
			try {
				return await info(catId, userKey);
			} catch (error) {
				// A spent budget says nothing about the category: asking again tomorrow may well work.
				if (!(error instanceof BudgetExceededError)) failed.set(catId, true);
				return null;
			}
		},
		suggest(text: string, limit = SUGGEST_MAX): CategoryRef[] {
			const needle = String(text).slice(0, SUGGEST_TEXT_MAX).trim().toLowerCase();
			const count = Number.isFinite(limit)
				? Math.min(SUGGEST_MAX, Math.max(0, Math.trunc(limit)))
				: SUGGEST_MAX;
			const scored = [...known.values()]
				.map((ref) => ({ ref, score: needle === "" ? 4 : matches(ref, needle) }))
				.filter((entry) => entry.score >= 0);
			scored.sort((a, b) => a.score - b.score || a.ref.name.localeCompare(b.ref.name));
			return scored.slice(0, count).map((entry) => entry.ref);
		},
		get knownCount(): number {
			return known.size;
		},
	};
}
