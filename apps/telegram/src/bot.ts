import { Telegraf } from "telegraf";
import type { Deps } from "./context.js";
import { browseFeature } from "./features/browse.js";
import { buttonsFeature } from "./features/buttons.js";
import { categoryFeature } from "./features/category.js";
import { exportFeature } from "./features/export.js";
import { helpFeature } from "./features/help.js";
import { createOutgoingLimits } from "./outgoing.js";

/** Options of {@link createBot}. */
export interface BotOptions {
	readonly token: string;
	/** Bot API root; a self-hosted server or, in tests, the fake. */
	readonly apiRoot: string;
	/** Longest a send may wait for flood limits before answering "try again in N s". */
	readonly maxSendWaitMs?: number;
}

/** The command menu registered with setMyCommands at start. */
export const COMMANDS = [
	{ command: "category", description: "Browse a 1688 category: /category 1031910 sort:sales" },
	{ command: "categories", description: "Find a category id by browsing the tree" },
	{ command: "export", description: "Products as a CSV file: /export 1031910 sort:sales pages:5" },
	{ command: "help", description: "How to use the bot" },
];

/**
 * The Telegram bot: features mounted on one Telegraf instance, outgoing sends paced, and every error
 * caught and logged so no update can stop the bot.
 */
export function createBot(deps: Deps, options: BotOptions): Telegraf {
	const bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot }, handlerTimeout: 10_000 });
	const outgoing = createOutgoingLimits({
		logger: deps.logger,
		...(options.maxSendWaitMs ? { maxWaitMs: options.maxSendWaitMs } : {}),
	});
	outgoing.install(bot.telegram);
	bot.use((ctx, next) => {
		outgoing.install(ctx.telegram);
		return next();
	});
	bot.use(
		helpFeature(),
		categoryFeature(deps),
		exportFeature(deps),
		browseFeature(deps),
		buttonsFeature(deps),
	);
	bot.catch((error, ctx) => {
		deps.logger.error({ err: error, update: ctx.update.update_id }, "update failed");
	});
	return bot;
}
