import { badRequest } from "./ApiError.js";
import { QUERY_TOO_OLD } from "./descriptions.js";
import type { InlineResult, InlineResultsButton } from "./inlineResults.js";
import type { InlineChatType, User } from "./types.js";

/** The inline-mode settings a bot owner makes with @BotFather. */
export interface InlineSettings {
	/** /setinline: whether the bot takes inline queries (getMe's supports_inline_queries). */
	readonly enabled: boolean;
	/** The placeholder shown in the input field; Telegram's default is "Search...". */
	readonly placeholder?: string;
	/** /setinlinefeedback: whether choosing a result sends the bot a chosen_inline_result update. */
	readonly feedback: boolean;
}

/** One accepted answerInlineQuery. */
export interface InlineAnswer {
	readonly inline_query_id: string;
	/** The query and offset being answered, and who asked. */
	readonly query: string;
	readonly offset: string;
	readonly from: User;
	readonly results: readonly InlineResult[];
	/** Seconds Telegram may serve this answer from its cache; 300 unless the bot said otherwise. */
	readonly cache_time: number;
	readonly is_personal: boolean;
	/** The offset of the next page; "" when there is none. */
	readonly next_offset: string;
	readonly button?: InlineResultsButton;
	/** Milliseconds from the query to the answer: what the user waited looking at a spinner. */
	readonly latencyMs: number;
	/** When the answer arrived, in epoch milliseconds. */
	readonly at: number;
}

/** What answerInlineQuery asked, before the registry adds the query's own fields. */
export type AnswerFields = Pick<
	InlineAnswer,
	"results" | "cache_time" | "is_personal" | "next_offset" | "button"
>;

/** An inline query the fake sent, as it keeps it. */
export interface AskedQuery {
	readonly id: string;
	readonly from: User;
	readonly query: string;
	readonly offset: string;
	readonly chatType: InlineChatType | undefined;
	readonly askedAt: number;
	answer: InlineAnswer | undefined;
}

/** The inline queries waiting for an answer, and the answers given. */
export interface InlineRegistry {
	settings: InlineSettings;
	readonly answers: readonly InlineAnswer[];
	/** Registers a query and returns it with its inline_query_id. */
	ask(from: User, query: string, offset: string, chatType: InlineChatType | undefined): AskedQuery;
	get(id: string): AskedQuery | undefined;
	/** A fresh inline_message_id, for a posted result that has a keyboard. */
	inlineMessageId(): string;
	/** Accepts an answer, or throws Telegram's "query is too old" for unknown, answered or expired ids. */
	accept(id: string, fields: AnswerFields): InlineAnswer;
	/** Resolves with the answer, or undefined once the query expired unanswered or `timeoutMs` passed. */
	wait(id: string, timeoutMs: number): Promise<InlineAnswer | undefined>;
	/** Resolves every wait with what it has, for close(). */
	close(): void;
}

interface Waiter {
	readonly id: string;
	readonly resolve: (answer: InlineAnswer | undefined) => void;
	readonly timer: NodeJS.Timeout;
}

/** Creates a registry whose queries expire `timeoutMs` after they are sent, as Telegram's do after ~10 s. */
export function createInlineRegistry(botId: number, timeoutMs: number): InlineRegistry {
	const queries = new Map<string, AskedQuery>();
	const answers: InlineAnswer[] = [];
	let waiters: Waiter[] = [];
	let next = 1;
	let nextMessage = 1;

	function settle(waiter: Waiter, answer: InlineAnswer | undefined): void {
		clearTimeout(waiter.timer);
		waiters = waiters.filter((w) => w !== waiter);
		waiter.resolve(answer);
	}

	return {
		settings: { enabled: false, feedback: false },
		answers,
		ask(from, query, offset, chatType) {
			// Real ids are long decimal strings; these keep that shape, and differ from callback query ids.
			const id = `${botId}7${String(next++).padStart(9, "0")}`;
			const asked: AskedQuery = { id, from, query, offset, chatType, askedAt: Date.now(), answer: undefined };
			queries.set(id, asked);
			return asked;
		},
		get: (id) => queries.get(id),
		// Real ones are opaque base64; the shape does not matter to a bot, only that it is unique.
		inlineMessageId: () => `fake-inline-${botId}-${nextMessage++}`,
		accept(id, fields) {
			const asked = queries.get(id);
			const now = Date.now();
			if (!asked || asked.answer || now - asked.askedAt > timeoutMs) throw badRequest(QUERY_TOO_OLD);
			const answer: InlineAnswer = {
				inline_query_id: id,
				query: asked.query,
				offset: asked.offset,
				from: asked.from,
				...fields,
				latencyMs: now - asked.askedAt,
				at: now,
			};
			asked.answer = answer;
			answers.push(answer);
			for (const waiter of waiters.filter((w) => w.id === id)) settle(waiter, answer);
			return answer;
		},
		wait(id, waitMs) {
			const asked = queries.get(id);
			if (!asked) return Promise.resolve(undefined);
			if (asked.answer) return Promise.resolve(asked.answer);
			// Past the expiry no answer can be accepted, so waiting longer could only hang a test.
			const left = Math.max(0, Math.min(waitMs, asked.askedAt + timeoutMs - Date.now()));
			return new Promise((resolve) => {
				const waiter: Waiter = { id, resolve, timer: setTimeout(() => settle(waiter, undefined), left + 1) };
				waiters.push(waiter);
			});
		},
		close() {
			for (const waiter of waiters) settle(waiter, queries.get(waiter.id)?.answer);
		},
	};
}
