import { CatbotError, type Logger } from "@catbot/core";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { type Context, type Telegraf, TelegramError } from "telegraf";

/**
 * Telegram asked us (or our own pacing would make us) wait longer than a handler should hang. Its message
 * is what the user is told; `cause` is Telegram's 429 when there was one.
 */
export class RetryLaterError extends CatbotError<"retry-later"> {
	readonly retryAfterSec: number;

	constructor(retryAfterSec: number, options?: { cause?: unknown }) {
		super("retry-later", `Telegram is busy. Please try again in ${retryAfterSec} s.`, options);
		this.retryAfterSec = retryAfterSec;
	}
}

/** Methods that post or change a message, which Telegram's flood limits count. */
const COUNTED = new Set([
	"sendMessage",
	"sendPhoto",
	"sendDocument",
	"editMessageText",
	"editMessageCaption",
	"editMessageMedia",
	"editMessageReplyMarkup",
]);

/** Options of {@link paceOutgoing}. */
export interface OutgoingOptions {
	readonly logger: Logger;
	/** The longest a send may wait, for our pacing or Telegram's retry_after, before it gives up. Default 4 s. */
	readonly maxWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chatKey(payload: unknown): string | undefined {
	const chatId = (payload as { chat_id?: unknown } | null)?.chat_id;
	return typeof chatId === "number" || typeof chatId === "string" ? String(chatId) : undefined;
}

/**
 * Paces every outgoing send and edit to Telegram's published limits (about one message a second per chat,
 * 20 a minute per group, 30 a second in all) and retries a 429 after its `retry_after`. Waits are bounded:
 * past `maxWaitMs` the call fails with {@link RetryLaterError}, which becomes "try again in N s", so no
 * handler hangs.
 *
 * Installed once, at bot creation, on the bot's own client. telegraf builds a fresh client for every
 * update but then copies `bot.context` onto the update's context, so putting the bot's client there makes
 * every handler's `ctx.telegram` (and `ctx.reply` and the rest) this one paced client.
 */
export function paceOutgoing(bot: Telegraf<Context>, options: OutgoingOptions): void {
	const maxWaitMs = options.maxWaitMs ?? 4_000;
	const perChat = new RateLimiterMemory({ keyPrefix: "chat", points: 1, duration: 1 });
	const perGroup = new RateLimiterMemory({ keyPrefix: "group", points: 20, duration: 60 });
	const overall = new RateLimiterMemory({ keyPrefix: "all", points: 30, duration: 1 });
	async function take(limiter: RateLimiterMemory, key: string, deadline: number): Promise<void> {
		for (;;) {
			try {
				await limiter.consume(key);
				return;
			} catch (rejection) {
				if (rejection instanceof Error) return; // the memory store does not fail; never block on it
				const ms = (rejection as { msBeforeNext: number }).msBeforeNext;
				// Refused points still count in rate-limiter-flexible: give this one back before waiting.
				await limiter.reward(key);
				if (Date.now() + ms > deadline) throw new RetryLaterError(Math.ceil(ms / 1000));
				await sleep(ms);
			}
		}
	}

	async function send<T>(method: string, payload: unknown, call: () => Promise<T>): Promise<T> {
		const deadline = Date.now() + maxWaitMs;
		const chat = chatKey(payload);
		if (COUNTED.has(method) && chat !== undefined) {
			await take(overall, "all", deadline);
			await take(perChat, chat, deadline);
			if (chat.startsWith("-")) await take(perGroup, chat, deadline);
		}
		for (let attempt = 0; ; attempt += 1) {
			try {
				return await call();
			} catch (error) {
				const retryAfter =
					error instanceof TelegramError && error.code === 429
						? (error.parameters?.retry_after ?? 1)
						: undefined;
				if (retryAfter === undefined) throw error;
				options.logger.warn({ method, retryAfter }, "telegram flood limit");
				if (attempt >= 2 || Date.now() + retryAfter * 1000 > deadline) {
					throw new RetryLaterError(retryAfter, { cause: error });
				}
				await sleep(retryAfter * 1000);
			}
		}
	}

	const telegram = bot.telegram;
	const original = telegram.callApi.bind(telegram);
	const paced: typeof telegram.callApi = (method, payload, extra) =>
		send(method, payload, () => original(method, payload, extra));
	telegram.callApi = paced;
	Object.assign(bot.context, { telegram });
}
