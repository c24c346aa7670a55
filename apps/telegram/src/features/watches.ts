import { type Actor, badButtonText, parseWatchCommand, type WatchPost } from "@catbot/core";
import { Composer, type Context, type Telegram, TelegramError } from "telegraf";
import { actorOf, type Deps, placeOf } from "../context.js";
import { renderWatchList, renderWatchPost } from "../render/watches.js";
import { answer, editInPlace, tellRefusal } from "../respond.js";

/** Sends a watch's post to its chat (through the bot's paced client); the scheduler's `send`. */
export async function sendWatchPost(telegram: Telegram, post: WatchPost): Promise<void> {
	if (post.place.platform !== "telegram") {
		throw new Error(`watch ${post.watchId} belongs to ${post.place.platform}, not Telegram`);
	}
	const { text, ...extra } = renderWatchPost(post);
	// As a number, like the chat ids of updates: the same pacing key and call parameters as replies.
	const chatId = /^-?\d{1,16}$/.test(post.place.id) ? Number(post.place.id) : post.place.id;
	await telegram.sendMessage(chatId, text, extra);
}

/** A send that failed because the bot can no longer post in that chat (kicked, blocked, chat deleted). */
export function isChatGone(error: unknown): boolean {
	return error instanceof TelegramError && error.code === 403;
}

/** /watches: the chat's watches with their next run and last result, each with a remove button. */
async function list(ctx: Context, deps: Deps, actor: Actor): Promise<void> {
	const place = placeOf(ctx);
	if (!place) return;
	const outcome = await deps.watches.list(actor, place);
	if (!outcome.ok) return tellRefusal(ctx, outcome.refusal);
	const { text, ...extra } = renderWatchList(outcome.view);
	await ctx.reply(text, extra);
}

/**
 * /watch <category query> [every:12h], /watches and /unwatch <n>; the place is the chat. A new watch's
 * first run happens at once: its post (the top cards) is the answer, since it says "watching" itself.
 */
export function watchesFeature(deps: Deps): Composer<Context> {
	const composer = new Composer();
	composer.command(["watch", "watches", "unwatch"], async (ctx) => {
		const actor = actorOf(ctx);
		const place = placeOf(ctx);
		if (!actor || !place) return;
		const command = parseWatchCommand(ctx.message.text);
		if (!command.ok) return tellRefusal(ctx, command.refusal);
		if (command.command === "watches") return list(ctx, deps, actor);
		if (command.command === "unwatch") {
			const outcome = await deps.watches.remove(actor, place, command.position);
			if (!outcome.ok) return tellRefusal(ctx, outcome.refusal);
			await ctx.reply(outcome.view.text);
			return;
		}
		const outcome = await deps.watches.create(actor, place, { text: ctx.message.text });
		if (!outcome.ok) return tellRefusal(ctx, outcome.refusal);
		const { post, text: said } = outcome.view;
		// The first post's text already says "watching"; a notice (or no post) needs the view's text.
		if (post?.kind !== "first") await ctx.reply(said);
		if (post) {
			const { text, ...extra } = renderWatchPost(post);
			await ctx.reply(text, extra);
		}
	});
	return composer;
}

/** ✖ Remove n on /watches: removes that watch (a toast says which) and shows the list again in place. */
export async function handleUnwatchPress(
	ctx: Context,
	deps: Deps,
	actor: Actor,
	position: number,
): Promise<void> {
	const place = placeOf(ctx);
	if (!place) return answer(ctx, badButtonText(), true);
	const removed = await deps.watches.remove(actor, place, position);
	if (!removed.ok) return tellRefusal(ctx, removed.refusal);
	await answer(ctx, removed.view.text);
	// Counted as one more action; refused (rate limit) it only leaves the message as it was.
	const listed = await deps.watches.list(actor, place);
	if (listed.ok) await editInPlace(ctx, renderWatchList(listed.view), deps.logger);
}
