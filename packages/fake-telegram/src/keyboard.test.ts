import { describe, expect, it } from "vitest";
import { ApiError } from "./ApiError.js";
import { checkInlineKeyboard, readReplyMarkup } from "./keyboard.js";

function refusal(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		if (error instanceof ApiError) return error.description;
		throw error;
	}
	throw new Error("accepted");
}

describe("inline keyboards", () => {
	it("keeps only the fields Telegram knows", () => {
		const markup = checkInlineKeyboard({
			inline_keyboard: [
				[
					{ text: "Go", callback_data: "go", hide: false },
					{ text: "Site", url: "https://1688.com" },
				],
			],
		});
		expect(markup).toEqual({
			inline_keyboard: [
				[
					{ text: "Go", callback_data: "go" },
					{ text: "Site", url: "https://1688.com" },
				],
			],
		});
	});

	it("refuses buttons Telegram refuses", () => {
		const check = (button: unknown) => () => checkInlineKeyboard({ inline_keyboard: [[button]] });
		expect(refusal(check({ text: "x" }))).toBe(
			"Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
		);
		expect(refusal(check({ text: "x", callback_data: "" }))).toMatch(/Text buttons are unallowed/);
		expect(refusal(check({ text: "", callback_data: "a" }))).toBe(
			"Bad Request: inline keyboard button text must be non-empty",
		);
		expect(refusal(check({ callback_data: "a" }))).toBe(
			"Bad Request: can't parse inline keyboard button: Can't find field \"text\"",
		);
		expect(refusal(check({ text: "x", callback_data: "я".repeat(33) }))).toBe(
			"Bad Request: BUTTON_DATA_INVALID",
		);
		expect(refusal(check({ text: "x", url: "ftp://example.com" }))).toBe(
			"Bad Request: inline keyboard button URL 'ftp://example.com' is invalid: Wrong HTTP URL",
		);
		expect(refusal(() => checkInlineKeyboard({ inline_keyboard: [{ text: "x" }] }))).toMatch(
			/Array of Arrays/,
		);
	});

	it("takes inline-mode buttons, an empty query included, and refuses wrong field types", () => {
		const markup = checkInlineKeyboard({
			inline_keyboard: [
				[
					{ text: "Share", switch_inline_query: "1031910 sort:sales", hide: false },
					{ text: "Here", switch_inline_query_current_chat: "" },
					{ text: "Pick", switch_inline_query_chosen_chat: { query: "x", allow_group_chats: true } },
				],
			],
		});
		expect(markup.inline_keyboard[0]).toEqual([
			{ text: "Share", switch_inline_query: "1031910 sort:sales" },
			{ text: "Here", switch_inline_query_current_chat: "" },
			{ text: "Pick", switch_inline_query_chosen_chat: { query: "x", allow_group_chats: true } },
		]);
		const check = (button: unknown) => () => checkInlineKeyboard({ inline_keyboard: [[button]] });
		expect(refusal(check({ text: "x", switch_inline_query: 5 }))).toBe(
			'Bad Request: can\'t parse inline keyboard button: Field "switch_inline_query" must be of type String',
		);
		expect(refusal(check({ text: "x", switch_inline_query_chosen_chat: "x" }))).toBe(
			'Bad Request: can\'t parse inline keyboard button: Field "switch_inline_query_chosen_chat" must be of type Object',
		);
	});

	it("allows 100 buttons and no more", () => {
		const rows = (n: number) =>
			Array.from({ length: n }, (_, i) => [{ text: `${i}`, callback_data: `${i}` }]);
		expect(checkInlineKeyboard({ inline_keyboard: rows(100) }).inline_keyboard).toHaveLength(100);
		expect(refusal(() => checkInlineKeyboard({ inline_keyboard: rows(101) }))).toBe(
			"Bad Request: REPLY_MARKUP_TOO_LONG",
		);
	});

	it("reads reply_markup given as JSON text, and only inline keyboards for edits", () => {
		const text = JSON.stringify({ inline_keyboard: [[{ text: "a", callback_data: "a" }]] });
		expect(readReplyMarkup({ reply_markup: text }).kind).toBe("inline");
		expect(readReplyMarkup({ reply_markup: { remove_keyboard: true } }).kind).toBe("other");
		expect(refusal(() => readReplyMarkup({ reply_markup: "{" }))).toBe(
			"Bad Request: can't parse reply keyboard markup JSON object",
		);
		expect(() => readReplyMarkup({ reply_markup: { remove_keyboard: true } }, true)).toThrow(ApiError);
	});
});
