import type { CatalogQuery, SearchQuery } from "../query/searchSchema.js";
import type { Refusal } from "./outcome.js";
import { badButtonText, catalogTexts } from "./texts.js";

/** Whole seconds, at least 1, so "try again in 0 s" never appears. */
export function seconds(ms: number): number {
	return Math.max(1, Math.ceil(ms / 1000));
}

function wait(sec: number): string {
	if (sec < 90) return `${sec} s`;
	if (sec < 5400) return `${Math.round(sec / 60)} min`;
	return `${Math.round(sec / 3600)} h`;
}

/**
 * A problem as a chat shows it: a capital first letter and one closing mark, so a did-you-mean question
 * does not end in "?." and a schema's "page must be ..." starts like a sentence.
 */
export function sentence(text: string): string {
	const trimmed = text.trim().replace(/([.?!])[.\s]+$/u, "$1");
	const closed = /[.?!]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
	return closed.charAt(0).toUpperCase() + closed.slice(1);
}

/** Every refusal the engine gives, each with its message. */
export const refuse = {
	invalid: (problems: readonly string[]): Refusal => ({
		kind: "invalid",
		problems,
		message:
			problems.length === 1
				? sentence(problems[0] ?? "")
				: `Please fix:\n• ${problems.map(sentence).join("\n• ")}`,
	}),
	badToken: (): Refusal => ({ kind: "bad-token", message: badButtonText() }),
	/** `command` is the search's canonical command, or its options after `/search <keyword>` when unknown. */
	searchExpired: (query: Pick<SearchQuery, "language">, command: string): Refusal => ({
		kind: "expired",
		command,
		message: catalogTexts(query.language).searchExpired(command),
	}),
	noSuchPage: (query: CatalogQuery, lastPage: number, lastPageToken: string): Refusal => {
		const texts = catalogTexts(query.language);
		return {
			kind: "no-such-page",
			page: query.page,
			lastPage,
			lastPageToken,
			lastPageLabel: texts.lastPageButton(lastPage),
			message: texts.noSuchPage(query.page, lastPage),
		};
	},
	forbidden: (): Refusal => ({
		kind: "forbidden",
		message: "This bot is not enabled here. Ask the bot's admin to add this chat or your account.",
	}),
	rateLimited: (retryAfterMs: number, notify: boolean): Refusal => {
		const sec = seconds(retryAfterMs);
		return {
			kind: "rate-limited",
			retryAfterSec: sec,
			notify,
			message: `Slow down a little: try again in ${wait(sec)}.`,
		};
	},
	budget: (scope: "user" | "deployment", retryAfterMs: number): Refusal => {
		const sec = seconds(retryAfterMs);
		const who = scope === "user" ? "You have used your" : "The team has used its";
		return {
			kind: "budget",
			scope,
			retryAfterSec: sec,
			message: `${who} fresh searches for today. Pages already loaded still work; new ones again in ${wait(sec)}.`,
		};
	},
	upstream: (code: number | string, retryable: boolean, message: string): Refusal => ({
		kind: "upstream",
		code,
		retryable,
		message,
	}),
};
