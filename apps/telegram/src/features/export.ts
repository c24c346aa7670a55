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
			{ onProgress: (_done, _total, line) => status(line) },
		);
		if (!outcome.ok) {
			await status(refusalText(outcome.refusal) || outcome.refusal.message);
			return;
		}
		const { view } = outcome;
		await status(`✅ ${view.summary}`);
		const csv = Buffer.from(productsToCsv(view.products), "utf8");
		await ctx.replyWithDocument(Input.fromBuffer(csv, view.fileName), {
			caption: `${view.command} · ${view.products.length} products`,
		});
	});
	return composer;
}
