import { badRequest } from "./ApiError.js";
import { QUERY_TOO_OLD } from "./descriptions.js";

/** One accepted answerCallbackQuery. */
export interface CallbackAnswer {
	readonly callback_query_id: string;
	readonly text?: string;
	readonly show_alert: boolean;
	readonly url?: string;
	readonly cache_time?: number;
	/** The callback_data of the press being answered. */
	readonly data: string | undefined;
	readonly chat_id: number;
	readonly message_id: number;
	/** Milliseconds from the press to the answer: what the user waited with a spinning button. */
	readonly latencyMs: number;
	/** When the answer arrived, in epoch milliseconds. */
	readonly at: number;
}

interface Press {
	readonly data: string | undefined;
	readonly chatId: number;
	readonly messageId: number;
	readonly pressedAt: number;
	answered: boolean;
}

/** The presses waiting for an answer, and the answers given. */
export interface CallbackRegistry {
	readonly answers: readonly CallbackAnswer[];
	/** Registers a press and returns its callback_query_id. */
	press(data: string | undefined, chatId: number, messageId: number): string;
	/** Accepts an answer, or throws Telegram's "query is too old" for unknown, answered or expired ids. */
	answer(
		id: string,
		fields: Pick<CallbackAnswer, "text" | "show_alert" | "url" | "cache_time">,
	): CallbackAnswer;
}

/** Creates a registry whose queries expire `timeoutMs` after the press, as Telegram's do after about 15 s. */
export function createCallbackRegistry(botId: number, timeoutMs: number): CallbackRegistry {
	const presses = new Map<string, Press>();
	const answers: CallbackAnswer[] = [];
	let next = 1;
	return {
		answers,
		press(data, chatId, messageId) {
			// Real ids are long decimal strings; these keep that shape and stay unique per fake.
			const id = `${botId}${String(next++).padStart(9, "0")}`;
			presses.set(id, { data, chatId, messageId, pressedAt: Date.now(), answered: false });
			return id;
		},
		answer(id, fields) {
			const press = presses.get(id);
			const now = Date.now();
			if (!press || press.answered || now - press.pressedAt > timeoutMs) throw badRequest(QUERY_TOO_OLD);
			press.answered = true;
			const answer: CallbackAnswer = {
				callback_query_id: id,
				...fields,
				data: press.data,
				chat_id: press.chatId,
				message_id: press.messageId,
				latencyMs: now - press.pressedAt,
				at: now,
			};
			answers.push(answer);
			return answer;
		},
	};
}
