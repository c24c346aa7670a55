import { productsToCsv } from "@catbot/core";
import { Composer, type Context, Input } from "telegraf";
import { actorOf, type Deps } from "../context.js";
import { refusalText } from "../respond.js";

/**
 * /export <query> pages:N: a status message edited as pages arrive, then the products as a CSV document.
 * Pages already cached are free; the rest come out of the user's daily budget like any page.
 */
export function exportFeature(deps: Deps): Composer<Context> {
	const composer = new Composer();
	composer.command("export", async (ctx) => {
		const actor = actorOf(ctx);
		if (!actor) return;
		let statusId: number | undefined;
		const status = async (line: string) => {
			if (statusId === undefined) statusId = (await ctx.reply(line)).message_id;
			else await ctx.telegram.editMessageText(ctx.chat.id, statusId, undefined, line).catch(() => undefined);
		};
		await status("📦 Export started…");
		const outcome = await deps.catalog.export(
			actor,
			{ text: ctx.message.text },
			{ onProgress: (done, total) => status(`📦 Exporting… page ${done} of ${total}`) },
		);
		if (!outcome.ok) {
			await status(refusalText(outcome.refusal) || outcome.refusal.message);
			return;
		}
		const { view } = outcome;
		const name = `catbot-${view.query.catId}-${view.query.sort}.csv`;
		const note = view.stoppedEarly ? ` Stopped early: ${view.stoppedEarly.message}` : "";
		await status(`✅ ${view.products.length} products from ${view.pagesRead} page(s).${note}`);
		await ctx.replyWithDocument(Input.fromBuffer(Buffer.from(productsToCsv(view.products), "utf8"), name), {
			caption: `${view.command} · ${view.products.length} products`,
		});
	});
	return composer;
}
