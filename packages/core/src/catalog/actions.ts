import { type Actor, actorKey } from "../access/actor.js";
import type { AccessPolicy } from "../access/allowList.js";
import type { Limits } from "../limits/createLimits.js";
import type { Logger } from "../logging/logger.js";
import type { Metrics } from "../metrics/metrics.js";
import type { CatalogQuery } from "../query/searchSchema.js";
import { isTmapiError } from "../tmapi/errors.js";
import type { CategoryDirectory } from "./categories.js";
import type { CatalogOutcome, Refusal } from "./outcome.js";
import type { PageSource } from "./pages.js";
import { refuse } from "./refusals.js";
import type { SearchKeywords } from "./searchKeywords.js";
import { BudgetExceededError } from "./upstream.js";

/** What every job of the catalog shares: its settings and the parts createCatalog wires together. */
export interface CatalogContext {
	readonly now: () => number;
	readonly logger: Logger;
	readonly metrics: Metrics | undefined;
	readonly access: AccessPolicy;
	readonly limits: Limits;
	readonly pages: PageSource;
	readonly directory: CategoryDirectory;
	readonly tokenSecret: string;
	/** Where search keywords wait for their buttons. */
	readonly searches: SearchKeywords;
	/** Signs a valid query into a page token. */
	readonly sign: (query: CatalogQuery) => string;
	readonly nameWaitMs: number;
	readonly maxExportPages: number;
}

/**
 * What one action needs to be admitted, counted and logged: the part of the context that features built
 * on the catalog (the shortlist) share with it, so every action line and limit works the same way.
 */
export type ActionContext = Pick<CatalogContext, "now" | "logger" | "metrics" | "access" | "limits">;

/** What the action log line says about a request beyond its outcome; filled in as the action runs. */
export interface ActionMeta {
	cache: "hit" | "miss" | "none";
	catId?: number | undefined;
	/** A search's keyword (at most 60 characters, checked by the schema). */
	keyword?: string | undefined;
	/** The shared list's place ("telegram:-100123") for actions on one, e.g. who removed a card where. */
	place?: string | undefined;
	itemId?: string | undefined;
	/** What an action on a shared list did beyond "ok", e.g. saved, exists, full, removed. */
	result?: string | undefined;
}

/** A refusal as an outcome of any view type. */
export function refused(refusal: Refusal): { ok: false; refusal: Refusal } {
	return { ok: false, refusal };
}

/**
 * The first gate: access. It comes before reading the input, so outsiders learn nothing from the bot,
 * not even its grammar; it counts nothing.
 */
export function refuseOutsider(ctx: Pick<ActionContext, "access">, actor: Actor): Refusal | null {
	return ctx.access.allows(actor) ? null : refuse.forbidden();
}

/**
 * The second gate, passed only by valid input: one action against the user's rate limit. Rejected input
 * (a bad command, a forged token, bad options) never reaches it, so it never counts.
 */
export async function countAction(ctx: Pick<ActionContext, "limits">, actor: Actor): Promise<Refusal | null> {
	const decision = await ctx.limits.action(actorKey(actor));
	return decision.allowed ? null : refuse.rateLimited(decision.retryAfterMs, decision.notify);
}

/** An upstream or budget failure as a refusal; anything unexpected is logged and kept vague. */
export function upstreamRefusal(ctx: CatalogContext, error: unknown): Refusal {
	if (error instanceof BudgetExceededError) return refuse.budget(error.scope, error.retryAfterMs);
	if (isTmapiError(error)) return refuse.upstream(error.code, error.retryable, error.message);
	ctx.logger.error({ err: error }, "unexpected failure while loading a page");
	return refuse.upstream("internal", true, "Something went wrong on our side. Please try again.");
}

/** Runs one action and writes its log line and metrics, whatever the outcome. */
export async function recordAction<T>(
	ctx: Pick<ActionContext, "now" | "logger" | "metrics">,
	actor: Actor,
	action: string,
	run: (meta: ActionMeta) => Promise<CatalogOutcome<T>>,
): Promise<CatalogOutcome<T>> {
	const started = ctx.now();
	const meta: ActionMeta = { cache: "none" };
	const outcome = await run(meta);
	const seconds = (ctx.now() - started) / 1000;
	const fields = {
		action,
		platform: actor.platform,
		user: actor.userId,
		outcome: outcome.ok ? "ok" : outcome.refusal.kind,
		latencyMs: Math.round(seconds * 1000),
		...meta,
	};
	ctx.metrics?.action(actor.platform, action, fields.outcome, seconds);
	if (!outcome.ok && outcome.refusal.kind === "upstream") {
		ctx.logger.warn({ ...fields, code: outcome.refusal.code }, "action");
	} else ctx.logger.info(fields, "action");
	return outcome;
}
