import { type Actor, badButtonText, parseShortlistCommand, type ShortlistExport } from "@catbot/core";
import { Composer, type Context, Input } from "telegraf";
import type { ButtonAction } from "../callbackData.js";
import { actorOf, type Deps, displayName, placeOf } from "../context.js";
import { renderShortlist } from "../render/shortlist.js";
import { answer, editInPlace, pressedMessageText, tell, tellRefusal } from "../respond.js";

type ShortlistAction = Extract<ButtonAction, { kind: "save" | "shortlist" | "remove" }>;
type SaveAction = Extract<ButtonAction, { kind: "save" }>;

/** Sends the list as a CSV document, or just says so when nothing is saved. */
async function sendExport(ctx: Context, view: ShortlistExport): Promise<void> {
	if (view.count === 0) {
		await ctx.reply(view.text);
		return;
	}
	await ctx.replyWithDocument(Input.fromBuffer(Buffer.from(view.csv, "utf8"), view.fileName), {
		caption: view.text,
	});
}

/**
 * /shortlist (page 1), /shortlist 2, /shortlist export: the chat's saved cards as one message with
 * remove and paging buttons, or as a CSV document. Never a paid call.
 */
export function shortlistFeature(deps: Deps): Composer<Context> {
	const composer = new Composer();
	composer.command("shortlist", async (ctx) => {
		const actor = actorOf(ctx);
		const place = placeOf(ctx);
		if (!actor || !place) return;
		const command = parseShortlistCommand(ctx.message.text);
		if (!command.ok) return tellRefusal(ctx, command.refusal);
		if (command.command === "export") {
			const outcome = await deps.shortlist.export(actor, place);
			if (!outcome.ok) return tellRefusal(ctx, outcome.refusal);
			return sendExport(ctx, outcome.view);
		}
		const outcome = await deps.shortlist.list(actor, place, command.page);
		if (!outcome.ok) return tellRefusal(ctx, outcome.refusal);
		const { text, ...extra } = renderShortlist(outcome.view);
		await ctx.reply(text, extra);
	});
	return composer;
}

/**
 * Saves the opened card. The answer is a toast on the press, so a busy group gets no new message; only
 * when the page had to be fetched again (the press was answered before that paid call) is it a message.
 */
async function save(ctx: Context, deps: Deps, actor: Actor, action: SaveAction): Promise<void> {
	const place = placeOf(ctx);
	if (!place) return answer(ctx, badButtonText(), true);
	let acknowledged = false;
	const outcome = await deps.shortlist.save(
		actor,
		place,
		{ token: action.token, position: action.position, shown: pressedMessageText(ctx) },
		displayName(ctx),
		{
			onSlow: async () => {
				acknowledged = true;
				await answer(ctx);
				await ctx.sendChatAction("typing");
			},
		},
	);
	if (!outcome.ok) return tellRefusal(ctx, outcome.refusal);
	if (acknowledged) return tell(ctx, outcome.view.text);
	return answer(ctx, outcome.view.text);
}

/** Shows `page` of the chat's list in place of the pressed message. */
async function showPage(ctx: Context, deps: Deps, actor: Actor, page: number): Promise<void> {
	const place = placeOf(ctx);
	if (!place) return answer(ctx, badButtonText(), true);
	const outcome = await deps.shortlist.list(actor, place, page);
	if (!outcome.ok) return tellRefusal(ctx, outcome.refusal);
	await answer(ctx);
	await editInPlace(ctx, renderShortlist(outcome.view), deps.logger);
}

/**
 * The shortlist's buttons: ☆ Save on an opened card, the list's paging, and ✖ (any member may remove a
 * card; the engine's action line says who did). After a removal the list is shown again in place.
 */
export async function handleShortlistPress(
	ctx: Context,
	deps: Deps,
	actor: Actor,
	action: ShortlistAction,
): Promise<void> {
	if (action.kind === "save") return save(ctx, deps, actor, action);
	if (action.kind === "shortlist") return showPage(ctx, deps, actor, action.page);
	const place = placeOf(ctx);
	if (!place) return answer(ctx, badButtonText(), true);
	const removed = await deps.shortlist.remove(actor, place, action.itemId);
	if (!removed.ok) return tellRefusal(ctx, removed.refusal);
	await answer(ctx, removed.view.text);
	// Counted as one more action, like any list; refused (rate limit) it only leaves the message as it was.
	const listed = await deps.shortlist.list(actor, place, action.page);
	if (listed.ok) await editInPlace(ctx, renderShortlist(listed.view), deps.logger);
}
