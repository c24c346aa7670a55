import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../cache/memoryStore.js";
import type { CacheStore } from "../cache/store.js";
import { isSearchQuery } from "../query/searchSchema.js";
import { SEARCH_DEFAULTS } from "../test-support/arbitraries.js";
import { alice, SECRET, useCatalog, view } from "../test-support/catalog.js";
import { encodePageToken, searchIdFor } from "../tokens/pageToken.js";
import { SEARCH_KEYWORD_TTL_MS } from "./searchKeywords.js";

const { emu, setup } = useCatalog();

const EXPIRED_COMMAND = "/search <keyword> sort:sales free_shipping page:2";

/** A search's page-2 button, made by one engine, and that engine's store. */
async function searchButton() {
	const store = createMemoryStore({ maxBytes: 8 * 1024 * 1024 });
	const { catalog } = setup({ store });
	const page = await view(catalog, alice, { text: "/search summer dress sort:sales free_shipping" });
	const next = page.tokens.next;
	if (!next || !isSearchQuery(page.query)) throw new Error("no search with a next button");
	emu.current.resetStats();
	return { store, next, query: page.query };
}

describe("a search button whose keyword is no longer stored", () => {
	it("answers 'expired' with the search's command, without any call or counted action", async () => {
		const { next } = await searchButton();
		// Another engine with the same secret and an empty store: the keyword expired or was evicted.
		const { catalog, logs } = setup({
			store: createMemoryStore({ maxBytes: 1024 * 1024 }),
			limits: { actionsPerWindow: 1 },
		});
		const expired = {
			ok: false,
			refusal: {
				kind: "expired",
				command: EXPIRED_COMMAND,
				message: `This search expired: run it again: ${EXPIRED_COMMAND}`,
			},
		};
		expect(await catalog.show(alice, { token: next })).toStrictEqual(expired);
		expect(await catalog.resolve({ token: next })).toStrictEqual(expired);
		expect(await catalog.pick(alice, { token: next, position: 6 })).toStrictEqual(expired);
		expect(await catalog.export(alice, { token: next })).toStrictEqual(expired);
		expect(emu.current.stats.requests).toBe(0);
		expect(logs.lines.filter((line) => line.msg === "action").map((line) => line.outcome)).toEqual([
			"expired",
			"expired",
			"expired",
		]);
		// None of them counted: the one action of the window is still free.
		expect((await catalog.show(alice, { text: "/search summer dress" })).ok).toBe(true);
	});

	it("takes the command from the message the button is on, only when its keyword has the token's id", async () => {
		const { next } = await searchButton();
		const { catalog } = setup({ store: createMemoryStore({ maxBytes: 1024 * 1024 }) });
		// What a Telegram message's text (or a Discord message's content, in backticks) shows under the results.
		const shown = (command: string) =>
			`Search: summer dress\nBest selling · Page 1 of 400\n\`${command}\`\n\n1. ...`;
		const rerun = "/search summer dress sort:sales free_shipping page:2";
		expect(
			await catalog.show(alice, {
				token: next,
				shown: shown("/search summer dress sort:sales free_shipping"),
			}),
		).toMatchObject({
			ok: false,
			refusal: { kind: "expired", command: rerun, message: `This search expired: run it again: ${rerun}` },
		});
		// Another keyword in the text (an edited or foreign message) does not pass for this search's.
		for (const text of [shown("/search winter coat sort:sales"), shown("/search"), "x".repeat(100_000), ""]) {
			expect(await catalog.show(alice, { token: next, shown: text })).toMatchObject({
				refusal: { kind: "expired", command: EXPIRED_COMMAND },
			});
		}
		expect(emu.current.stats.requests).toBe(0);
	});

	it("says the command in the search's language", async () => {
		const { catalog } = setup();
		const token = encodePageToken({ ...SEARCH_DEFAULTS, keyword: "连衣裙", page: 3, language: "ru" }, SECRET);
		expect(await catalog.show(alice, { token })).toMatchObject({
			ok: false,
			refusal: {
				kind: "expired",
				command: "/search <keyword> lang:ru page:3",
				message: "Этот поиск устарел: запустите его снова: /search <keyword> lang:ru page:3",
			},
		});
		expect(emu.current.stats.requests).toBe(0);
	});

	it("is found by another engine sharing the store, as processes share Redis", async () => {
		const { store, next } = await searchButton();
		const other = setup({ store });
		const page = await view(other.catalog, alice, { token: next });
		expect(page.search?.keyword).toBe("summer dress");
		expect(page.page).toBe(2);
	});

	it("refuses a keyword in the store that does not have the button's id, as if it had expired", async () => {
		const { store, next } = await searchButton();
		const key = `search-keyword:${searchIdFor("summer dress", SECRET)}`;
		const { catalog } = setup({ store });
		for (const planted of [
			JSON.stringify({ keyword: "something else" }),
			"not json",
			"{}",
			'{"keyword":7}',
		]) {
			await store.set(key, planted, 60_000);
			expect(await catalog.show(alice, { token: next })).toMatchObject({
				ok: false,
				refusal: { kind: "expired", command: EXPIRED_COMMAND },
			});
		}
		expect(emu.current.stats.requests).toBe(0);
	});
});

describe("a search's stored keyword", () => {
	it("is stored for a week and refreshed by every page shown, so a search in use never expires", async () => {
		const inner = createMemoryStore({ maxBytes: 8 * 1024 * 1024 });
		const writes: [string, number][] = [];
		const store: CacheStore = {
			get: (key) => inner.get(key),
			set: (key, value, ttlMs) => {
				writes.push([key, ttlMs]);
				return inner.set(key, value, ttlMs);
			},
			delete: (key) => inner.delete(key),
		};
		const { catalog } = setup({ store });
		const first = await view(catalog, alice, { text: "/search summer dress" });
		const second = await view(catalog, alice, { token: first.tokens.next ?? "" });
		await view(catalog, alice, { token: second.tokens.next ?? "" });
		const key = `search-keyword:${searchIdFor("summer dress", SECRET)}`;
		expect(writes.filter(([written]) => written === key)).toEqual(
			Array(3).fill([key, SEARCH_KEYWORD_TTL_MS]),
		);
		expect(SEARCH_KEYWORD_TTL_MS).toBe(7 * 24 * 3600 * 1000);
		// A category stores no keyword.
		await view(catalog, alice, { text: "/category 1031910" });
		expect(writes.filter(([written]) => written.startsWith("search-keyword:"))).toHaveLength(3);
	});
});

describe("a forged or altered search button", () => {
	it("costs no call and counts no action", async () => {
		const { store, next, query } = await searchButton();
		const { catalog, logs } = setup({ store, limits: { actionsPerWindow: 1 } });
		const forged = [
			`${next.slice(0, 12)}${next[12] === "A" ? "B" : "A"}${next.slice(13)}`,
			next.slice(0, -1),
			`${next}A`,
			encodePageToken({ ...query, page: 2 }, "another-secret"),
			encodePageToken({ ...query, keyword: "other keyword", page: 2 }, "another-secret"),
			"",
			"x".repeat(10_000),
		];
		for (const token of forged) {
			expect(await catalog.show(alice, { token })).toMatchObject({
				ok: false,
				refusal: { kind: "bad-token" },
			});
			expect(await catalog.pick(alice, { token, position: 6 })).toMatchObject({
				ok: false,
				refusal: { kind: "bad-token" },
			});
		}
		expect(emu.current.stats.requests).toBe(0);
		const outcomes = logs.lines.filter((line) => line.msg === "action").map((line) => line.outcome);
		expect(outcomes).toEqual(Array(forged.length * 2).fill("bad-token"));
		// The genuine button still has the window's one action, from the cache; a second is limited.
		expect(await catalog.show(alice, { token: next })).toMatchObject({ ok: true, view: { page: 2 } });
		expect(await catalog.show(alice, { token: next })).toMatchObject({
			ok: false,
			refusal: { kind: "rate-limited" },
		});
	});
});
