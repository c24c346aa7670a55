import type { CatalogOutcome, InlineView } from "@catbot/core";
import { Composer, type Context, TelegramError } from "telegraf";
import { actorOf, type Deps } from "../context.js";
import {
	type InlineAnswer,
	renderInlineHelp,
	renderInlineLoading,
	renderInlineProblem,
	renderInlineView,
} from "../render/inline.js";
import type { RecentQueries } from "./recent.js";

/** Timing of {@link inlineFeature}. */
export interface InlineOptions {
	/**
	 * How long an answer waits for the upstream before saying "loading" instead; Telegram drops answers
	 * after about 10 s. Default 6 s.
	 */
	readonly deadlineMs?: number;
	/**
	 * How long a query must stand before it runs. Clients send a query per pause in typing, and "1", "10",
	 * "103" are all valid category ids: without the wait each would be a paid call. Default 350 ms.
	 */
	readonly settleMs?: number;
}

export const INLINE_DEADLINE_MS = 6_000;
export const INLINE_SETTLE_MS = 350;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "search" with nothing after it yet reads as a query still being typed, not a malformed one. */
const UNFINISHED = /^(?:[/／]?search)?$/i;
const TOO_OLD = /query is too old|QUERY_ID_INVALID/i;

type Raced<T> = { readonly done: true; readonly value: T } | { readonly done: false };

async function within<T>(work: Promise<T>, ms: number): Promise<Raced<T>> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<Raced<T>>((resolve) => {
		timer = setTimeout(() => resolve({ done: false }), ms);
	});
	try {
		return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Telegram's inline mode: "@bot 1031910 sales" or "@bot search summer dress" in any chat answers with the
 * products of one upstream page as shareable cards, and scrolling loads the next through `next_offset`.
 * A query replaced by the user's next keystroke within `settleMs` is dropped unanswered (the client shows
 * only the newest); a slow upstream gets a "loading" answer at `deadlineMs` while its call goes on in the
 * background to fill the cache. Chosen results are logged as actions.
 */
export function inlineFeature(
	deps: Deps,
	recent: RecentQueries,
	options: InlineOptions = {},
): Composer<Context> {
	const deadlineMs = options.deadlineMs ?? INLINE_DEADLINE_MS;
	const settleMs = options.settleMs ?? INLINE_SETTLE_MS;
	// Each user's newest query; an entry lives only while that query runs, so the map stays small.
	const newest = new Map<number, string>();

	function remember(userId: number, outcome: CatalogOutcome<InlineView>): void {
		if (outcome.ok) recent.remember(userId, outcome.view.query, outcome.view.title);
	}

	async function answerFor(ctx: Context & { inlineQuery: NonNullable<Context["inlineQuery"]> }) {
		const { from, query, offset } = ctx.inlineQuery;
		const text = query.trim();
		if (UNFINISHED.test(text)) return renderInlineHelp(ctx.me, recent.of(from.id));
		const actor = actorOf(ctx);
		if (!actor) return undefined;
		const work = deps.catalog.inline(actor, { text, offset });
		const raced = await within(work, deadlineMs);
		if (!raced.done) {
			deps.tasks.run("inline-fill", async () => remember(from.id, await work));
			return renderInlineLoading(text);
		}
		const outcome = raced.value;
		remember(from.id, outcome);
		if (outcome.ok) return renderInlineView(outcome.view, offset === "");
		const { refusal } = outcome;
		// A forged or stale offset: end the scrolling quietly.
		if (refusal.kind === "bad-token") return { results: [], extra: { cache_time: 0, is_personal: true } };
		return renderInlineProblem(refusal.message, refusal.kind === "invalid");
	}

	async function send(ctx: Context, answer: InlineAnswer): Promise<void> {
		try {
			await ctx.answerInlineQuery(answer.results, answer.extra);
		} catch (error) {
			// The user typed on or closed the panel: nobody is waiting for this answer.
			if (error instanceof TelegramError && TOO_OLD.test(error.description)) {
				deps.logger.debug({ description: error.description }, "inline answer too late");
				return;
			}
			throw error;
		}
	}

	const composer = new Composer<Context>();
	composer.on("inline_query", async (ctx) => {
		const { id, from } = ctx.inlineQuery;
		newest.set(from.id, id);
		try {
			await sleep(settleMs);
			if (newest.get(from.id) !== id) return;
			const answer = await answerFor(ctx);
			if (answer) await send(ctx, answer);
		} finally {
			if (newest.get(from.id) === id) newest.delete(from.id);
		}
	});
	composer.on("chosen_inline_result", (ctx) => {
		// Sent only when inline feedback is on (@BotFather /setinlinefeedback). The query text stays out.
		deps.logger.info(
			{
				action: "inline-chosen",
				platform: "telegram",
				user: String(ctx.from.id),
				result: ctx.chosenInlineResult.result_id,
			},
			"action",
		);
	});
	return composer;
}
