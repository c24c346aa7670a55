import { type DurableStore, isStoreError, SAVED_TITLE_MAX } from "@catbot/core";
import { beforeAll, describe, expect, it } from "vitest";
import { STORE_KINDS, useStoreBackends } from "../test-support/storeBackends.js";
import { freshPlace, savedCard } from "../test-support/storeFixtures.js";

const backends = useStoreBackends();
const T0 = 1_750_000_000_000;

describe.each(STORE_KINDS)("shortlist on %s", (kind) => {
	let store: DurableStore;
	beforeAll(async () => {
		store = await backends.open(kind, { shortlistMax: 5 });
	});

	it("stores the whole snapshot and gives it back unchanged", async () => {
		const place = freshPlace();
		const full = savedCard("884674536008", T0, {
			title: `${"长".repeat(SAVED_TITLE_MAX - 3)}👗…`,
			price: 1234567.89,
			moq: 99_999_999_999,
			categoryId: 99_999_999_999,
		});
		const bare = savedCard("1", T0 + 1, {
			imageUrl: null,
			price: null,
			moq: null,
			shopName: null,
			shopUrl: null,
			categoryName: null,
			savedBy: { userId: "u-7", name: null },
		});
		expect(await store.shortlist.save(place, full)).toEqual({ status: "saved", card: full, total: 1 });
		expect(await store.shortlist.save(place, bare)).toEqual({ status: "saved", card: bare, total: 2 });
		expect(await store.shortlist.get(place, full.itemId)).toEqual(full);
		expect(await store.shortlist.get(place, bare.itemId)).toEqual(bare);
		expect(await store.shortlist.get(place, "2")).toBeUndefined();
	});

	it("stores a card saved from a search with no category, and gives it back with none", async () => {
		const place = freshPlace();
		const searched = savedCard("701", T0, {
			categoryId: null,
			categoryName: null,
			command: "/search summer dress sort:sales",
		});
		const categorised = savedCard("702", T0 + 1, { command: "/search 太阳镜", categoryId: 1031922 });
		expect(await store.shortlist.save(place, searched)).toEqual({
			status: "saved",
			card: searched,
			total: 1,
		});
		expect(await store.shortlist.save(place, categorised)).toEqual({
			status: "saved",
			card: categorised,
			total: 2,
		});
		expect(await store.shortlist.list(place, { offset: 0, limit: 5 })).toEqual({
			cards: [categorised, searched],
			total: 2,
			offset: 0,
			limit: 5,
		});
		expect(await store.shortlist.get(place, "701")).toEqual(searched);
		expect(await store.shortlist.remove(place, "701")).toEqual(searched);
	});

	it("keeps one entry for a product saved twice and says who saved it first", async () => {
		const place = freshPlace();
		const first = savedCard("555", T0, { savedBy: { userId: "1", name: "Ann" } });
		await store.shortlist.save(place, first);
		const again = savedCard("555", T0 + 60_000, { savedBy: { userId: "2", name: "Bob" }, price: 9 });
		expect(await store.shortlist.save(place, again)).toEqual({ status: "exists", card: first, total: 1 });
		expect((await store.shortlist.list(place, { offset: 0, limit: 10 })).cards).toEqual([first]);
	});

	it("lists newest first, paged, with the total", async () => {
		const place = freshPlace();
		// Saved out of time order, and two in the same millisecond: the later insert counts as newer.
		for (const [id, at] of [
			["10", T0 + 3],
			["11", T0 + 1],
			["12", T0 + 2],
			["13", T0 + 2],
		] as const) {
			await store.shortlist.save(place, savedCard(id, at));
		}
		const ids = async (offset: number, limit: number) => {
			const page = await store.shortlist.list(place, { offset, limit });
			return { ids: page.cards.map((card) => card.itemId), total: page.total };
		};
		expect(await ids(0, 10)).toEqual({ ids: ["10", "13", "12", "11"], total: 4 });
		expect(await ids(1, 2)).toEqual({ ids: ["13", "12"], total: 4 });
		expect(await ids(3, 2)).toEqual({ ids: ["11"], total: 4 });
		expect(await ids(4, 2)).toEqual({ ids: [], total: 4 });
		expect(await ids(0, 1)).toEqual({ ids: ["10"], total: 4 });
		expect(await store.shortlist.list(freshPlace(), { offset: 0, limit: 5 })).toEqual({
			cards: [],
			total: 0,
			offset: 0,
			limit: 5,
		});
	});

	it("removes a card and gives it back, or nothing when it is not there", async () => {
		const place = freshPlace();
		const card = savedCard("777", T0);
		await store.shortlist.save(place, card);
		expect(await store.shortlist.remove(place, "777")).toEqual(card);
		expect(await store.shortlist.remove(place, "777")).toBeUndefined();
		expect(await store.shortlist.get(place, "777")).toBeUndefined();
		expect((await store.shortlist.list(place, { offset: 0, limit: 5 })).total).toBe(0);
	});

	it("refuses the card past SHORTLIST_MAX, and takes one again after a removal", async () => {
		const place = freshPlace();
		for (let i = 1; i <= 5; i++)
			expect((await store.shortlist.save(place, savedCard(String(i), T0 + i))).status).toBe("saved");
		expect(await store.shortlist.save(place, savedCard("6", T0 + 6))).toEqual({
			status: "full",
			limit: 5,
			total: 5,
		});
		// A product already on a full list is still reported as there, not as "full".
		expect((await store.shortlist.save(place, savedCard("3", T0 + 7))).status).toBe("exists");
		await store.shortlist.remove(place, "1");
		expect((await store.shortlist.save(place, savedCard("6", T0 + 8))).status).toBe("saved");
	});

	it("never passes the limit when saves race", async () => {
		const place = freshPlace();
		for (let i = 1; i <= 4; i++) await store.shortlist.save(place, savedCard(String(i), T0 + i));
		// Open the pool's connections first, so the saves below really overlap on PostgreSQL.
		await Promise.all(Array.from({ length: 8 }, () => store.shortlist.list(place, { offset: 0, limit: 1 })));
		const results = await Promise.all(
			Array.from({ length: 8 }, (_, i) => store.shortlist.save(place, savedCard(String(100 + i), T0 + 100))),
		);
		expect(results.filter((result) => result.status === "saved")).toHaveLength(1);
		expect(results.filter((result) => result.status === "full")).toHaveLength(7);
		expect((await store.shortlist.list(place, { offset: 0, limit: 10 })).total).toBe(5);
	});

	it("keeps places apart: chats, platforms and Discord channels of one server", async () => {
		const chat = freshPlace("telegram");
		const sameIdOnDiscord = { platform: "discord" as const, id: chat.id };
		const channel = { platform: "discord" as const, id: "1100:1" };
		const otherChannel = { platform: "discord" as const, id: "1100:2" };
		for (const [n, place] of [chat, sameIdOnDiscord, channel, otherChannel].entries()) {
			await store.shortlist.save(place, savedCard("900", T0, { savedBy: { userId: String(n), name: null } }));
		}
		await store.shortlist.save(channel, savedCard("901", T0));
		expect((await store.shortlist.get(sameIdOnDiscord, "900"))?.savedBy.userId).toBe("1");
		expect((await store.shortlist.list(channel, { offset: 0, limit: 5 })).total).toBe(2);
		expect((await store.shortlist.list(otherChannel, { offset: 0, limit: 5 })).total).toBe(1);
		expect(await store.shortlist.remove(otherChannel, "901")).toBeUndefined();
		expect(await store.shortlist.remove(chat, "900")).toBeDefined();
		expect(await store.shortlist.get(sameIdOnDiscord, "900")).toBeDefined();
		expect(await store.shortlist.get(channel, "901")).toBeDefined();
	});

	it("refuses input outside its bounds with a StoreError that quotes no value", async () => {
		const place = freshPlace();
		const cases: (() => Promise<unknown>)[] = [
			() =>
				store.shortlist.save({ platform: "telegram", id: "x'; drop table place; --" }, savedCard("1", T0)),
			() => store.shortlist.save(place, savedCard("1", T0, { title: "x".repeat(SAVED_TITLE_MAX + 1) })),
			() => store.shortlist.save(place, savedCard("not-digits", T0)),
			() => store.shortlist.save(place, savedCard("1", T0, { imageUrl: "javascript:alert(1)" })),
			() => store.shortlist.save(place, savedCard("1", T0, { categoryId: 0 })),
			() => store.shortlist.list(place, { offset: 0, limit: 0 }),
			() => store.shortlist.list(place, { offset: 0, limit: 501 }),
			() => store.shortlist.list(place, { offset: -1, limit: 5 }),
			() => store.shortlist.remove(place, "1 or 1=1"),
		];
		for (const attempt of cases) {
			const error = await attempt().then(
				() => undefined,
				(caught: unknown) => caught,
			);
			expect(isStoreError(error) && error.code).toBe("invalid");
			expect(String((error as Error).message)).toBe("That entry cannot be stored.");
			expect(String((error as { detail?: string }).detail)).not.toMatch(/drop table|javascript|1=1/);
		}
		expect((await store.shortlist.list(place, { offset: 0, limit: 5 })).total).toBe(0);
	});
});
