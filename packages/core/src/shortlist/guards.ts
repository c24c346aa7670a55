import * as v from "valibot";
import type { ActionContext } from "../catalog/actions.js";
import type { CatalogOutcome, Refusal } from "../catalog/outcome.js";
import { refuse } from "../catalog/refusals.js";
import { isStoreError, StoreError, type StoreErrorCode } from "../store/errors.js";
import { type Place, PlaceSchema } from "../store/place.js";
import { SHORTLIST_PAGES_MAX } from "./limits.js";

/** Store failures worth trying again later; the others will fail the same way. */
const RETRYABLE: ReadonlySet<StoreErrorCode> = new Set(["unavailable", "closed", "failed"]);

/**
 * A store failure as a refusal: kind "upstream" (the engine's dependency failed) with the code
 * `store-<StoreError code>` and the StoreError's message, which is safe to show and quotes no data.
 * Its cause goes to the log for the operator; anything that is not a StoreError is a bug, kept vague.
 */
export function storeRefusal(ctx: Pick<ActionContext, "logger">, error: unknown): Refusal {
	if (isStoreError(error)) {
		ctx.logger.warn({ err: error, code: error.code, detail: error.detail }, "shortlist store call failed");
		return refuse.upstream(`store-${error.code}`, RETRYABLE.has(error.code), error.message);
	}
	ctx.logger.error({ err: error }, "unexpected shortlist failure");
	return refuse.upstream("internal", true, "Something went wrong on our side. Please try again.");
}

/** Runs one shortlist job so that nothing it throws escapes: every failure becomes a refusal. */
export async function guarded<T>(
	ctx: Pick<ActionContext, "logger">,
	job: () => Promise<CatalogOutcome<T>>,
): Promise<CatalogOutcome<T>> {
	try {
		return await job();
	} catch (error) {
		return { ok: false, refusal: storeRefusal(ctx, error) };
	}
}

/**
 * Null when the place can keep a shortlist, else the refusal the store would give. Places come from the
 * adapter, not the user, so a bad one is a bug: refused before anything is counted.
 */
export function placeRefusal(ctx: Pick<ActionContext, "logger">, place: Place): Refusal | null {
	const checked = v.safeParse(PlaceSchema, place);
	if (checked.success) return null;
	return storeRefusal(ctx, new StoreError("invalid", { detail: "place: not a chat or channel id" }));
}

/** "telegram:-100123", for log lines. */
export function placeLabel(place: Place): string {
	return `${place.platform}:${place.id}`;
}

/** Why `page` is no shortlist page, or null. */
export function pageProblem(page: unknown): string | null {
	return typeof page === "number" && Number.isSafeInteger(page) && page >= 1 && page <= SHORTLIST_PAGES_MAX
		? null
		: `The page must be a whole number from 1 to ${SHORTLIST_PAGES_MAX}`;
}

/** Why `itemId` is no saved card's id, or null. */
export function itemIdProblem(itemId: unknown): string | null {
	return typeof itemId === "string" && /^\d{1,25}$/.test(itemId) ? null : "That is not a saved card";
}

/**
 * A display name as the store keeps it: control and format characters dropped, spaces folded, null when
 * nothing is left. savedCardFromProduct cuts it to the stored length.
 */
export function cleanName(name: string | null | undefined): string | null {
	if (typeof name !== "string") return null;
	const clean = name
		.slice(0, 1_000)
		.replace(/[\p{Cc}\p{Cf}]/gu, "")
		.replace(/\s+/g, " ")
		.trim();
	return clean === "" ? null : clean;
}
