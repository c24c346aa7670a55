import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Actor } from "../access/actor.js";
import type { ResultView } from "../catalog/outcome.js";
import { SHORTLIST_CSV_COLUMNS } from "../export/csv.js";
import { StoreError } from "../store/errors.js";
import { createMemoryShortlistStore } from "../store/memoryShortlist.js";
import type { Place } from "../store/place.js";
import type { ShortlistStore } from "../store/shortlist.js";
import { alice, type CatalogSetup, useCatalog, view } from "../test-support/catalog.js";
import { encodePageToken } from "../tokens/pageToken.js";
import { createShortlist } from "./createShortlist.js";

const { emu, setup } = useCatalog();

/** 30 Nov 2026, noon UTC. */
const NOON = Date.UTC(2026, 10, 30, 12);
const chat: Place = { platform: "telegram", id: "-100500" };
const ann: Actor = alice;
const ben: Actor = { ...alice, userId: "1002" };

/** A catalog on the emulator and a shortlist on it over an in-memory store, with a clock the test moves. */
function build(options: CatalogSetup & { max?: number; shortlistStore?: ShortlistStore } = {}) {
	const base = setup(options);
	let clock = NOON;
	const store = options.shortlistStore ?? createMemoryShortlistStore({ max: options.max ?? 500 });
	const shortlist = createShortlist({
		catalog: base.catalog,
		store,
		access: base.access,
		limits: base.limits,
		logger: base.logs.logger,
		now: () => clock,
		...(options.max === undefined ? {} : { max: options.max }),
	});
	const actionLines = (action: string) =>
		base.logs.lines.filter((l) => l.msg === "action" && l.action === action);
	return {
		...base,
		store,
		shortlist,
		actionLines,
		tick: (ms: number) => {
			clock += ms;
		},
	};
}

function cardAt(page: ResultView, index: number) {
	const card = page.cards[index];
	if (!card) throw new Error(`no card ${index}`);
	return card;
}

describe("shortlist.save", () => {
	it("saves a snapshot of a card from its page token, with no paid call while the page is cached", async () => {
		const { catalog, shortlist, store, actionLines } = build();
		const page = await view(catalog, ann, { text: "/category 1031910 sort:sales" });
		const requests = emu.current.stats.requests;
		const card = cardAt(page, 1);
		const outcome = await shortlist.save(ann, chat, { token: page.tokens.current, position: 2 }, "Ann");
		expect(outcome).toMatchObject({
			ok: true,
			view: {
				status: "saved",
				text: "☆ Saved to this chat's shortlist (1 of 500).",
				itemId: card.itemId,
				total: 1,
				max: 500,
			},
		});
		expect(emu.current.stats.requests).toBe(requests);
		expect(await store.get(chat, card.itemId)).toMatchObject({
			itemId: card.itemId,
			title: card.title,
			productUrl: card.url,
			imageUrl: card.imageUrl,
			categoryId: 1031910,
			categoryName: page.category.name,
			command: "/category 1031910 sort:sales",
			savedBy: { userId: ann.userId, name: "Ann" },
			savedAt: NOON,
		});
		expect(actionLines("shortlist-save")).toEqual([
			expect.objectContaining({
				level: 30,
				user: ann.userId,
				outcome: "ok",
				result: "saved",
				place: "telegram:-100500",
				itemId: card.itemId,
				cache: "hit",
				catId: 1031910,
			}),
		]);
	});

	it("keeps one entry for a product saved twice and says who saved it first", async () => {
		const { catalog, shortlist, tick } = build();
		const page = await view(catalog, ann, { text: "/category 1031910" });
		const request = { token: page.tokens.current, position: 3 };
		expect((await shortlist.save(ann, chat, request, "Ann")).ok).toBe(true);
		tick(86_400_000);
		const again = await shortlist.save(ben, chat, request, "Ben");
		expect(again).toMatchObject({
			ok: true,
			view: { status: "exists", text: "Already on the shortlist: saved by Ann on 30 Nov 2026.", total: 1 },
		});
		const list = await shortlist.list(ben, chat, 1);
		if (!list.ok) throw new Error(list.refusal.message);
		expect(list.view.total).toBe(1);
		expect(list.view.entries[0]?.savedBy).toBe("saved by Ann · 30 Nov");
	});

	it("says when the list is full", async () => {
		const { catalog, shortlist } = build({ max: 2 });
		const page = await view(catalog, ann, { text: "/category 1031910" });
		for (const position of [1, 2])
			await shortlist.save(ann, chat, { token: page.tokens.current, position }, "Ann");
		expect(await shortlist.save(ann, chat, { token: page.tokens.current, position: 3 }, "Ann")).toMatchObject(
			{
				ok: true,
				view: {
					status: "full",
					text: "The shortlist is full (2 cards): remove some with /shortlist first.",
					card: null,
				},
			},
		);
	});

	it("counts a save against the rate limit, once", async () => {
		const { catalog, shortlist } = build({ limits: { actionsPerWindow: 3 } });
		const page = await view(catalog, ann, { text: "/category 1031910" });
		await shortlist.save(ann, chat, { token: page.tokens.current, position: 1 }, "Ann");
		await shortlist.save(ann, chat, { token: page.tokens.current, position: 2 }, "Ann");
		const limited = await shortlist.save(ann, chat, { token: page.tokens.current, position: 3 }, "Ann");
		expect(limited).toMatchObject({ ok: false, refusal: { kind: "rate-limited" } });
		expect(!limited.ok && limited.refusal.message).toMatch(/^Slow down a little: try again in \d+ s\.$/);
		expect(await shortlist.list(ann, chat, 1)).toMatchObject({
			ok: false,
			refusal: { kind: "rate-limited" },
		});
		expect((await shortlist.list(ben, chat, 1)).ok).toBe(true);
	});

	it("refuses a forged token with no upstream call and no action counted", async () => {
		const { catalog, shortlist, store } = build({ limits: { actionsPerWindow: 1 } });
		const resolved = catalog.resolve({ text: "/category 1031910" });
		if (!resolved.ok) throw new Error("the command did not resolve");
		const forged = encodePageToken(resolved.query, "another-secret-entirely");
		for (const token of [forged, "garbage"]) {
			expect(await shortlist.save(ann, chat, { token, position: 1 }, "Ann")).toMatchObject({
				ok: false,
				refusal: { kind: "bad-token", message: expect.stringMatching(/^This button is no longer valid/) },
			});
		}
		expect(emu.current.stats.requests).toBe(0);
		expect((await store.list(chat, { offset: 0, limit: 5 })).total).toBe(0);
		// The one action of the window is still there.
		expect((await shortlist.list(ann, chat, 1)).ok).toBe(true);
	});
});

describe("shortlist.list", () => {
	it("pages the place's cards newest first, with who saved each and the price when saved, never calling", async () => {
		const { catalog, shortlist, tick } = build();
		const first = await view(catalog, ann, { text: "/category 1031910" });
		const second = await view(catalog, ann, { token: first.tokens.next ?? "" });
		const saved: string[] = [];
		for (const [page, position] of [
			[first, 1],
			[first, 2],
			[first, 3],
			[first, 4],
			[first, 5],
			[second, 6],
			[second, 7],
		] as const) {
			const outcome = await shortlist.save(ann, chat, { token: page.tokens.current, position }, "Ann");
			if (!outcome.ok) throw new Error(outcome.refusal.message);
			saved.push(outcome.view.itemId);
			tick(60_000);
		}
		const requests = emu.current.stats.requests;
		const one = await shortlist.list(ben, chat, 1);
		if (!one.ok) throw new Error(one.refusal.message);
		const newest = [...saved].reverse();
		expect(one.view).toMatchObject({
			heading: "☆ This chat's shortlist",
			total: 7,
			max: 500,
			page: 1,
			totalPages: 2,
			pageLabel: "Page 1 of 2",
			emptyText: null,
			targets: { next: 2, last: 2 },
			buttons: { save: "☆ Save", remove: "✖ Remove" },
		});
		expect(one.view.entries.map((e) => e.itemId)).toEqual(newest.slice(0, 5));
		expect(one.view.entries.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
		const entry = one.view.entries[0];
		const shown = cardAt(second, 1);
		expect(entry).toMatchObject({
			itemId: shown.itemId,
			title: shown.title,
			url: shown.url,
			moq: shown.moq,
			savedBy: "saved by Ann · 30 Nov",
			command: "/category 1031910",
			category: first.category.name,
		});
		expect(entry?.price).toBe(shown.price === "Price on request" ? shown.price : `${shown.price} when saved`);
		const two = await shortlist.list(ben, chat, 2);
		expect(two).toMatchObject({ ok: true, view: { page: 2, targets: { first: 1, previous: 1 } } });
		expect(two.ok && two.view.entries.map((e) => e.itemId)).toEqual(newest.slice(5));
		// A page button from before removals shows the last page there is.
		expect(await shortlist.list(ben, chat, 9)).toMatchObject({ ok: true, view: { page: 2 } });
		expect(emu.current.stats.requests).toBe(requests);
	});

	it("says so when nothing is saved, and refuses a page that cannot exist without counting it", async () => {
		const { shortlist } = build({ limits: { actionsPerWindow: 1 } });
		for (const page of [0, -1, 1.5, 20_001, Number.NaN]) {
			expect(await shortlist.list(ann, chat, page)).toMatchObject({
				ok: false,
				refusal: { kind: "invalid" },
			});
		}
		expect(await shortlist.list(ann, chat)).toMatchObject({
			ok: true,
			view: {
				total: 0,
				page: 1,
				totalPages: 1,
				pageLabel: "Page 1 of 1",
				entries: [],
				emptyText: "Nothing saved here yet: press ☆ Save on a card.",
				targets: {},
			},
		});
	});

	it("keeps places apart", async () => {
		const { catalog, shortlist } = build();
		const channel: Place = { platform: "discord", id: "1100:1200" };
		const otherChannel: Place = { platform: "discord", id: "1100:1201" };
		const page = await view(catalog, ann, { text: "/category 1031910" });
		const saved = await shortlist.save(ann, chat, { token: page.tokens.current, position: 1 }, "Ann");
		if (!saved.ok) throw new Error(saved.refusal.message);
		await shortlist.save(ann, channel, { token: page.tokens.current, position: 2 }, "Ann");
		expect(await shortlist.list(ann, otherChannel, 1)).toMatchObject({ ok: true, view: { total: 0 } });
		expect(await shortlist.list(ann, { platform: "discord", id: chat.id }, 1)).toMatchObject({
			ok: true,
			view: { total: 0 },
		});
		expect(await shortlist.remove(ann, channel, saved.view.itemId)).toMatchObject({
			ok: true,
			view: { status: "missing" },
		});
		const list = await shortlist.list(ann, chat, 1);
		expect(list.ok && list.view.entries.map((e) => e.itemId)).toEqual([saved.view.itemId]);
		expect(await shortlist.list(ann, channel, 1)).toMatchObject({
			ok: true,
			view: { total: 1, heading: "☆ This channel's shortlist" },
		});
	});
});

describe("shortlist.remove", () => {
	it("lets any member remove a card and logs who removed what where", async () => {
		const { catalog, shortlist, actionLines } = build();
		const page = await view(catalog, ann, { text: "/category 1031910" });
		const saved = await shortlist.save(ann, chat, { token: page.tokens.current, position: 1 }, "Ann");
		if (!saved.ok) throw new Error(saved.refusal.message);
		const { itemId } = saved.view;
		const removed = await shortlist.remove(ben, chat, itemId);
		expect(removed).toMatchObject({ ok: true, view: { status: "removed", itemId, card: { itemId } } });
		expect(removed.ok && removed.view.text).toBe(`Removed from the shortlist: ${cardAt(page, 0).title}.`);
		expect(actionLines("shortlist-remove")).toEqual([
			expect.objectContaining({
				level: 30,
				platform: "telegram",
				user: ben.userId,
				place: "telegram:-100500",
				itemId,
				outcome: "ok",
				result: "removed",
			}),
		]);
		expect(await shortlist.remove(ben, chat, itemId)).toMatchObject({
			ok: true,
			view: { status: "missing", text: "That card is not on the shortlist any more.", card: null },
		});
		expect(await shortlist.list(ann, chat, 1)).toMatchObject({ ok: true, view: { total: 0 } });
		expect(await shortlist.remove(ben, chat, "1 or 1=1")).toMatchObject({
			ok: false,
			refusal: { kind: "invalid", message: "That is not a saved card." },
		});
	});
});

describe("shortlist.export", () => {
	it("writes the list as spreadsheet-safe CSV, newest first", async () => {
		const { catalog, shortlist, store, tick } = build();
		const page = await view(catalog, ann, { text: "/category 1031910" });
		await shortlist.save(
			ann,
			chat,
			{ token: page.tokens.current, position: 1 },
			'=HYPERLINK("https://evil.example")',
		);
		tick(1_000);
		await store.save(chat, {
			itemId: "698123456789",
			title: "@SUM(1,1)",
			imageUrl: null,
			productUrl: "https://detail.1688.com/offer/698123456789.html",
			price: 12.5,
			currency: "CNY",
			moq: 3,
			shopName: "+1+cmd|' /C calc'!A0",
			shopUrl: null,
			categoryId: 1031910,
			categoryName: null,
			command: "/category 1031910",
			savedBy: { userId: "7", name: "-2+3" },
			savedAt: NOON + 1_000,
		});
		const exported = await shortlist.export(ben, chat);
		if (!exported.ok) throw new Error(exported.refusal.message);
		expect(exported.view).toMatchObject({
			fileName: "catbot-shortlist-2026-11-30.csv",
			count: 2,
			text: "2 saved cards.",
		});
		const rows = parse(exported.view.csv, { bom: true, columns: true }) as Record<string, string>[];
		expect(Object.keys(rows[0] ?? {})).toEqual(SHORTLIST_CSV_COLUMNS);
		expect(rows[0]).toMatchObject({
			item_id: "'698123456789",
			title: "'@SUM(1,1)",
			shop: "'+1+cmd|' /C calc'!A0",
			saved_by: "'-2+3",
			price_when_saved: "12.5",
			moq: "3",
			saved_at: "2026-11-30T12:00:01.000Z",
		});
		expect(rows[1]).toMatchObject({
			title: cardAt(page, 0).title,
			url: cardAt(page, 0).url,
			saved_by: `'=HYPERLINK("https://evil.example")`,
			saved_by_id: ann.userId,
			command: "/category 1031910",
		});
		const empty = await shortlist.export(ben, { platform: "telegram", id: "-1" });
		expect(empty).toMatchObject({
			ok: true,
			view: { count: 0, text: "Nothing saved here yet: press ☆ Save on a card." },
		});
	});
});

describe("shortlist refusals", () => {
	it("answers store trouble with the StoreError's message and never throws", async () => {
		const unavailable = (): Promise<never> =>
			Promise.reject(new StoreError("unavailable", { cause: new Error("ECONNREFUSED") }));
		const down: ShortlistStore = {
			save: unavailable,
			list: unavailable,
			get: unavailable,
			remove: unavailable,
		};
		const { catalog, shortlist, logs } = build({ shortlistStore: down });
		const page = await view(catalog, ann, { text: "/category 1031910" });
		const refusal = {
			ok: false,
			refusal: {
				kind: "upstream",
				code: "store-unavailable",
				retryable: true,
				message: "Saved data is unavailable right now. Please try again later.",
			},
		};
		expect(await shortlist.save(ann, chat, { token: page.tokens.current, position: 1 }, "Ann")).toEqual(
			refusal,
		);
		expect(await shortlist.list(ann, chat, 1)).toEqual(refusal);
		expect(await shortlist.remove(ann, chat, "1")).toEqual(refusal);
		expect(await shortlist.export(ann, chat)).toEqual(refusal);
		const warned = logs.lines.filter((l) => l.msg === "action" && String(l.action).startsWith("shortlist-"));
		expect(warned.map((l) => [l.level, l.code])).toEqual(Array(4).fill([40, "store-unavailable"]));

		const broken: ShortlistStore = { ...down, list: () => Promise.reject(new TypeError("a bug")) };
		const buggy = build({ shortlistStore: broken });
		expect(await buggy.shortlist.list(ann, chat, 1)).toMatchObject({
			ok: false,
			refusal: { code: "internal" },
		});
		expect(buggy.logs.lines.find((l) => l.msg === "unexpected shortlist failure")).toMatchObject({
			level: 50,
		});
		// The operator sees why the store failed; the user saw only the StoreError's message.
		const failure = logs.lines.find((l) => l.msg === "shortlist store call failed");
		expect(failure).toMatchObject({ level: 40, code: "unavailable", err: { type: "StoreError" } });
		expect(JSON.stringify(failure)).toContain("ECONNREFUSED");
	});

	it("refuses outsiders before anything else", async () => {
		const { shortlist } = build({ allow: { telegramChats: ["-1"] } });
		for (const outcome of [
			await shortlist.list(ann, chat, 1),
			await shortlist.remove(ann, chat, "1"),
			await shortlist.export(ann, chat),
			await shortlist.save(ann, chat, { token: "garbage", position: 1 }, "Ann"),
		]) {
			expect(outcome).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
		}
	});

	it("refuses a place that cannot keep a list, and bad options when built", async () => {
		const { shortlist, catalog, access, limits, logs } = build();
		expect(await shortlist.list(ann, { platform: "telegram", id: "a b" }, 1)).toMatchObject({
			ok: false,
			refusal: { code: "store-invalid", message: "That entry cannot be stored." },
		});
		const store = createMemoryShortlistStore();
		const common = { catalog, access, limits, store, logger: logs.logger };
		expect(() => createShortlist({ ...common, max: 0 })).toThrow(TypeError);
		expect(() => createShortlist({ ...common, max: 100_001 })).toThrow(TypeError);
		expect(() => createShortlist({ ...common, language: "xx" as never })).toThrow(TypeError);
	});
});
