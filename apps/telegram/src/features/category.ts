import { Composer, type Context } from "telegraf";
import { actorOf, type Deps } from "../context.js";
import { renderPage } from "../render/page.js";
import { tellRefusal } from "../respond.js";
import type { RecentQueries } from "./recent.js";

/**
 * /category and /search: parse the text in core (the command word picks the grammar), show "typing" while
 * an uncached page loads, reply with the page.
 */
export function categoryFeature(deps: Deps, recent?: RecentQueries): Composer<Context> {
	const composer = new Composer();
	composer.command(["category", "search"], async (ctx) => {
		const actor = actorOf(ctx);
		if (!actor) return;
		const outcome = await deps.catalog.show(
			actor,
			{ text: ctx.message.text },
			{ onSlow: () => ctx.sendChatAction("typing") },
		);
		if (outcome.ok) {
			recent?.remember(ctx.from.id, outcome.view.query, outcome.view.title);
			const { text, ...extra } = renderPage(outcome.view);
			await ctx.reply(text, extra);
			return;
		}
		await tellRefusal(ctx, outcome.refusal);
	});
	return composer;
}
