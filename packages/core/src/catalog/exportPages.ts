import { type Actor, actorKey } from "../access/actor.js";
import { DEFAULT_EXPORT_PAGES } from "../query/export.js";
import { formatCommand } from "../query/format.js";
import { MAX_RESULT_ITEMS } from "../query/schema.js";
import { type CatalogQuery, isSearchQuery } from "../query/searchSchema.js";
import type { Product } from "../tmapi/product.js";
import { type ActionMeta, type CatalogContext, refused, refuseOutsider, upstreamRefusal } from "./actions.js";
import { admitQuery } from "./admit.js";
import type { CatalogOutcome, ExportView, Refusal } from "./outcome.js";
import { resolveExport } from "./resolve.js";
import { catalogTexts, exportFileName } from "./texts.js";
import type { CatalogInput, ExportRequest } from "./types.js";

/** Upstream pages to read: what was asked (a whole number, at least 1), at most the deployment's bound. */
function pagesToRead(ctx: CatalogContext, asked: number): number {
	return Math.max(1, Math.min(Math.trunc(asked) || 1, ctx.maxExportPages));
}

/** The upstream pages an export reads: from where the chat page starts, never past item 2000, which no
 * page can serve (each such call would be paid for nothing). */
function upstreamRange(ctx: CatalogContext, query: CatalogQuery, count: number) {
	const size = ctx.pages.upstreamSize(query);
	const first = Math.floor(((query.page - 1) * query.pageSize) / size) + 1;
	const lastServable = Math.ceil(MAX_RESULT_ITEMS / size);
	return { first, last: Math.min(first + count - 1, lastServable) };
}

/** The products of an export's pages, each once (upstream pages can repeat an item). */
function collector() {
	const products: Product[] = [];
	const seen = new Set<string>();
	return {
		products,
		/** Adds the products not seen yet; returns how many that was. */
		add(items: readonly Product[]): number {
			const before = products.length;
			for (const product of items) {
				if (seen.has(product.itemId)) continue;
				seen.add(product.itemId);
				products.push(product);
			}
			return products.length - before;
		},
	};
}

function exportView(
	query: CatalogQuery,
	products: Product[],
	read: number,
	stopped: Refusal | null,
): ExportView {
	const texts = catalogTexts(query.language);
	const summary = texts.exportSummary(products.length, read);
	return {
		query,
		command: formatCommand(query),
		products,
		pagesRead: read,
		stoppedEarly: stopped,
		fileName: exportFileName(isSearchQuery(query) ? query : query.catId, query.sort),
		summary: stopped ? `${summary} ${texts.stoppedEarly(stopped.message)}` : summary,
	};
}

/**
 * Tells the adapter how far the export is. Its failure (a status message that cannot be edited) is the
 * adapter's, logged as such: it neither stops the export nor passes for an upstream failure.
 */
async function reportProgress(
	ctx: CatalogContext,
	request: ExportRequest,
	done: number,
	total: number,
	text: string,
): Promise<void> {
	try {
		await request.onProgress?.(done, total, text);
	} catch (error) {
		ctx.logger.warn({ err: error }, "reporting export progress failed");
	}
}

/**
 * Reads the pages of an export one after another: access, the input (refused input counts nothing), one
 * action against the rate limit, then each page from the cache or paid for, until the count asked, the
 * end of the results, item 2000, or a failure (which ends it early with what was read).
 */
export async function exportPages(
	ctx: CatalogContext,
	actor: Actor,
	input: CatalogInput,
	request: ExportRequest,
	meta: ActionMeta,
): Promise<CatalogOutcome<ExportView>> {
	const outsider = refuseOutsider(ctx, actor);
	if (outsider) return refused(outsider);
	const resolved = await resolveExport(ctx, input);
	if (!resolved.ok) return resolved;
	const { query } = resolved;
	const blocked = await admitQuery(ctx, actor, query, meta);
	if (blocked) return refused(blocked);

	const asked = pagesToRead(ctx, request.pages ?? resolved.pages ?? DEFAULT_EXPORT_PAGES);
	const { first, last } = upstreamRange(ctx, query, asked);
	// At least 1: the schema keeps a query's first item below 2000, so `first` is never past `last`.
	const total = last - first + 1;
	const texts = catalogTexts(query.language);
	const found = collector();
	let read = 0;
	let stopped: Refusal | null = null;
	for (let page = first; page <= last; page += 1) {
		let more: boolean;
		try {
			const { value, fromCache } = await ctx.pages.upstreamPage(query, page, actorKey(actor));
			ctx.metrics?.cache(fromCache ? "hit" : "miss");
			read += 1;
			// A search's page 2 can repeat page 1 item for item (seen in real answers): a page that adds
			// nothing new is the end, and the pages after it would be paid for the same products again.
			const added = found.add(value.items);
			more = value.hasNextPage && value.items.length > 0 && (added > 0 || page === first);
		} catch (error) {
			stopped = upstreamRefusal(ctx, error);
			break;
		}
		await reportProgress(ctx, request, read, total, texts.exportProgress(read, total));
		if (!more) break;
	}
	if (read === 0 && stopped) return refused(stopped);
	return { ok: true, view: exportView(query, found.products, read, stopped) };
}
