import type { Actor, CatalogOutcome, ResultView } from "@catbot/core";
import { Composer, type Context } from "telegraf";
import { type ButtonAction, decodeAction } from "../callbackData.js";
import { actorOf, type Deps } from "../context.js";
import { renderBrowse } from "../render/browse.js";
import { renderCardView, renderShare } from "../render/card.js";
import { renderPage } from "../render/page.js";
import { answer, editInPlace, failureText, refusalText } from "../respond.js";

const INVALID_BUTTON = "This button is no longer valid. Send the command again to get fresh results.";

/**
 * Tracks whether the press was answered: it is answered at once when an upstream call is needed, and
 * otherwise with the result (an alert for a refusal), so the user always gets exactly one answer.
 */
function pressAnswer(ctx: Context) {
	let answered = false;
	return {
		async now(): Promise<void> {
			if (answered) return;
			answered = true;
			await answer(ctx);
		},
		/** Tells the user about a refusal: as an alert if the press is still open, else as a message. */
		async refuse(text: string): Promise<void> {
			if (!answered) {
				answered = true;
				await answer(ctx, text || undefined, text !== "");
			} else if (text) {
				await ctx.reply(text);
			}
		},
	};
}

async function handle(ctx: Context, deps: Deps, actor: Actor, action: ButtonAction): Promise<void> {
	const press = pressAnswer(ctx);
	try {
		if (action.kind === "noop") return await press.now();
		if (action.kind === "browse") {
			const outcome = await deps.catalog.browse(actor, action.catId);
			if (!outcome.ok) return await press.refuse(refusalText(outcome.refusal));
			await press.now();
			return await editInPlace(ctx, renderBrowse(outcome.view), deps.logger);
		}
		const outcome: CatalogOutcome<ResultView> = await deps.catalog.show(
			actor,
			{ token: action.token },
			{
				onSlow: async () => {
					await press.now();
					await ctx.sendChatAction("typing");
				},
			},
		);
		if (!outcome.ok) return await press.refuse(refusalText(outcome.refusal));
		const view = outcome.view;
		if (action.kind === "page") {
			await press.now();
			return await editInPlace(ctx, renderPage(view), deps.logger);
		}
		const card = view.cards[action.index];
		if (!card) return await press.refuse(INVALID_BUTTON);
		if (action.kind === "card") {
			await press.now();
			return await editInPlace(ctx, renderCardView(view, action.index, card), deps.logger);
		}
		await press.now();
		await shareCard(ctx, card, deps);
	} catch (error) {
		deps.logger.warn({ err: error, action: action.kind }, "button press failed");
		await press.refuse(failureText(error)).catch(() => undefined);
	}
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

/** Every inline button: paging, sort, open card, back, share, and the category browser. */
export function buttonsFeature(deps: Deps): Composer<Context> {
	const composer = new Composer();
	composer.on("callback_query", (ctx) => {
		const data = "data" in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
		const action = data === undefined ? null : decodeAction(data);
		const actor = actorOf(ctx);
		if (!action || !actor) {
			deps.logger.info({ user: ctx.from.id }, "unreadable button data");
			return answer(ctx, INVALID_BUTTON, true);
		}
		deps.tasks.run("button", () => handle(ctx, deps, actor, action));
		return undefined;
	});
	return composer;
}
