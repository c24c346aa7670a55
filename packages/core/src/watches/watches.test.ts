import { describe, expect, it } from "vitest";
import { canonicalQueryKey } from "../query/format.js";
import { parseCategoryCommand } from "../query/parse.js";
import { SECRET } from "../test-support/catalog.js";
import { ann, chat, created, HOUR, ids, newArrivals, START, useWatches } from "../test-support/watches.js";
import { decodePageToken } from "../tokens/pageToken.js";

const { emu, build, itemCalls } = useWatches();
const DAY = 24 * HOUR;

describe("watches: create and the first run", () => {
	it("posts the current top cards at once, with the full-list button, for one paid call", async () => {
		const { watches } = build();
		const calls = itemCalls();
		const view = await created(watches, "/watch 1031910 new_arrival sort:sales");
		expect(view.status).toBe("created");
		expect(view.text).toBe(
			"👁 Watching /category 1031910 sort:sales new_arrival every 24 h: I will post new ones here.",
		);
		expect(itemCalls() - calls).toBe(1);
		const post = view.post;
		expect(post).toMatchObject({ place: chat, kind: "first", first: true });
		// Every product of the first page is marked seen; five are shown, the rest counted.
		expect(post?.more).toBeGreaterThan(0);
		expect(post?.cards.map((card) => card.position)).toEqual([1, 2, 3, 4, 5]);
		const decoded = decodePageToken(post?.fullListToken ?? "", SECRET);
		expect(decoded).toMatchObject({
			ok: true,
			query: { catId: 1031910, sort: "sales", newArrival: true, page: 1 },
		});
	});

	it("costs no upstream call when the page is fresh in the cache", async () => {
		const { catalog, watches } = build();
		await catalog.show(ann, { text: "/category 127380009 sort:price_asc" });
		const calls = itemCalls();
		const view = await created(watches, "/watch 127380009 sort:price_asc every:12h");
		expect(itemCalls()).toBe(calls);
		expect(view.post?.cards).toHaveLength(5);
	});
});

describe("watches: later runs", () => {
	it("posts only the products it has not posted before, on the schedule", async () => {
		const { watches, advance } = build();
		const first = await created(watches, "/watch 1031910 every:12h");
		const firstIds = ids(first.post);
		expect(await watches.runDue()).toEqual([]);
		advance(11 * HOUR);
		expect(await watches.runDue()).toEqual([]);
		advance(HOUR);
		emu.current.inject(newArrivals(2));
		const calls = itemCalls();
		const posts = await watches.runDue();
		expect(itemCalls() - calls).toBe(1);
		expect(posts).toHaveLength(1);
		expect(posts[0]).toMatchObject({
			kind: "new",
			first: false,
			text: "🆕 2 new in /category 1031910:",
			more: 0,
		});
		expect(ids(posts[0])).toEqual(["900000000000", "900000000001"]);
		expect(ids(posts[0])).not.toContain(firstIds[0]);
		// The same page again, 12 h later: nothing new, nothing posted.
		advance(12 * HOUR);
		expect(await watches.runDue()).toEqual([]);
		const list = await watches.list(ann, chat);
		expect(list.ok && list.view.entries[0]?.lastResult).toBe("nothing new · 1 min ago");
	});

	it("runs 100 watches on 20 distinct queries for at most 20 upstream calls", async () => {
		const { watches, store } = build({ maxPerPlace: 20 });
		for (let p = 0; p < 5; p++) {
			for (let q = 0; q < 20; q++) {
				const parsed = parseCategoryCommand(`/category ${2_000_000 + q}`);
				if (!parsed.ok) throw new Error("bad query");
				await store.create(
					{ platform: "discord", id: `g:${p}` },
					{
						queryKey: canonicalQueryKey(parsed.query),
						command: `/category ${2_000_000 + q}`,
						intervalHours: 24,
						createdBy: "42",
						createdAt: START,
						nextRunAt: START,
					},
				);
			}
		}
		const calls = itemCalls();
		const posts = await watches.runDue({ limit: 100 });
		expect(posts).toHaveLength(100);
		expect(itemCalls() - calls).toBeLessThanOrEqual(20);
	});

	it("skips a run when the daily budget is spent, says so, and runs the next day", async () => {
		const { watches, advance } = build({ dailyBudget: 1 });
		await created(watches, "/watch 1031910");
		const second = await created(watches, "/watch 201149004");
		expect(second.post).toBeNull();
		const list = await watches.list(ann, chat);
		if (!list.ok) throw new Error("refused");
		expect(list.view.entries[1]).toMatchObject({
			lastResult: "skipped 1 min ago: daily budget spent, retrying next time",
			nextRun: "in 24 h",
		});
		// The first watch would take the one call of the next day too.
		await watches.remove(ann, chat, 1);
		advance(DAY);
		const posts = await watches.runDue();
		expect(posts.map((post) => post.command)).toEqual(["/category 201149004"]);
	});

	it("backs off after upstream failures: 1 h, then 2 h", async () => {
		const { watches, store, advance } = build();
		emu.current.inject({ kind: "code", code: 503, endpoint: "v2", times: 2 });
		const view = await created(watches, "/watch 1031910");
		expect(view.post).toBeNull();
		expect((await store.list(chat))[0]).toMatchObject({ failures: 1, nextRunAt: START + HOUR });
		advance(HOUR);
		expect(await watches.runDue()).toEqual([]);
		expect((await store.list(chat))[0]).toMatchObject({ failures: 2, nextRunAt: START + 3 * HOUR });
		advance(2 * HOUR);
		const posts = await watches.runDue();
		expect(posts[0]?.kind).toBe("new");
		expect((await store.list(chat))[0]).toMatchObject({ failures: 0, nextRunAt: START + 3 * HOUR + DAY });
	});

	it("pauses a watch whose category no longer exists, with a notice, and never runs it again", async () => {
		const { watches, advance } = build();
		emu.current.inject({ kind: "code", code: 422, endpoint: "v2", times: 1 });
		const view = await created(watches, "/watch 999999999");
		expect(view.post).toMatchObject({
			kind: "paused",
			cards: [],
			text: "⏸ Stopped checking /category 999999999: the category no longer exists. Remove it with /unwatch 1.",
		});
		const list = await watches.list(ann, chat);
		expect(list.ok && list.view.entries[0]).toMatchObject({
			nextRun: "paused",
			lastResult: "paused: the category no longer exists",
		});
		advance(30 * DAY);
		const calls = itemCalls();
		expect(await watches.runDue()).toEqual([]);
		expect(itemCalls()).toBe(calls);
	});

	it("pauses a place the bot was removed from, and resumes on the next command from it", async () => {
		const { watches, advance } = build();
		await created(watches, "/watch 1031910");
		expect(await watches.placeGone(chat)).toBe(1);
		advance(2 * DAY);
		expect(await watches.runDue()).toEqual([]);
		const list = await watches.list(ann, chat);
		expect(list.ok && list.view.entries[0]?.paused).toBe(false);
		expect(await watches.runDue()).toHaveLength(0);
		emu.current.inject(newArrivals(1));
		advance(DAY);
		expect(await watches.runDue()).toHaveLength(1);
	});
});

describe("watches: /watches, /unwatch and bounds", () => {
	it("lists the place's watches with their next run and last result, and removes by number", async () => {
		const { watches, advance } = build({ maxPerPlace: 2 });
		await created(watches, "/watch 1031910 sort:sales");
		await created(watches, "/watch 201149004 every:6h");
		const full = await created(watches, "/watch 127380009");
		expect(full).toMatchObject({ status: "full", post: null });
		expect(full.text).toBe("This chat has 2 watches, the most it may have: remove one with /unwatch first.");
		const again = await created(watches, "/watch 1031910 sort:best_selling");
		expect(again).toMatchObject({ status: "exists", post: null });
		advance(HOUR);
		const list = await watches.list(ann, chat);
		if (!list.ok) throw new Error("refused");
		expect(list.view.heading).toBe("👁 This chat's watches (2 of 2)");
		expect(list.view.entries.map((entry) => entry.line)).toEqual([
			"1. /category 1031910 sort:sales · every 24 h · next in 23 h · 20 new · 1 h ago",
			"2. /category 201149004 · every 6 h · next in 5 h · 20 new · 1 h ago",
		]);
		const removed = await watches.remove(ann, chat, 1);
		expect(removed).toMatchObject({
			ok: true,
			view: { status: "removed", text: "Stopped watching /category 1031910 sort:sales." },
		});
		const missing = await watches.remove(ann, chat, 2);
		expect(missing).toMatchObject({ ok: true, view: { status: "missing" } });
		const after = await watches.list(ann, chat);
		expect(after.ok && after.view.entries.map((entry) => entry.command)).toEqual(["/category 201149004"]);
	});

	it("refuses intervals below WATCH_MIN_HOURS, paging options and bad numbers, counting nothing paid", async () => {
		const { watches } = build({ minHours: 6 });
		const calls = itemCalls();
		const tooOften = await watches.create(ann, chat, { text: "/watch 1031910 every:2h" });
		expect(tooOften).toMatchObject({
			ok: false,
			refusal: { kind: "invalid", message: "Watches run at most every 6 h: use every:6h or more." },
		});
		const paged = await watches.create(ann, chat, { text: "/watch 1031910 page:3" });
		expect(paged.ok || paged.refusal.message).toBe(
			"A watch checks the first page of results: leave out page: and size:.",
		);
		expect(await watches.remove(ann, chat, 0)).toMatchObject({ ok: false, refusal: { kind: "invalid" } });
		expect(itemCalls()).toBe(calls);
		const empty = await watches.list(ann, chat);
		expect(empty.ok && empty.view.text).toBe(
			"👁 This chat's watches (0 of 10)\nNo watches here yet: start one with /watch 1031910 new_arrival sort:sales.",
		);
	});

	it("takes Discord's structured options", async () => {
		const { watches } = build();
		const place = { platform: "discord" as const, id: "1100:1200" };
		const outcome = await watches.create(
			{ platform: "discord", userId: "81384788765712384", placeId: "1100" },
			place,
			{ options: { catId: 1031910, sort: "sales", every: 12 } },
		);
		expect(outcome).toMatchObject({ ok: true, view: { status: "created", watch: { intervalHours: 12 } } });
		if (outcome.ok) expect(outcome.view.text).toContain("every 12 h");
	});
});
