import type { Logger, Refusal } from "@catbot/core";
import { type Context, TelegramError } from "telegraf";
import { RetryLaterError } from "./outgoing.js";
import { lastPageKeyboard, type RenderedMessage } from "./render/page.js";

const QUIET_EDIT_ERRORS = /message is not modified/i;
const GONE_EDIT_ERRORS = /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i;

/** Text for a refusal; an empty string means "say nothing" (a repeated rate-limit refusal). */
export function refusalText(refusal: Refusal): string {
	return refusal.kind === "rate-limited" && !refusal.notify ? "" : refusal.message;
}

/** A short user-facing text for a failure while talking to Telegram itself. */
export function failureText(error: unknown): string {
	return error instanceof RetryLaterError ? error.message : "Something went wrong. Please try again.";
}

/**
 * Replaces the message a button belongs to. Pressing a button twice is harmless ("message is not modified"
 * is ignored); when the message is gone or too old to edit, the page is sent as a new message instead.
 */
export async function editInPlace(ctx: Context, message: RenderedMessage, logger: Logger): Promise<void> {
	const { text, ...extra } = message;
	try {
		await ctx.editMessageText(text, extra);
	} catch (error) {
		if (error instanceof TelegramError && QUIET_EDIT_ERRORS.test(error.description)) return;
		if (error instanceof TelegramError && GONE_EDIT_ERRORS.test(error.description)) {
			logger.info({ description: error.description }, "message no longer editable; sending a new one");
			await ctx.reply(text, extra);
			return;
		}
		throw error;
	}
}

/** Presses already answered: Telegram takes one answer per press. */
const answered = new WeakSet<Context>();

/**
 * Answers a button press once (later calls do nothing), swallowing "query is too old": the user has moved
 * on, nothing to tell them.
 */
export async function answer(ctx: Context, text?: string, alert = false): Promise<void> {
	if (answered.has(ctx)) return;
	answered.add(ctx);
	try {
		await ctx.answerCbQuery(text, alert ? { show_alert: true } : undefined);
	} catch (error) {
		if (error instanceof TelegramError && error.code === 400) return;
		throw error;
	}
}

/**
 * Tells the user something about their update: as an alert on the press while it is still open, else as a
 * message in the chat. An empty text only closes an open press (a quiet refusal).
 */
export async function tell(ctx: Context, text: string): Promise<void> {
	if (ctx.callbackQuery && !answered.has(ctx)) return answer(ctx, text || undefined, text !== "");
	if (text && ctx.chat) await ctx.reply(text, { link_preview_options: { is_disabled: true } });
}

/**
 * Tells the user why there is no page, as {@link tell} does. A page past the end is the exception: it is
 * always a message, since its button to the last page cannot ride on an alert, and that button's press
 * then turns the message into the page.
 */
export async function tellRefusal(ctx: Context, refusal: Refusal): Promise<void> {
	const keyboard = lastPageKeyboard(refusal);
	if (!keyboard || !ctx.chat) return tell(ctx, refusalText(refusal));
	if (ctx.callbackQuery) await answer(ctx);
	await ctx.reply(refusal.message, { link_preview_options: { is_disabled: true }, reply_markup: keyboard });
}

/**
 * The text (or caption) of the message a pressed button is on: an expired search's answer reads its
 * canonical command from it.
 */
export function pressedMessageText(ctx: Context): string | undefined {
	const message = ctx.callbackQuery?.message;
	if (message === undefined) return undefined;
	if ("text" in message) return message.text;
	if ("caption" in message) return message.caption;
	return undefined;
}
