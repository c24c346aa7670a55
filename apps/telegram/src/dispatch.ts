import type { Logger } from "@catbot/core";
import type { Context, MiddlewareFn } from "telegraf";
import { type ChatQueueLimits, createChatQueues } from "./chatQueues.js";
import { RetryLaterError } from "./outgoing.js";
import { answer, failureText, tell } from "./respond.js";
import type { Tasks } from "./tasks.js";

/** Limits of {@link dispatchUpdates}; see {@link ChatQueueLimits}. */
export type UpdateLimits = Partial<ChatQueueLimits>;

export const DEFAULT_UPDATE_LIMITS: ChatQueueLimits = {
	maxConcurrent: 16,
	maxQueuedPerChat: 10,
	maxQueued: 1_000,
	holdMs: 60_000,
};

/** The answer to a press that does not fit in its chat's queue. */
export const BUSY_TEXT = "Still working on your earlier requests. Please try again in a moment.";

/** How often a flood of refused updates is logged: once per interval with a count, not once per update. */
const DROP_LOG_INTERVAL_MS = 10_000;

/**
 * Updates of one chat share a queue; a press on an inline message (no chat) queues with its user. Inline
 * queries have no chat and nothing to keep in order (a newer one replaces an older), so each runs on its
 * own, within the same global cap.
 */
function queueKey(ctx: Context): string {
	if (ctx.inlineQuery) return `inline:${ctx.update.update_id}`;
	if (ctx.chat) return `chat:${ctx.chat.id}`;
	if (ctx.from) return `user:${ctx.from.id}`;
	return `update:${ctx.update.update_id}`;
}

/** The one place a failed update ends up: one log line, and a short answer to the user. */
async function reportFailure(ctx: Context, error: unknown, logger: Logger): Promise<void> {
	const fields = { err: error, update: ctx.update.update_id, type: ctx.updateType };
	if (error instanceof RetryLaterError) logger.warn(fields, "update failed");
	else logger.error(fields, "update failed");
	// The user may be unreachable too (blocked bot, Telegram down); the line above already says what failed.
	await tell(ctx, failureText(error)).catch(() => undefined);
}

/**
 * The first middleware: it owns how updates are run, so features are plain handlers that may throw.
 * Each update waits behind the earlier updates of its chat (two quick presses land in order) and for one
 * of `maxConcurrent` slots; different chats run side by side. It returns at once, so telegraf's polling
 * (which waits for a whole batch) and its handlerTimeout never hold one chat up behind another. A chat
 * with `maxQueuedPerChat` updates waiting gets its further presses answered "busy" and its messages
 * dropped. Every handler error is logged once and answered here. Running updates are tracked by `tasks`,
 * so shutdown can wait for them.
 */
export function dispatchUpdates(
	deps: { readonly logger: Logger; readonly tasks: Tasks },
	limits: UpdateLimits = {},
): MiddlewareFn<Context> {
	const { logger, tasks } = deps;
	const settings = { ...DEFAULT_UPDATE_LIMITS, ...limits };
	const queues = createChatQueues(settings, (chat) =>
		logger.warn({ chat, holdMs: settings.holdMs }, "update still running; its chat's next updates go ahead"),
	);
	let dropped = 0;
	let lastDropLog = Number.NEGATIVE_INFINITY;

	function drop(ctx: Context): void {
		dropped += 1;
		if (Date.now() - lastDropLog >= DROP_LOG_INTERVAL_MS) {
			logger.warn(
				{ dropped, chat: queueKey(ctx), waiting: queues.waiting },
				"update queue full; dropping updates",
			);
			lastDropLog = Date.now();
			dropped = 0;
		}
		// A press must be answered or its button spins; a message is dropped silently rather than answered,
		// which would only add to a flood.
		if (ctx.callbackQuery) tasks.run("busy", () => answer(ctx, BUSY_TEXT));
	}

	return (ctx, next) => {
		const done = queues.push(queueKey(ctx), async () => {
			try {
				await next();
			} catch (error) {
				await reportFailure(ctx, error, logger);
			}
		});
		if (done === undefined) drop(ctx);
		else tasks.run("update", () => done);
	};
}
