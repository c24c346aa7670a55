import { Telegraf } from "telegraf";
import type { Deps } from "./context.js";
import { dispatchUpdates, type UpdateLimits } from "./dispatch.js";
import { browseFeature } from "./features/browse.js";
import { buttonsFeature } from "./features/buttons.js";
import { categoryFeature } from "./features/category.js";
import { exportFeature } from "./features/export.js";
import { helpFeature } from "./features/help.js";
import { type InlineOptions, inlineFeature } from "./features/inline.js";
import { createRecentQueries } from "./features/recent.js";
import { shortlistFeature } from "./features/shortlist.js";
import { watchesFeature } from "./features/watches.js";
import { paceOutgoing } from "./outgoing.js";

/** Options of {@link createBot}. */
export interface BotOptions {
	readonly token: string;
	/** Bot API root; a self-hosted server or, in tests, the fake. */
	readonly apiRoot: string;
	/** Longest a send may wait for flood limits before answering "try again in N s". */
	readonly maxSendWaitMs?: number;
	/** Ordering and concurrency of update handling; defaults in {@link dispatchUpdates}. */
	readonly updates?: UpdateLimits;
	/** Timing of inline answers; defaults in {@link inlineFeature}. */
	readonly inline?: InlineOptions;
}

/** The updates the bot asks Telegram for; chosen_inline_result comes only with /setinlinefeedback. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "chosen_inline_result"] as const;

/** The command menu registered with setMyCommands at start. */
export const COMMANDS = [
	{ command: "category", description: "Browse a 1688 category: /category 1031910 sort:sales" },
	{ command: "search", description: "Search 1688 by keyword: /search summer dress sort:sales" },
	{ command: "categories", description: "Find a category id by browsing the tree" },
	{ command: "export", description: "Products as a CSV file: /export 1031910 sort:sales pages:5" },
	{ command: "shortlist", description: "This chat's saved cards: /shortlist 2, /shortlist export" },
	{ command: "watch", description: "Post new products of a query here: /watch 1031910 sort:sales every:12h" },
	{ command: "watches", description: "This chat's watches, their next run and last result" },
	{ command: "unwatch", description: "Stop a watch: /unwatch 2 (the number in /watches)" },
	{ command: "help", description: "How to use the bot" },
];

/**
 * The Telegram bot: one middleware that orders, caps and guards every update, then the features as small
 * composers; outgoing sends paced by one client set up here.
 */
export function createBot(deps: Deps, options: BotOptions): Telegraf {
	const bot = new Telegraf(options.token, {
		// Handlers run after the webhook request has been answered, so a call can never ride in that answer
		// (where it would get no result back, e.g. no message id).
		telegram: { apiRoot: options.apiRoot, webhookReply: false },
		// The dispatcher returns at once, so this bounds only the hand-over, never a slow handler.
		handlerTimeout: 10_000,
	});
	paceOutgoing(bot, {
		logger: deps.logger,
		...(options.maxSendWaitMs ? { maxWaitMs: options.maxSendWaitMs } : {}),
	});
	// Queries looked at by /category, /search and inline mode, for inline help.
	const recent = createRecentQueries();
	bot.use(
		dispatchUpdates(deps, options.updates),
		helpFeature(),
		categoryFeature(deps, recent),
		inlineFeature(deps, recent, options.inline),
		exportFeature(deps),
		shortlistFeature(deps),
		watchesFeature(deps),
		browseFeature(deps),
		buttonsFeature(deps),
	);
	bot.catch((error, ctx) => {
		// Only the hand-over itself can get here; handler errors are answered by the dispatcher.
		deps.logger.error({ err: error, update: ctx.update.update_id }, "update failed");
	});
	return bot;
}
