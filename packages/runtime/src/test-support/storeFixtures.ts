import type { NewWatch, Place, SavedCard } from "@catbot/core";

let places = 0;

/** A place no other test uses, so tests can share one database. */
export function freshPlace(platform: Place["platform"] = "telegram"): Place {
	places += 1;
	return {
		platform,
		id: platform === "discord" ? `1100${process.pid}:${places}` : `-100${process.pid}${places}`,
	};
}

/** A saved card as the catalog would build it, with the given id and save time. */
export function savedCard(itemId: string, savedAt: number, overrides: Partial<SavedCard> = {}): SavedCard {
	return {
		itemId,
		title: `2025夏季新款温柔风连衣裙 ${itemId}`,
		imageUrl: `https://cbu01.alicdn.com/img/ibank/${itemId}.jpg`,
		productUrl: `https://detail.1688.com/offer/${itemId}.html`,
		price: 4.59,
		currency: "CNY",
		moq: 2000,
		shopName: "广州衣耘服装厂",
		shopUrl: "https://shop1234.1688.com",
		categoryId: 1031910,
		categoryName: "Dresses",
		command: "/category 1031910 sort:sales",
		savedBy: { userId: "42", name: "Ann" },
		savedAt,
		...overrides,
	};
}

/** A new watch of category `catId`, due at `nextRunAt`. */
export function newWatch(catId: number, nextRunAt: number, overrides: Partial<NewWatch> = {}): NewWatch {
	return {
		queryKey: `cat=${catId}&api=v2&lang=en&sort=default`,
		command: `/category ${catId}`,
		intervalHours: 24,
		createdBy: "42",
		createdAt: nextRunAt,
		nextRunAt,
		...overrides,
	};
}
