import type { Fault } from "./faults.js";

/** Options of {@link newArrivalsFault}. */
export interface NewArrivalsOptions {
	/** How many answers it changes. Default 1. */
	readonly times?: number;
	/** The first new item id; the others follow it. Default 900000000000. */
	readonly base?: number;
}

/**
 * A drift fault that puts `count` products with new ids (shaped like the answer's first item, titled
 * "New arrival n") on top of the next v2 answer(s), as a category does when new products are listed: what
 * watch tests need to see "only the new ones posted".
 */
export function newArrivalsFault(count: number, options: NewArrivalsOptions = {}): Fault {
	const base = options.base ?? 900_000_000_000;
	return {
		kind: "drift",
		endpoint: "v2",
		times: options.times ?? 1,
		mutate(body: unknown) {
			const data = (body as { data: { items: Record<string, unknown>[] } }).data;
			const model = data.items[0];
			if (!model) return body;
			const fresh = Array.from({ length: count }, (_, i) => ({
				...model,
				item_id: typeof model.item_id === "number" ? base + i : String(base + i),
				title: `New arrival ${i + 1}`,
			}));
			data.items = [...fresh, ...data.items].slice(0, data.items.length);
			return body;
		},
	};
}
