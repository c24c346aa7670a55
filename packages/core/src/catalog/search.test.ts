import { DEMO_CATEGORY_IDS, DEMO_SEARCH_KEYWORDS, type StatsEndpoint } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../cache/memoryStore.js";
import { KEYWORD_MAX_LENGTH } from "../query/searchSchema.js";
import { alice, SECRET, useCatalog, view } from "../test-support/catalog.js";
import { decodePageToken, searchIdFor } from "../tokens/pageToken.js";
import { parseWatchCommand } from "../watches/command.js";

const { emu, setup, itemCalls } = useCatalog();

/** Requests the emulator answered on either keyword endpoint. */
const searchCalls = () => emu.current.stats.byEndpoint.search + emu.current.stats.byEndpoint.globalSearch;
/** The queries of the requests one endpoint answered, oldest first. */
const queriesOf = (endpoint: StatsEndpoint) =>
	emu.current.stats.queries.filter((q) => q.endpoint === endpoint).map((q) => q.query);

describe("catalog.show for a search", () => {
	it("shows a page, pages on by token from the cache, and picks a card of a later page", async () => {
		const { catalog, logs } = setup();
		const first = await view(catalog, alice, { text: `/search ${DEMO_SEARCH_KEYWORDS.dresses}` });
		expect(first.title).toBe("Search: 连衣裙");
		expect(first.search).toStrictEqual({ keyword: "连衣裙", api: "native" });
		expect(first.category).toBeNull();
		expect(first.command).toBe("/search 连衣裙");
		expect(first.cards.map((card) => card.position)).toEqual([1, 2, 3, 4, 5]);
		// 2600 found, of which 1688 lists 2000: 400 pages of 5.
		expect(first.totalPages).toBe(400);
		expect(first.fromCache).toBe(false);
		expect(emu.current.stats.byEndpoint.search).toBe(1);
		expect(queriesOf("search")).toMatchObject([{ keyword: "连衣裙", page: "1", page_size: "20" }]);

		const second = await view(catalog, alice, { token: first.tokens.next ?? "" });
		expect(second.page).toBe(2);
		expect(second.query).toStrictEqual({ ...first.query, page: 2 });
		expect(second.cards.map((card) => card.position)).toEqual([6, 7, 8, 9, 10]);
		expect(second.fromCache).toBe(true);
		expect(new Set([...first.cards, ...second.cards].map((card) => card.itemId)).size).toBe(10);

		const card = second.cards[1];
		if (!card) throw new Error("no second card");
		const picked = await catalog.pick(alice, { token: second.tokens.current, position: card.position });
		expect(picked).toMatchObject({ ok: true, view: { fromCache: true, categoryName: null } });
		if (!picked.ok) return;
		expect(picked.view.product.itemId).toBe(card.itemId);
		expect(picked.view.query).toStrictEqual(second.query);
		expect(searchCalls()).toBe(1);
		expect(itemCalls()).toBe(0);
		expect(logs.lines.filter((line) => line.msg === "action").at(-1)).toMatchObject({
			action: "pick",
			outcome: "ok",
			cache: "hit",
			keyword: "连衣裙",
		});
	});

	it("suggests the category most results are in, leading to it with the same sort and filters", async () => {
		const { catalog } = setup({ nameWaitMs: 5_000 });
		const page = await view(catalog, alice, {
			text: `/search ${DEMO_SEARCH_KEYWORDS.dresses} sort:sales price:10-500 free_shipping size:10`,
		});
		const [top] = page.suggestions;
		expect(top).toMatchObject({
			catId: DEMO_CATEGORY_IDS.dresses,
			name: "Dresses",
			label: "Browse: Dresses",
		});
		expect(page.suggestions.length).toBeLessThanOrEqual(3);
		expect(new Set(page.suggestions.map((s) => s.catId)).size).toBe(page.suggestions.length);
		for (const suggestion of page.suggestions) expect(suggestion.label).toBe(`Browse: ${suggestion.name}`);

		const decoded = decodePageToken(top?.token ?? "", SECRET);
		expect(decoded).toStrictEqual({
			ok: true,
			query: {
				catId: DEMO_CATEGORY_IDS.dresses,
				page: 1,
				pageSize: 10,
				sort: "sales",
				priceMin: 10,
				priceMax: 500,
				newArrival: false,
				dropshipping: false,
				freeShipping: true,
				superFactory: false,
				language: "en",
				api: "v2",
			},
		});
		const category = await view(catalog, alice, { token: top?.token ?? "" });
		expect(category.category).toMatchObject({ id: DEMO_CATEGORY_IDS.dresses, name: "Dresses" });
		expect(category.command).toBe("/category 1031910 sort:sales price:10-500 free_shipping size:10");
		expect(category.search).toBeNull();
		expect(category.suggestions).toEqual([]);
		expect(itemCalls()).toBe(1);
	});

	it("searches an English keyword through the global index in the language asked", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: `/search ${DEMO_SEARCH_KEYWORDS.sunglasses} lang:ru` });
		expect(page.search).toStrictEqual({ keyword: "sunglasses", api: "global" });
		expect(page.title).toBe("Поиск: sunglasses");
		expect(page.command).toBe("/search sunglasses lang:ru");
		expect(page.cards).toHaveLength(5);
		expect(emu.current.stats.byEndpoint).toMatchObject({ search: 0, globalSearch: 1 });
		expect(queriesOf("globalSearch")).toMatchObject([{ keyword: "sunglasses", language: "ru" }]);
		// Titles in Russian: the global index translates them.
		expect(page.cards.some((card) => /[а-я]/i.test(card.title))).toBe(true);
		// Global answers carry no category path, so there is nothing to suggest.
		expect(page.suggestions).toEqual([]);
	});

	it("keeps a 60-character Chinese keyword out of its buttons and reads it back from the store", async () => {
		const store = createMemoryStore({ maxBytes: 8 * 1024 * 1024 });
		const { catalog } = setup({ store });
		const keyword = "夏季连衣裙".repeat(KEYWORD_MAX_LENGTH / 5);
		const first = await view(catalog, alice, { text: `/search ${keyword} sort:price_up` });
		expect(first.search?.keyword).toBe(keyword);
		const stored = await store.get(`search-keyword:${searchIdFor(keyword, SECRET)}`);
		expect(stored === undefined ? undefined : JSON.parse(stored)).toStrictEqual({ keyword });

		const next = first.tokens.next ?? "";
		expect(next.length).toBeLessThanOrEqual(38);
		expect(await catalog.resolve({ token: next })).toStrictEqual({
			ok: true,
			query: { ...first.query, page: 2 },
		});
		const second = await view(catalog, alice, { token: next });
		expect(second.search?.keyword).toBe(keyword);
		expect(second.command).toBe(`/search ${keyword} sort:price_up page:2`);
		const resorted = await view(catalog, alice, { token: second.sortTokens.sales ?? "" });
		expect(resorted.query).toStrictEqual({ ...first.query, sort: "sales" });
	});

	it("shows a search that finds nothing as an empty page without buttons onward", async () => {
		const { catalog } = setup();
		const page = await view(catalog, alice, { text: `/search ${DEMO_SEARCH_KEYWORDS.empty}` });
		expect(page).toMatchObject({
			cards: [],
			emptyText: "No products match this search.",
			totalPages: 1,
			suggestions: [],
		});
		expect(page.tokens.next).toBeUndefined();
		expect(searchCalls()).toBe(1);
	});

	it("refuses bad /search text before counting or calling anything", async () => {
		const { catalog } = setup({ limits: { actionsPerWindow: 1 } });
		const outcome = await catalog.show(alice, { text: "/search summer dress srot:sales" });
		expect(outcome).toMatchObject({
			ok: false,
			refusal: { kind: "invalid", problems: ["Unknown option 'srot'. Did you mean 'sort'?"] },
		});
		expect(!outcome.ok && outcome.refusal.message).toMatch(/^Unknown option 'srot'\. Did you mean 'sort'\?/);
		expect(emu.current.stats.requests).toBe(0);
		expect((await catalog.show(alice, { text: "/search summer dress" })).ok).toBe(true);
	});
});

describe("catalog.export for a search", () => {
	it("exports the pages of `/export search ...` once each, sharing them with chat pages", async () => {
		const { catalog } = setup();
		const outcome = await catalog.export(alice, { text: "/export search summer dress sort:sales pages:2" });
		if (!outcome.ok) throw new Error(outcome.refusal.message);
		expect(outcome.view.command).toBe("/search summer dress sort:sales");
		expect(outcome.view.pagesRead).toBe(2);
		expect(outcome.view.products).toHaveLength(40);
		expect(new Set(outcome.view.products.map((p) => p.itemId)).size).toBe(40);
		expect(outcome.view.fileName).toBe("catbot-search-summer-dress-sales.csv");
		expect(searchCalls()).toBe(2);
		// The chat pages of the same search are now free: page 8 of 5 is on upstream page 2.
		const page = await view(catalog, alice, { text: "/search summer dress sort:sales page:8" });
		expect(page.fromCache).toBe(true);
		expect(searchCalls()).toBe(2);
	});

	it("ends when a page adds nothing new, rather than paying for the same products again", async () => {
		const { catalog } = setup();
		const keyword = DEMO_SEARCH_KEYWORDS.repeatingPages;
		const outcome = await catalog.export(alice, { text: `/export search ${keyword} pages:5` });
		if (!outcome.ok) throw new Error(outcome.refusal.message);
		expect(outcome.view.pagesRead).toBe(2);
		expect(outcome.view.products).toHaveLength(20);
		expect(searchCalls()).toBe(2);
	});

	it("refuses a bad export search before any call", async () => {
		const { catalog } = setup();
		const outcome = await catalog.export(alice, { text: "/export search dress cat:1031910 pages:2" });
		expect(outcome).toMatchObject({ ok: false, refusal: { kind: "invalid" } });
		expect(emu.current.stats.requests).toBe(0);
	});
});

describe("watches on a search", () => {
	it("reads `/watch search <keyword> every:6h` and pays for its first page through the same cache", async () => {
		const command = parseWatchCommand("/watch search summer dress free_shipping every:6h");
		expect(command).toMatchObject({
			ok: true,
			command: "watch",
			intervalHours: 6,
			query: { keyword: "summer dress", freeShipping: true, api: "global", page: 1, pageSize: 5 },
		});
		expect(parseWatchCommand("/watch search summer dress page:2")).toMatchObject({
			ok: false,
			refusal: { problems: ["A watch checks the first page of results: leave out page: and size:"] },
		});
		expect(parseWatchCommand("/watch search every:6h")).toMatchObject({
			ok: false,
			refusal: { problems: ["Tell me what to search for, e.g. /search summer dress"] },
		});
		if (!command.ok || command.command !== "watch") return;

		const store = createMemoryStore({ maxBytes: 8 * 1024 * 1024 });
		const { catalog } = setup({ store });
		const read = await catalog.firstPage("watch:1", command.query);
		expect(read.products).toHaveLength(20);
		expect(read.fromCache).toBe(false);
		// The watch's post links to the search: its buttons find the keyword.
		const token = catalog.tokenFor({ ...command.query, page: 2 });
		const page = await view(catalog, alice, { token });
		expect(page.search?.keyword).toBe("summer dress");
		expect(page.fromCache).toBe(true);
		expect(searchCalls()).toBe(1);
	});
});
