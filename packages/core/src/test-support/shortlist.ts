import type { Actor } from "../access/actor.js";
import type { ResultView } from "../catalog/outcome.js";
import { createShortlist } from "../shortlist/createShortlist.js";
import { createMemoryShortlistStore } from "../store/memoryShortlist.js";
import type { Place } from "../store/place.js";
import type { ShortlistStore } from "../store/shortlist.js";
import { alice, type CatalogSetup, useCatalog } from "./catalog.js";

/** 30 Nov 2026, noon UTC. */
export const NOON = Date.UTC(2026, 10, 30, 12);
export const chat: Place = { platform: "telegram", id: "-100500" };
export const ann: Actor = alice;
export const ben: Actor = { ...alice, userId: "1002" };

/** A shortlist test file's fixture: one emulator for the file, and a fresh catalog and shortlist per `build()`. */
export function useShortlist() {
	const { emu, setup } = useCatalog();

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

	return { emu, build };
}

/** The card at `index` of a page; fails the test when there is none. */
export function cardAt(page: ResultView, index: number) {
	const card = page.cards[index];
	if (!card) throw new Error(`no card ${index}`);
	return card;
}
