import { Composer, type Context } from "telegraf";
import { actorOf, type Deps } from "../context.js";
import { renderBrowse } from "../render/browse.js";
import { refusalText } from "../respond.js";

/** /categories: the top of the category tree as buttons; the buttons are handled with the others. */
export function browseFeature(deps: Deps): Composer<Context> {
	const composer = new Composer();
	composer.command("categories", async (ctx) => {
		const actor = actorOf(ctx);
		if (!actor) return;
		const outcome = await deps.catalog.browse(actor);
		if (outcome.ok) {
			const { text, ...extra } = renderBrowse(outcome.view);
			await ctx.reply(text, extra);
			return;
		}
		const reply = refusalText(outcome.refusal);
		if (reply) await ctx.reply(reply);
	});
	return composer;
}
