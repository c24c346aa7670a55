import { type Actor, badButtonText, type CatalogOutcome, type ResultView } from "@catbot/core";
import { Composer, type Context } from "telegraf";
import { type ButtonAction, decodeAction } from "../callbackData.js";
import { actorOf, type Deps } from "../context.js";
import { renderBrowse } from "../render/browse.js";
import { renderCardView, renderShare } from "../render/card.js";
import { renderPage } from "../render/page.js";
import { answer, editInPlace, pressedMessageText, tell, tellRefusal } from "../respond.js";
import { handleShortlistPress } from "./shortlist.js";
import { handleUnwatchPress } from "./watches.js";

/**
 * Runs a press. It is answered at once when an upstream call is needed, and otherwise with the result (an
 * alert for a refusal), so the user always gets exactly one answer; errors go to the dispatcher.
 */
async function handle(ctx: Context, deps: Deps, actor: Actor, action: ButtonAction): Promise<void> {
	if (action.kind === "noop") return answer(ctx);
	if (action.kind === "save" || action.kind === "shortlist" || action.kind === "remove") {
		return handleShortlistPress(ctx, deps, actor, action);
	}
	if (action.kind === "unwatch") return handleUnwatchPress(ctx, deps, actor, action.position);
	if (action.kind === "browse") {
		const outcome = await deps.catalog.browse(actor, action.catId);
		if (!outcome.ok) return tellRefusal(ctx, outcome.refusal);
		await answer(ctx);
		return editInPlace(ctx, renderBrowse(outcome.view), deps.logger);
	}
	const outcome: CatalogOutcome<ResultView> = await deps.catalog.show(
		actor,
		{ token: action.token, shown: pressedMessageText(ctx) },
		{
			onSlow: async () => {
				await answer(ctx);
				await ctx.sendChatAction("typing");
			},
		},
	);
	if (!outcome.ok) return tellRefusal(ctx, outcome.refusal);
	const view = outcome.view;
	if (action.kind === "page") {
		await answer(ctx);
		return editInPlace(ctx, renderPage(view), deps.logger);
	}
	const card = view.cards[action.index];
	if (!card) return tell(ctx, badButtonText(view.query.language));
	await answer(ctx);
	if (action.kind === "card") return editInPlace(ctx, renderCardView(view, action.index, card), deps.logger);
	await shareCard(ctx, card, deps);
}

/** Posts the card as its own message; a photo when it has one, text when the photo cannot be sent. */
async function shareCard(ctx: Context, card: ResultView["cards"][number], deps: Deps): Promise<void> {
	const shared = renderShare(card);
	if (card.imageUrl) {
		try {
			await ctx.replyWithPhoto(card.imageUrl, shared);
			return;
		} catch (error) {
			deps.logger.info({ err: error }, "photo could not be shared; sending the card as text");
		}
	}
	const { caption, ...extra } = shared;
	await ctx.reply(caption, { ...extra, link_preview_options: { is_disabled: true } });
}

/**
 * Every inline button: paging, sort, open card, back, save, share, the category browser, the shortlist and
 * the watches' remove buttons.
 */
export function buttonsFeature(deps: Deps): Composer<Context> {
	const composer = new Composer();
	composer.on("callback_query", (ctx) => {
		const data = "data" in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
		const action = data === undefined ? null : decodeAction(data);
		const actor = actorOf(ctx);
		if (!action || !actor) {
			deps.logger.info({ user: ctx.from.id }, "unreadable button data");
			return answer(ctx, badButtonText(), true);
		}
		return handle(ctx, deps, actor, action);
	});
	return composer;
}
