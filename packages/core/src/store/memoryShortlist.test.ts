import { describe, expect, it } from "vitest";
import { isStoreError } from "./errors.js";
import { createMemoryShortlistStore } from "./memoryShortlist.js";
import type { Place } from "./place.js";
import { SAVED_TITLE_MAX, type SavedCard } from "./savedCard.js";

const T0 = 1_750_000_000_000;
const chat: Place = { platform: "telegram", id: "-100123" };

function savedCard(itemId: string, savedAt: number, overrides: Partial<SavedCard> = {}): SavedCard {
	return {
		itemId,
		title: `连衣裙 ${itemId}`,
		imageUrl: null,
		productUrl: `https://detail.1688.com/offer/${itemId}.html`,
		price: 4.59,
		currency: "CNY",
		moq: 2,
		shopName: null,
		shopUrl: null,
		categoryId: 1031910,
		categoryName: "Dresses",
		command: "/category 1031910",
		savedBy: { userId: "42", name: "Ann" },
		savedAt,
		...overrides,
	};
}

// The same rules as the SQL store's suite in packages/runtime/src/store/shortlist.test.ts.
describe("createMemoryShortlistStore", () => {
	it("keeps one entry per product, the first save's, and gives back copies", async () => {
		const store = createMemoryShortlistStore();
		const first = savedCard("555", T0);
		expect(await store.save(chat, first)).toEqual({ status: "saved", card: first, total: 1 });
		const again = savedCard("555", T0 + 1, { savedBy: { userId: "2", name: "Bob" } });
		expect(await store.save(chat, again)).toEqual({ status: "exists", card: first, total: 1 });
		first.title = "changed by the caller";
		const read = await store.get(chat, "555");
		expect(read?.title).toBe("连衣裙 555");
		if (read) read.savedBy.name = "changed";
		expect((await store.get(chat, "555"))?.savedBy.name).toBe("Ann");
	});

	it("lists newest first, paged, a later insert first within one millisecond", async () => {
		const store = createMemoryShortlistStore();
		for (const [id, at] of [
			["10", T0 + 3],
			["11", T0 + 1],
			["12", T0 + 2],
			["13", T0 + 2],
		] as const) {
			await store.save(chat, savedCard(id, at));
		}
		const ids = async (offset: number, limit: number) => {
			const page = await store.list(chat, { offset, limit });
			return { ids: page.cards.map((card) => card.itemId), total: page.total };
		};
		expect(await ids(0, 10)).toEqual({ ids: ["10", "13", "12", "11"], total: 4 });
		expect(await ids(1, 2)).toEqual({ ids: ["13", "12"], total: 4 });
		expect(await ids(4, 2)).toEqual({ ids: [], total: 4 });
		expect(await store.list({ platform: "discord", id: "1:2" }, { offset: 0, limit: 5 })).toEqual({
			cards: [],
			total: 0,
			offset: 0,
			limit: 5,
		});
	});

	it("refuses the card past its limit, reports a saved one as there, and takes one after a removal", async () => {
		const store = createMemoryShortlistStore({ max: 3 });
		for (let i = 1; i <= 3; i++) await store.save(chat, savedCard(String(i), T0 + i));
		expect(await store.save(chat, savedCard("4", T0 + 4))).toEqual({ status: "full", limit: 3, total: 3 });
		expect((await store.save(chat, savedCard("2", T0 + 5))).status).toBe("exists");
		expect(await store.remove(chat, "1")).toEqual(savedCard("1", T0 + 1));
		expect(await store.remove(chat, "1")).toBeUndefined();
		expect((await store.save(chat, savedCard("4", T0 + 6))).status).toBe("saved");
	});

	it("keeps places apart: chats, platforms and Discord channels of one server", async () => {
		const store = createMemoryShortlistStore();
		const places: Place[] = [
			chat,
			{ platform: "discord", id: chat.id },
			{ platform: "discord", id: "1100:1" },
			{ platform: "discord", id: "1100:2" },
		];
		for (const [n, place] of places.entries()) {
			await store.save(place, savedCard("900", T0, { savedBy: { userId: String(n), name: null } }));
		}
		expect((await store.get(places[1] as Place, "900"))?.savedBy.userId).toBe("1");
		expect(await store.remove(places[2] as Place, "900")).toBeDefined();
		expect(await store.get(places[3] as Place, "900")).toBeDefined();
		expect((await store.list(chat, { offset: 0, limit: 5 })).total).toBe(1);
	});

	it("keeps a card saved from a search with no category", async () => {
		const store = createMemoryShortlistStore();
		const searched = savedCard("777", T0, {
			categoryId: null,
			categoryName: null,
			command: "/search summer dress sort:sales",
		});
		expect(await store.save(chat, searched)).toEqual({ status: "saved", card: searched, total: 1 });
		expect((await store.list(chat, { offset: 0, limit: 5 })).cards).toEqual([searched]);
		expect(await store.remove(chat, "777")).toEqual(searched);
	});

	it("refuses input outside the schemas' bounds with a StoreError that quotes no value", async () => {
		const store = createMemoryShortlistStore();
		const attempts: (() => Promise<unknown>)[] = [
			() => store.save({ platform: "telegram", id: "x'; drop table place; --" }, savedCard("1", T0)),
			() => store.save(chat, savedCard("1", T0, { title: "x".repeat(SAVED_TITLE_MAX + 1) })),
			() => store.save(chat, savedCard("not-digits", T0)),
			() => store.save(chat, savedCard("1", T0, { imageUrl: "javascript:alert(1)" })),
			() => store.save(chat, savedCard("1", T0, { categoryId: 0 })),
			() => store.list(chat, { offset: 0, limit: 501 }),
			() => store.remove(chat, "1 or 1=1"),
		];
		for (const attempt of attempts) {
			const error = await attempt().then(
				() => undefined,
				(caught: unknown) => caught,
			);
			expect(isStoreError(error) && error.code).toBe("invalid");
			expect((error as Error).message).toBe("That entry cannot be stored.");
			expect(String((error as { detail?: string }).detail)).not.toMatch(/drop table|javascript|1=1/);
		}
		expect(() => createMemoryShortlistStore({ max: 0 })).toThrow("That entry cannot be stored.");
	});
});
