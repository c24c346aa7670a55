import { describe, expect, it } from "vitest";
import { EntityParseError, parseHtml } from "./html.js";

function error(html: string, strictAmpersand = true): string {
	try {
		parseHtml(html, { strictAmpersand });
	} catch (caught) {
		if (caught instanceof EntityParseError) return caught.message;
		throw caught;
	}
	throw new Error(`parsed without error: ${html}`);
}

describe("parseHtml", () => {
	it("turns every supported tag into its entity, with UTF-16 offsets", () => {
		const { text, entities } = parseHtml(
			'<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>x</s><strike>k</strike><del>d</del><span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler><code>c</code><blockquote>z</blockquote><a href="https://example.com/?a=1&amp;b=2">l</a>',
		);
		expect(text).toBe("bsieunxkdpqczl");
		expect(entities.map((e) => e.type)).toEqual([
			"bold",
			"bold",
			"italic",
			"italic",
			"underline",
			"underline",
			"strikethrough",
			"strikethrough",
			"strikethrough",
			"spoiler",
			"spoiler",
			"code",
			"blockquote",
			"text_link",
		]);
		expect(entities.at(-1)).toEqual({
			type: "text_link",
			offset: 13,
			length: 1,
			url: "https://example.com/?a=1&b=2",
		});
	});

	it("counts offsets in UTF-16 code units and sorts outer entities first", () => {
		const { text, entities } = parseHtml("😀 <b>bold <i>both</i></b>");
		expect(text).toBe("😀 bold both");
		expect(entities).toEqual([
			{ type: "bold", offset: 3, length: 9 },
			{ type: "italic", offset: 8, length: 4 },
		]);
	});

	it("decodes the four named entities and numeric references, with or without the semicolon", () => {
		expect(parseHtml("&lt;a&gt; &amp; &quot;q&quot; &#65;&#x42;&#128512; &lt").text).toBe('<a> & "q" AB😀 <');
	});

	it("makes pre with a language out of <pre><code class>", () => {
		const { entities } = parseHtml('<pre><code class="language-ts">let x</code></pre>');
		expect(entities).toEqual([{ type: "pre", offset: 0, length: 5, language: "ts" }]);
		expect(parseHtml("<code class='language-ts'>x</code>").entities).toEqual([
			{ type: "code", offset: 0, length: 1 },
		]);
	});

	it("supports expandable blockquotes, custom emoji, </> and upper-case tags", () => {
		expect(parseHtml("<blockquote expandable>q</blockquote>").entities[0]?.type).toBe(
			"expandable_blockquote",
		);
		expect(parseHtml('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>').entities[0]).toEqual({
			type: "custom_emoji",
			offset: 0,
			length: 2,
			custom_emoji_id: "5368324170671202286",
		});
		expect(parseHtml("<B>x</>").entities).toEqual([{ type: "bold", offset: 0, length: 1 }]);
	});

	it("drops empty entities and links Telegram would not open", () => {
		expect(parseHtml("<b></b>x").entities).toEqual([]);
		expect(parseHtml('<a href="javascript:alert(1)">x</a>').entities).toEqual([]);
		expect(parseHtml("<a>example.com</a>").entities[0]?.url).toBe("http://example.com");
	});

	it("reports Telegram's errors with UTF-8 byte offsets", () => {
		expect(error("é <x>")).toBe('Unsupported start tag "x" at byte offset 3');
		expect(error("1 < 2")).toBe('Unsupported start tag "" at byte offset 2');
		expect(error("<b>x")).toBe('Can\'t find end tag corresponding to start tag "b"');
		expect(error("<b>x</i>")).toBe('Unmatched end tag at byte offset 4, expected "</b>", found "</i>"');
		expect(error("x</b>")).toBe("Unexpected end tag at byte offset 1");
		expect(error("<b")).toBe("Unclosed start tag at byte offset 0");
		expect(error("<b>x</b")).toBe("Unclosed end tag at byte offset 4");
		expect(error("<span>x</span>")).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
		expect(error('<a href"x">y</a>')).toBe(
			'Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0',
		);
		expect(error('<tg-emoji emoji-id="abc">x</tg-emoji>')).toBe("Invalid custom emoji identifier specified");
		expect(error("&#55357;x")).toMatch(/check for unmatched surrogate code units$/);
	});

	it("refuses an & that begins no entity unless told to be as lenient as Telegram", () => {
		expect(error("Tom & Jerry")).toBe(
			'Character "&" at byte offset 4 does not begin an entity; escape it as "&amp;"',
		);
		expect(error("&nbsp;")).toMatch(/^Character "&" at byte offset 0/);
		expect(parseHtml("Tom & Jerry &nbsp;", { strictAmpersand: false }).text).toBe("Tom & Jerry &nbsp;");
	});
});
