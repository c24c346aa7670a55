import { answerCallbackQuery } from "./answerCallbackQuery.js";
import { answerInlineQuery } from "./answerInlineQuery.js";
import { botMethods } from "./bot.js";
import type { MethodHandler } from "./context.js";
import { editMethods } from "./edit.js";
import { pollingMethods } from "./polling.js";
import { sendMethods } from "./send.js";

const ALL: Readonly<Record<string, MethodHandler>> = {
	...botMethods,
	...pollingMethods,
	...sendMethods,
	...editMethods,
	answerCallbackQuery,
	answerInlineQuery,
};

/** The methods the fake implements, by lower-cased name: the Bot API ignores the case of method names. */
export const METHODS: ReadonlyMap<string, { readonly name: string; readonly handler: MethodHandler }> =
	new Map(Object.entries(ALL).map(([name, handler]) => [name.toLowerCase(), { name, handler }]));
