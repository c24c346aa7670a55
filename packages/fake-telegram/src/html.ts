import { checkedLink } from "./links.js";
import type { MessageEntity } from "./types.js";

/** Text with its formatting, after a parse_mode was applied. */
export interface ParsedText {
	readonly text: string;
	readonly entities: MessageEntity[];
}

/** A parse failure; `message` is Telegram's wording without the "can't parse entities: " prefix. */
export class EntityParseError extends Error {
	override readonly name = "EntityParseError";
}

/** How strictly to read `&`. */
export interface HtmlOptions {
	/**
	 * When true (the default), an `&` in text that does not start `&lt; &gt; &amp; &quot;` or a numeric
	 * reference is an error. Telegram itself keeps such an `&` as a literal character; being stricter makes
	 * tests catch text that was not escaped before being put into HTML.
	 */
	readonly strictAmpersand?: boolean;
}

const TAGS = new Set([
	"a",
	"b",
	"strong",
	"i",
	"em",
	"s",
	"strike",
	"del",
	"u",
	"ins",
	"tg-spoiler",
	"tg-emoji",
	"span",
	"pre",
	"code",
	"blockquote",
]);

const SIMPLE_TYPES: Readonly<Record<string, string>> = {
	b: "bold",
	strong: "bold",
	i: "italic",
	em: "italic",
	s: "strikethrough",
	strike: "strikethrough",
	del: "strikethrough",
	u: "underline",
	ins: "underline",
	"tg-spoiler": "spoiler",
	span: "spoiler",
};

const NAMED_ENTITIES: Readonly<Record<string, number>> = { lt: 60, gt: 62, amp: 38, quot: 34 };

interface OpenTag {
	readonly tag: string;
	readonly argument: string;
	readonly expandable: boolean;
	readonly offset: number;
}

interface Draft {
	type: string;
	offset: number;
	length: number;
	url?: string;
	language?: string;
	custom_emoji_id?: string;
}

// Telegram's parser treats the end of the text like a space, which keeps every scanning loop bounded.
function isSpace(ch: string | undefined): boolean {
	return (
		ch === undefined || ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\v" || ch === "\f"
	);
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
const isAlpha = (ch: string | undefined): boolean => ch !== undefined && /^[a-zA-Z]$/.test(ch);
const isNameTokenChar = (ch: string | undefined): boolean => ch !== undefined && /^[a-zA-Z0-9.-]$/.test(ch);

/** Decodes the character reference at `pos` (which holds "&"), as Telegram does: the ";" is optional. */
function decodeEntity(html: string, pos: number): { code: number; end: number } | undefined {
	let end = pos + 1;
	let code = 0;
	if (html[pos + 1] === "#") {
		end += 1;
		if (html[pos + 2] === "x") {
			end += 1;
			while (isHex(html[end])) code = code * 16 + Number.parseInt(html[end++] ?? "0", 16);
		} else {
			while (isDigit(html[end])) code = code * 10 + Number(html[end++]);
		}
		if (code === 0 || code >= 0x10ffff || end - pos >= 10) return undefined;
	} else {
		while (isAlpha(html[end])) end += 1;
		const named = NAMED_ENTITIES[html.slice(pos + 1, end)];
		if (named === undefined) return undefined;
		code = named;
	}
	if (html[end] === ";") end += 1;
	return { code, end };
}

function fail(message: string): never {
	throw new EntityParseError(message);
}

function closeEntity(entities: Draft[], open: OpenTag, text: string): void {
	const offset = open.offset;
	const length = text.length - offset;
	const last = entities.at(-1);
	const sameRange = last !== undefined && last.offset === offset && last.length === length;
	const simple = SIMPLE_TYPES[open.tag];
	if (simple !== undefined) {
		entities.push({ type: simple, offset, length });
	} else if (open.tag === "tg-emoji") {
		if (!/^\d+$/.test(open.argument) || /^0+$/.test(open.argument)) {
			fail("Invalid custom emoji identifier specified");
		}
		entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: open.argument });
	} else if (open.tag === "pre") {
		// <pre><code class="language-x"> closes the code first; the pair becomes one pre with a language.
		if (sameRange && last.type === "code" && last.language) last.type = "pre";
		else entities.push({ type: "pre", offset, length });
	} else if (open.tag === "code") {
		if (sameRange && last.type === "pre" && open.argument !== "") last.language = open.argument;
		else
			entities.push({ type: "code", offset, length, ...(open.argument ? { language: open.argument } : {}) });
	} else if (open.tag === "a") {
		// Without href the link text is the link, as in Telegram; a link Telegram refuses leaves plain text.
		const url = checkedLink(open.argument === "" ? text.slice(offset) : open.argument);
		if (url !== undefined) entities.push({ type: "text_link", offset, length, url });
	} else if (open.tag === "blockquote") {
		entities.push({ type: open.expandable ? "expandable_blockquote" : "blockquote", offset, length });
	}
}

function finish(text: string, drafts: Draft[]): ParsedText {
	const entities = drafts.map((draft): MessageEntity => {
		// A language on a plain code entity only served to build a pre; Telegram drops it.
		if (draft.type === "code" && draft.language !== undefined) {
			const { language: _language, ...rest } = draft;
			return rest;
		}
		return draft;
	});
	entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
	return { text, entities };
}

interface StartTag {
	readonly tag: string;
	readonly argument: string;
	readonly expandable: boolean;
	/** Index just past the closing ">". */
	readonly end: number;
}

/** Reads the start tag at `begin` (which holds "<"), attributes and all, following Telegram's parser. */
function readStartTag(html: string, begin: number, at: (index: number) => number): StartTag {
	const length = html.length;
	let i = begin + 1;
	while (!isSpace(html[i]) && html[i] !== ">") i += 1;
	if (i >= length) fail(`Unclosed start tag at byte offset ${at(begin)}`);
	const tag = html.slice(begin + 1, i).toLowerCase();
	if (!TAGS.has(tag)) fail(`Unsupported start tag "${tag}" at byte offset ${at(begin)}`);
	let argument = "";
	let expandable = false;
	while (html[i] !== ">") {
		while (i < length && isSpace(html[i])) i += 1;
		if (html[i] === ">") break;
		const nameBegin = i;
		while (!isSpace(html[i]) && html[i] !== "=" && html[i] !== ">") i += 1;
		const name = html.slice(nameBegin, i);
		if (name === "") fail(`Empty attribute name in the tag "${tag}" at byte offset ${at(begin)}`);
		while (i < length && isSpace(html[i])) i += 1;
		if (html[i] !== "=") {
			// The one attribute Telegram accepts without a value.
			if (tag === "blockquote" && name === "expandable") {
				expandable = true;
				continue;
			}
			fail(
				`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${at(begin)}`,
			);
		}
		i += 1;
		while (i < length && isSpace(html[i])) i += 1;
		if (i >= length) fail(`Unclosed start tag "${tag}" at byte offset ${at(begin)}`);
		let value = "";
		const quote = html[i];
		if (quote !== '"' && quote !== "'") {
			// An unquoted value is an HTML name token, case-insensitive.
			const tokenBegin = i;
			while (isNameTokenChar(html[i])) i += 1;
			value = html.slice(tokenBegin, i).toLowerCase();
			if (!isSpace(html[i]) && html[i] !== ">")
				fail(`Unexpected end of name token at byte offset ${at(tokenBegin)}`);
		} else {
			i += 1;
			while (i < length && html[i] !== quote) {
				const decoded = html[i] === "&" ? decodeEntity(html, i) : undefined;
				value += decoded ? String.fromCodePoint(decoded.code) : html[i];
				i = decoded ? decoded.end : i + 1;
			}
			if (html[i] === quote) i += 1;
		}
		if (i >= length) fail(`Unclosed start tag at byte offset ${at(begin)}`);
		if (tag === "a" && name === "href") argument = value;
		else if (tag === "code" && name === "class" && value.startsWith("language-")) argument = value.slice(9);
		else if (tag === "span" && name === "class" && value.startsWith("tg-")) argument = value.slice(3);
		else if (tag === "tg-emoji" && name === "emoji-id") argument = value;
	}
	if (tag === "span" && argument !== "spoiler") {
		fail(`Tag "span" must have class "tg-spoiler" at byte offset ${at(begin)}`);
	}
	return { tag, argument, expandable, end: i + 1 };
}

/** Reads the end tag at `begin` (which holds "</"); returns its lower-cased name ("" for "</>") and end. */
function readEndTag(
	html: string,
	begin: number,
	at: (index: number) => number,
): { name: string; end: number } {
	let i = begin + 1;
	while (!isSpace(html[i]) && html[i] !== ">") i += 1;
	const name = html.slice(begin + 2, i).toLowerCase();
	while (i < html.length && isSpace(html[i])) i += 1;
	if (html[i] !== ">") fail(`Unclosed end tag at byte offset ${at(begin)}`);
	return { name, end: i + 1 };
}

/**
 * Parses Telegram's HTML parse mode into plain text and entities, with Telegram's error messages (byte
 * offsets are UTF-8 offsets into the input, entity offsets UTF-16 offsets into the output).
 * Throws {@link EntityParseError}.
 */
export function parseHtml(html: string, options: HtmlOptions = {}): ParsedText {
	const strictAmpersand = options.strictAmpersand ?? true;
	const at = (index: number): number => Buffer.byteLength(html.slice(0, index));
	const stack: OpenTag[] = [];
	const entities: Draft[] = [];
	let text = "";
	let i = 0;
	while (i < html.length) {
		const ch = html[i] ?? "";
		if (ch === "&") {
			const decoded = decodeEntity(html, i);
			if (decoded) {
				text += String.fromCodePoint(decoded.code);
				i = decoded.end;
				continue;
			}
			if (strictAmpersand) {
				fail(`Character "&" at byte offset ${at(i)} does not begin an entity; escape it as "&amp;"`);
			}
		}
		if (ch !== "<") {
			text += ch;
			i += 1;
		} else if (html[i + 1] !== "/") {
			const start = readStartTag(html, i, at);
			stack.push({
				tag: start.tag,
				argument: start.argument,
				expandable: start.expandable,
				offset: text.length,
			});
			i = start.end;
		} else {
			const open = stack.pop();
			if (open === undefined) return fail(`Unexpected end tag at byte offset ${at(i)}`);
			const end = readEndTag(html, i, at);
			if (end.name !== "" && end.name !== open.tag) {
				fail(`Unmatched end tag at byte offset ${at(i)}, expected "</${open.tag}>", found "</${end.name}>"`);
			}
			if (text.length > open.offset) closeEntity(entities, open, text);
			i = end.end;
		}
	}
	const unclosed = stack.at(-1);
	if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
	if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
		fail(
			"Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units",
		);
	}
	return finish(text, entities);
}
