import { describe, expect, it } from "vitest";
import type { Place } from "../store/place.js";
import { view } from "../test-support/catalog.js";
import { ann, ben, cardAt, chat, useShortlist } from "../test-support/shortlist.js";

const { emu, build } = useShortlist();

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
			category: first.category?.name,
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
