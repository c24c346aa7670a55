import { Composer, type Context } from "telegraf";
import { actorOf, type Deps } from "../context.js";
import { renderPage } from "../render/page.js";
import { failureText, refusalText } from "../respond.js";

/** /category: parse the text in core, show "typing" while an uncached page loads, reply with the page. */
export function categoryFeature(deps: Deps): Composer<Context> {
	const composer = new Composer();
	composer.command("category", (ctx) => {
		const actor = actorOf(ctx);
		if (!actor) return;
		const text = ctx.message.text;
		deps.tasks.run("category", async () => {
			try {
				const outcome = await deps.catalog.show(
					actor,
					{ text },
					{ onSlow: () => ctx.sendChatAction("typing") },
				);
				if (outcome.ok) {
					const { text: body, ...extra } = renderPage(outcome.view);
					await ctx.reply(body, extra);
					return;
				}
				const reply = refusalText(outcome.refusal);
				if (reply) await ctx.reply(reply, { link_preview_options: { is_disabled: true } });
			} catch (error) {
				deps.logger.warn({ err: error }, "could not answer /category");
				await ctx.reply(failureText(error)).catch(() => undefined);
			}
		});
	});
	return composer;
}
