import { DEMO_SEARCH_KEYWORDS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { SECRET } from "../test-support/catalog.js";
import { ann, created, HOUR, ids, useWatches } from "../test-support/watches.js";
import { decodePageToken } from "../tokens/pageToken.js";

const { emu, build } = useWatches();
const searchCalls = () => emu.current.stats.byEndpoint.search + emu.current.stats.byEndpoint.globalSearch;

describe("watches on a keyword search", () => {
	it("watch a search: the first run posts its top cards for one paid call, and the full list opens the search", async () => {
		const { catalog, watches } = build();
		const before = searchCalls();
		const view = await created(watches, `/watch search ${DEMO_SEARCH_KEYWORDS.dresses} sort:sales every:6h`);
		expect(view.status).toBe("created");
		expect(view.text).toContain(`/search ${DEMO_SEARCH_KEYWORDS.dresses} sort:sales`);
		expect(searchCalls() - before).toBe(1);
		expect(view.post?.cards).toHaveLength(5);
		const decoded = decodePageToken(view.post?.fullListToken ?? "", SECRET);
		expect(decoded).toMatchObject({ ok: true, search: { sort: "sales", api: "native", page: 1 } });
		// The full-list button works: its keyword was stored by the run, and the page is the run's, cached.
		const list = await catalog.show(ann, { token: view.post?.fullListToken ?? "" });
		expect(list.ok && list.view.search?.keyword).toBe(DEMO_SEARCH_KEYWORDS.dresses);
		expect(searchCalls() - before).toBe(1);
	});

	it("a later run of a search posts nothing when nothing is new, and reads one page", async () => {
		const { watches, advance } = build();
		const first = await created(watches, `/watch search ${DEMO_SEARCH_KEYWORDS.sunglasses} every:6h`);
		expect(ids(first.post)).toHaveLength(5);
		advance(6 * HOUR + 16 * 60_000);
		const before = searchCalls();
		expect(await watches.runDue()).toEqual([]);
		expect(searchCalls() - before).toBe(1);
		expect(emu.current.stats.byEndpoint.globalSearch).toBeGreaterThan(0);
	});

	it("refuses a search watch with a problem in the grammar, before any call", async () => {
		const { watches } = build();
		const before = searchCalls();
		const outcome = await watches.create(
			ann,
			{ platform: "telegram", id: "-100500" },
			{
				text: "/watch search summer dress srot:sales",
			},
		);
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.refusal.message).toContain("Did you mean 'sort'?");
		expect(searchCalls()).toBe(before);
	});
});
