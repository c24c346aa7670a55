import { productsToCsv } from "@catbot/core";
import { Composer, type Context, Input } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import { actorOf, type Deps } from "../context.js";
import { lastPageKeyboard } from "../render/page.js";
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
		const status = async (line: string, keyboard?: InlineKeyboardMarkup) => {
			const extra = keyboard ? { reply_markup: keyboard } : {};
			if (statusId === undefined) {
				statusId = (await ctx.reply(line, extra)).message_id;
				return;
			}
			const edit = ctx.telegram.editMessageText(ctx.chat.id, statusId, undefined, line, extra);
			await edit.catch(() => undefined);
		};
		await status("📦 Export started…");
		const outcome = await deps.catalog.export(
			actor,
			{ text: ctx.message.text },
			{ onProgress: (_done, _total, line) => status(line) },
		);
		if (!outcome.ok) {
			// A page past the end offers its last page, as /category does.
			await status(
				refusalText(outcome.refusal) || outcome.refusal.message,
				lastPageKeyboard(outcome.refusal),
			);
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
