import type { InlineView, ProductCard } from "@catbot/core";
import { parseCategoryCommand } from "@catbot/core";
import { describe, expect, it } from "vitest";
import { createRecentQueries, RECENT_LIMITS } from "./features/recent.js";
import { MAX_INLINE_RESULTS, renderInlineHelp, renderInlineView } from "./render/inline.js";

function query(text: string) {
	const parsed = parseCategoryCommand(text);
	if (!parsed.ok) throw new Error(parsed.problems.join("; "));
	return parsed.query;
}

function card(position: number, imageUrl: string | null, title = `Dress ${position}`): ProductCard {
	return {
		position,
		itemId: String(position),
		title,
		url: `https://detail.1688.com/offer/${position}.html`,
		imageUrl,
		price: "¥12.50",
		originalPrice: null,
		moq: "MOQ 2",
		sales: null,
		shop: null,
		shopUrl: null,
		badges: [],
		shipping: null,
		repurchase: null,
	};
}

describe("recent queries for inline help", () => {
	it("keeps the newest few per user, each once, and forgets the users who looked longest ago", () => {
		expect(RECENT_LIMITS).toEqual({ perUser: 5, users: 10_000 });
		const recent = createRecentQueries({ perUser: 3, users: 2 });
		for (const id of [1, 2, 3, 4, 2]) recent.remember(7, query(`/category 10${id} sort:sales`), `Cat ${id}`);
		expect(recent.of(7).map((r) => r.text)).toEqual(["102 sort:sales", "104 sort:sales", "103 sort:sales"]);
		recent.remember(8, query("/category 5"), "x".repeat(500));
		expect(recent.of(8)).toEqual([{ text: "5", title: "x".repeat(80) }]);
		recent.remember(9, query("/category 6"), "Six");
		expect(recent.of(7)).toEqual([]);
		expect(recent.of(9)).toHaveLength(1);
	});
});

describe("inline results", () => {
	it("caps an answer at 50, and makes an article of a card whose image Telegram cannot fetch", () => {
		const cards = Array.from({ length: 60 }, (_, i) =>
			card(i + 1, i === 1 ? "//cbu01.alicdn.com/a.jpg" : null),
		);
		cards[0] = card(1, "https://cbu01.alicdn.com/a.jpg", "长".repeat(3000));
		const view: InlineView = {
			query: query("/category 1031910"),
			command: "/category 1031910",
			title: "Dresses",
			summary: "Best match",
			cards,
			nextOffset: "2",
			fromCache: false,
		};
		const { results, extra } = renderInlineView(view, true);
		expect(results).toHaveLength(MAX_INLINE_RESULTS);
		expect(results.map((r) => r.type).slice(0, 3)).toEqual(["photo", "article", "article"]);
		const photo = results[0] as { caption: string; title: string };
		expect(photo.caption.replaceAll(/<[^>]*>/g, "").length).toBeLessThanOrEqual(1024);
		expect(photo.title.length).toBeLessThanOrEqual(100);
		expect(extra).toEqual({ cache_time: 300, is_personal: false, next_offset: "2" });
	});

	it("escapes what users and the upstream wrote in the help article", () => {
		const help = renderInlineHelp("cat_bot", [{ text: "search <b>&", title: "A<b>" }]);
		const content = (help.results[0] as { input_message_content: { message_text: string } })
			.input_message_content;
		expect(content.message_text).toContain("• A&lt;b&gt;: <code>@cat_bot search &lt;b&gt;&amp;</code>");
	});
});
