import { benchEngine } from "./engine.js";
import { spawnEmulator } from "./upstream.js";

const TOKEN = "bench-search-token";
const USERS = 10;
const KEYWORDS = ["summer dress", "连衣裙", "phone case", "保温杯", "yoga pants"];
const PAGES = 8;

/**
 * Ten users each search five keywords and page through eight chat pages of each (5 cards a page, so two
 * upstream pages of 20), then ask the same searches through inline mode: the cache and coalescing must
 * hold it to one paid call per distinct upstream page (5 keywords x 2 pages = 10), and a forged search
 * button must cost none.
 */
export async function benchSearch(): Promise<void> {
	const emu = await spawnEmulator(TOKEN, 20);
	try {
		const { catalog, calls } = benchEngine({ url: emu.url, token: TOKEN, nameWaitMs: 50 });
		const started = performance.now();
		let shown = 0;
		await Promise.all(
			Array.from({ length: USERS }, async (_, user) => {
				const actor = { platform: "telegram" as const, userId: String(user) };
				for (const keyword of KEYWORDS) {
					let outcome = await catalog.show(actor, { text: `/search ${keyword}` });
					for (let page = 1; outcome.ok; page += 1) {
						shown += 1;
						const next = outcome.view.tokens.next;
						if (!next || page === PAGES) break;
						outcome = await catalog.show(actor, { token: next });
					}
					await catalog.inline(actor, { text: `search ${keyword}`, offset: "" });
					await catalog.inline(actor, { text: `search ${keyword}`, offset: "2" });
				}
			}),
		);
		const ms = performance.now() - started;
		const before = calls.items;
		const forged = await catalog.show(
			{ platform: "telegram", userId: "x" },
			{ token: "AgAAAAAAAAAAAQUAAAAAAAAAAAAAAAAA" },
		);
		console.log(
			`keyword search (${USERS} users x ${KEYWORDS.length} keywords x ${PAGES} pages, plus inline)`,
		);
		console.log(
			`  search calls                       ${calls.items} (target ${KEYWORDS.length * 2}: one per distinct upstream page)`,
		);
		console.log(
			`  category name calls                ${calls.info} (suggestions; at most 3 per keyword, cached a day)`,
		);
		console.log(`  chat pages shown                   ${shown} in ${Math.round(ms)} ms`);
		console.log(
			`  forged search button               ${forged.ok ? "accepted!" : forged.refusal.kind}, ${calls.items - before} calls`,
		);
	} finally {
		await emu.stop();
	}
}
