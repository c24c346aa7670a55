import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError } from "./ApiError.js";
import { parsePayload, readBody } from "./body.js";
import { type BotMessage, toBotMessage } from "./botMessages.js";
import { type CallbackAnswer, createCallbackRegistry } from "./callbacks.js";
import { type ApiCall, createCallLog } from "./calls.js";
import { NOT_FOUND } from "./descriptions.js";
import { createDispatch } from "./dispatch.js";
import { createFailureQueue, type FailNextOptions, type InjectedError } from "./failures.js";
import { createFileStore } from "./files.js";
import { sendApiResponse, settled } from "./http.js";
import { createInlineRegistry } from "./inline.js";
import { createLatencyTable } from "./latency.js";
import type { FakeState } from "./methods/context.js";
import { createFloodControl, type RateLimit } from "./rateLimit.js";
import { type PressButtonInput, pressButton, type SendTextInput, sendText } from "./simulate.js";
import { chooseInlineResult, type FakeTelegramInline, sendInlineQuery } from "./simulateInline.js";
import { createWorld } from "./state.js";
import type { Chat, Update, User } from "./types.js";
import { createUpdateQueue } from "./updates.js";
import { createWebhookDelivery } from "./webhook.js";

/** The token the fake accepts unless told otherwise. */
export const DEFAULT_TOKEN = "123456:TEST-token";
/** The bot's username unless told otherwise. */
export const DEFAULT_BOT_USERNAME = "catbot_test_bot";
/** How long a button press can wait for answerCallbackQuery on Telegram. */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 15_000;
/** How long an inline query can wait for answerInlineQuery on Telegram. */
export const DEFAULT_INLINE_QUERY_TIMEOUT_MS = 10_000;

/** Options for {@link startFakeTelegram}; all optional. */
export interface FakeTelegramOptions {
	/** The bot token requests must carry, "<bot id>:<secret>"; default {@link DEFAULT_TOKEN}. */
	readonly token?: string;
	/** getMe's username; default {@link DEFAULT_BOT_USERNAME}. */
	readonly botUsername?: string;
	/** getMe's first_name; default "Catbot Test". */
	readonly botFirstName?: string;
	/** Port on 127.0.0.1; default 0 picks a free one. */
	readonly port?: number;
	/** How long after a press answerCallbackQuery is still accepted; default 15 000 ms like Telegram. */
	readonly callbackTimeoutMs?: number;
	/** How long after an inline query answerInlineQuery is still accepted; default 10 000 ms like Telegram. */
	readonly inlineQueryTimeoutMs?: number;
	/**
	 * Whether an `&` that does not begin an entity is an HTML parse error (default true). Telegram keeps it
	 * as a literal; the stricter default catches text put into HTML without escaping.
	 */
	readonly strictHtmlAmpersand?: boolean;
}

/** A running fake Telegram Bot API. */
export interface FakeTelegram extends FakeTelegramInline {
	/** "http://127.0.0.1:PORT", to give telegraf as `telegram.apiRoot`. */
	readonly apiRoot: string;
	readonly port: number;
	readonly token: string;
	/** The bot, as getMe returns it (without the capability flags). */
	readonly bot: User;
	/** A user, created on first use; `firstName` defaults to "User <id>" and renames a known user. */
	user(id: number, firstName?: string): User;
	/** The private chat of a user with the bot (the user has pressed Start). */
	privateChat(userId: number, firstName?: string): Chat;
	/** A group with the bot in it; ids at or below -1000000000000 make a supergroup, as on Telegram. */
	group(chatId: number, title: string): Chat;
	/**
	 * A user writes `text`; returns the queued update. A leading /command (also /command@bot) gets its
	 * bot_command entity. Updates go to getUpdates, or to the webhook while one is set.
	 */
	sendText(input: SendTextInput): Update;
	/** A user presses an inline button; throws when the message or the button does not exist, unless forced. */
	pressButton(input: PressButtonInput): Update;
	/** Every call so far, oldest first (a fresh array on every read). */
	readonly calls: readonly ApiCall[];
	/**
	 * Resolves with the first call of `method` (past or future) that is answered, or held as a long poll,
	 * and satisfies `predicate`. Rejects after `timeoutMs` with a message listing the latest calls.
	 */
	waitForCall(method: string, predicate?: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
	/** The bot's messages in a chat as they stand now, deleted ones flagged, in id order. */
	messages(chatId: number): BotMessage[];
	/** Every accepted answerCallbackQuery, oldest first. */
	readonly callbackAnswers: readonly CallbackAnswer[];
	/** Answers the next call(s) of `method` with an error instead of running it. */
	failNext(method: string, error: InjectedError, options?: FailNextOptions): void;
	/**
	 * Holds every call of `method` (only those for `chatId`, when given) `ms` before running it, as a slow
	 * link to Telegram would; 0 ends it. A held call is visible to waitForCall, without a response yet.
	 */
	setLatency(method: string, ms: number, chatId?: number): void;
	/** Enforces Telegram-like flood limits on sends and edits (429 with retry_after); `{}` turns them off. */
	setRateLimit(limit: RateLimit): void;
	/**
	 * Delivers updates to `url` as a webhook would, with the secret in X-Telegram-Bot-Api-Secret-Token, as
	 * if the bot had called setWebhook; `null` goes back to getUpdates. https on 127.0.0.1/localhost is
	 * delivered over plain http, so telegraf's createWebhook works against a local server.
	 */
	deliverTo(url: string | null, secretToken?: string): void;
	/** Ends held long polls with [], stops webhook delivery and closes the server. Safe to call twice. */
	close(): Promise<void>;
}

function checkToken(token: string): number {
	const match = /^(\d+):\S+$/.exec(token);
	if (!match)
		throw new RangeError(`A bot token looks like "<bot id>:<secret>", got ${JSON.stringify(token)}`);
	return Number(match[1]);
}

function checkNonNegative(name: string, value: number): number {
	if (!(Number.isFinite(value) && value >= 0))
		throw new RangeError(`${name} must be a non-negative number, got ${value}`);
	return value;
}

const API_PATH = /^\/bot([^/]+)\/([^/]*)$/;

function safeDecode(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}

/**
 * Starts a fake Telegram Bot API on 127.0.0.1 for end-to-end tests of a bot: it keeps chats and messages,
 * answers like Telegram (errors worded as Telegram words them), records every call, and lets a test play
 * the users. Always close it.
 *
 * @example
 * ```ts
 * const tg = await startFakeTelegram();
 * const bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } });
 * bot.command("start", (ctx) => ctx.reply("hi"));
 * void bot.launch();
 * tg.sendText({ chat: tg.privateChat(42), text: "/start" });
 * const call = await tg.waitForCall("sendMessage");
 * bot.stop();
 * await tg.close();
 * ```
 */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
	const token = options.token ?? DEFAULT_TOKEN;
	const bot: User = {
		id: checkToken(token),
		is_bot: true,
		first_name: options.botFirstName ?? "Catbot Test",
		username: options.botUsername ?? DEFAULT_BOT_USERNAME,
	};
	const callbackTimeoutMs = checkNonNegative(
		"callbackTimeoutMs",
		options.callbackTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS,
	);
	const inlineQueryTimeoutMs = checkNonNegative(
		"inlineQueryTimeoutMs",
		options.inlineQueryTimeoutMs ?? DEFAULT_INLINE_QUERY_TIMEOUT_MS,
	);
	const updates = createUpdateQueue();
	const calls = createCallLog();
	const failures = createFailureQueue();
	const latency = createLatencyTable();
	const neverAborted = new AbortController().signal;
	const fake: FakeState = {
		world: createWorld(bot),
		updates,
		// Calls in a webhook response run like requests, and nobody reads their results, as on Telegram.
		webhook: createWebhookDelivery(updates, (method, params) => {
			void dispatch({
				method,
				payload: { params, files: new Map() },
				via: "webhook-reply",
				authorized: true,
				signal: neverAborted,
			});
		}),
		callbacks: createCallbackRegistry(bot.id, callbackTimeoutMs),
		inline: createInlineRegistry(bot.id, inlineQueryTimeoutMs),
		files: createFileStore(),
		flood: createFloodControl(),
		formatting: { strictHtmlAmpersand: options.strictHtmlAmpersand ?? true },
		commands: new Map(),
	};
	const dispatch = createDispatch(fake, calls, failures, latency);
	const open = new Set<ServerResponse>();

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		const route = API_PATH.exec(url.pathname);
		const method = route?.[2];
		if (!route || !method) {
			sendApiResponse(res, new ApiError(404, NOT_FOUND).toBody());
			return;
		}
		const aborted = new AbortController();
		res.once("close", () => {
			if (!res.writableFinished) aborted.abort();
		});
		let payload: Awaited<ReturnType<typeof parsePayload>>;
		try {
			payload = parsePayload(req.headers["content-type"], await readBody(req), url.searchParams);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			sendApiResponse(res, error.toBody());
			return;
		}
		const response = await dispatch({
			method,
			payload,
			via: "http",
			authorized: route[1] === token || safeDecode(route[1] ?? "") === token,
			signal: aborted.signal,
		});
		sendApiResponse(res, response);
	}

	let stopping = false;
	const server = createServer((req, res) => {
		// After close() a bot still polling over a kept-alive socket must not get a stream of instant answers.
		if (stopping) {
			res.destroy();
			return;
		}
		open.add(res);
		res.once("close", () => open.delete(res));
		handle(req, res).catch((error: unknown) => {
			sendApiResponse(res, {
				ok: false,
				error_code: 500,
				description: `Internal Server Error: ${String(error)}`,
			});
		});
	});
	server.listen(options.port ?? 0, "127.0.0.1");
	await once(server, "listening");
	const { port } = server.address() as AddressInfo;

	let closing: Promise<void> | undefined;
	return {
		apiRoot: `http://127.0.0.1:${port}`,
		port,
		token,
		bot,
		user: (id, firstName) => fake.world.user(id, firstName),
		privateChat(userId, firstName) {
			const user = fake.world.user(userId, firstName);
			return fake.world.addChat({
				id: user.id,
				type: "private",
				first_name: user.first_name,
				...(user.username === undefined ? {} : { username: user.username }),
			});
		},
		group(chatId, title) {
			if (!(Number.isSafeInteger(chatId) && chatId < 0)) {
				throw new RangeError(`Group chat ids are negative integers, got ${chatId}`);
			}
			return fake.world.addChat({
				id: chatId,
				type: chatId <= -1_000_000_000_000 ? "supergroup" : "group",
				title,
			});
		},
		sendText: (input) => sendText(fake, input),
		pressButton: (input) => pressButton(fake, input),
		setInlineMode(settings) {
			fake.inline.settings =
				settings === false
					? { enabled: false, feedback: false }
					: {
							enabled: true,
							feedback: settings.feedback ?? false,
							...(settings.placeholder === undefined ? {} : { placeholder: settings.placeholder }),
						};
		},
		sendInlineQuery: (input) => sendInlineQuery(fake, input),
		chooseInlineResult: (input) => chooseInlineResult(fake, input),
		get inlineAnswers() {
			return [...fake.inline.answers];
		},
		inlineMessages: (chatId) =>
			fake.world
				.messages(chatId)
				.filter((m) => m.message.via_bot !== undefined)
				.map(toBotMessage),
		get calls() {
			return [...calls.all];
		},
		waitForCall: (method, predicate, timeoutMs = 3000) => calls.wait(method, predicate, timeoutMs),
		messages: (chatId) =>
			fake.world
				.messages(chatId)
				.filter((m) => m.fromBot)
				.map(toBotMessage),
		get callbackAnswers() {
			return [...fake.callbacks.answers];
		},
		failNext: (method, error, failOptions) => failures.add(method, error, failOptions),
		setLatency: (method, ms, chatId) => latency.set(method, ms, chatId),
		setRateLimit: (limit) => fake.flood.set(limit),
		deliverTo(url, secretToken) {
			fake.webhook.set(
				url === null
					? undefined
					: {
							url,
							secretToken,
							maxConnections: undefined,
							allowedUpdates: fake.webhook.target?.allowedUpdates,
						},
			);
		},
		close() {
			closing ??= (async () => {
				stopping = true;
				updates.close();
				fake.inline.close();
				fake.webhook.close();
				calls.close();
				const closed = new Promise<void>((resolve, reject) =>
					server.close((error) => (error ? reject(error) : resolve())),
				);
				// Let the answers just given (the ended long polls) reach their clients before cutting sockets.
				await settled(open, 200);
				server.closeAllConnections();
				await closed;
			})();
			return closing;
		},
	};
}
