import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SEARCH_KEYWORDS } from "./constants.js";
import { startTmapiEmulator, type TmapiEmulator } from "./server.js";

// Real TMAPI answers, read where they are kept (the repository's sibling `shared/realdata`, provenance in
// its SOURCES.md), never copied here: src -> tmapi-emulator -> packages -> repository -> its parent.
const REALDATA = new URL("../../../../shared/realdata/", import.meta.url);

interface Envelope {
	readonly code: number;
	readonly data: { readonly items: readonly unknown[] } & Record<string, unknown>;
}

function readAll(prefix: string): Map<string, Envelope> {
	const files = readdirSync(REALDATA).filter((name) => name.startsWith(prefix) && name.endsWith(".json"));
	return new Map(
		files.map((name) => [name, JSON.parse(readFileSync(new URL(name, REALDATA), "utf8")) as Envelope]),
	);
}

function jsonType(value: unknown): string {
	if (value === null) return "null";
	return Array.isArray(value) ? "array" : typeof value;
}

// Every key path ("shop_info.sore_info.return_score", "quantity_prices[].begin_num") with the JSON types
// seen at it, over all the given items.
function shapeOf(items: readonly unknown[]): Map<string, Set<string>> {
	const shape = new Map<string, Set<string>>();
	const visit = (value: unknown, path: string): void => {
		if (path !== "") {
			const types = shape.get(path) ?? new Set<string>();
			types.add(jsonType(value));
			shape.set(path, types);
		}
		if (Array.isArray(value)) {
			for (const element of value) visit(element, `${path}[]`);
		} else if (value !== null && typeof value === "object") {
			for (const [key, child] of Object.entries(value)) visit(child, path === "" ? key : `${path}.${key}`);
		}
	};
	for (const item of items) visit(item, "");
	return shape;
}

function expectSameShape(generated: readonly unknown[], real: readonly unknown[]): void {
	const mine = shapeOf(generated);
	const theirs = shapeOf(real);
	expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
	for (const [path, types] of mine) {
		// Each type the emulator sends at a path must occur there in real answers (it may send fewer).
		expect({ path, types: [...types].filter((t) => !theirs.get(path)?.has(t)) }).toEqual({ path, types: [] });
	}
}

let emu: TmapiEmulator;
beforeAll(async () => {
	emu = await startTmapiEmulator();
});
afterAll(async () => {
	await emu.close();
});

async function pages(path: string, query: Record<string, string>, count: number): Promise<Envelope[]> {
	const bodies: Envelope[] = [];
	for (let page = 1; page <= count; page++) {
		const params = new URLSearchParams({ ...query, page: String(page) });
		bodies.push((await (await fetch(`${emu.url}${path}?${params}`)).json()) as Envelope);
	}
	return bodies;
}

describe("generated search answers have the keys of real ones", () => {
	it("search/items: envelope of the full real bodies, items key for key and type for type", async () => {
		const real = readAll("real-search-items-");
		expect(real.size).toBeGreaterThanOrEqual(12);
		const full = [...real].filter(([name]) => name.includes("-crewai-")).map(([, body]) => body);
		const generated = await pages("/1688/search/items", { keyword: DEMO_SEARCH_KEYWORDS.docsSample }, 5);
		for (const body of full) {
			expect(Object.keys(body)).toEqual(Object.keys(generated[0] ?? {}));
			expect(Object.keys(body.data)).toEqual(Object.keys(generated[0]?.data ?? {}));
			expect(body.data).not.toHaveProperty("has_next_page");
		}
		const realItems = [...real.values()].flatMap((body) => body.data.items);
		const items = generated.flatMap((body) => body.data.items);
		for (const item of items)
			expect(Object.keys(item as object)).toEqual(Object.keys(realItems[0] as object));
		expectSameShape(items, realItems);
	});

	it("global/search/items: items key for key and type for type (with title_origin, the usual spelling)", async () => {
		const real = readAll("real-global-search-");
		expect(real.size).toBeGreaterThanOrEqual(40);
		const realItems = [...real.values()]
			.flatMap((body) => body.data.items)
			.filter((item) => Object.hasOwn(item as object, "title_origin"));
		const generated = await pages(
			"/1688/global/search/items",
			{ keyword: DEMO_SEARCH_KEYWORDS.sunglasses },
			5,
		);
		const items = generated.flatMap((body) => body.data.items);
		expectSameShape(items, realItems);
		// No real envelope exists (SOURCES.md): the docs' one, paged on total_count instead of has_next_page.
		const doc = JSON.parse(
			readFileSync(new URL("sibling-global-search-items-doc.json", REALDATA), "utf8"),
		) as Envelope;
		const docKeys = Object.keys(doc.data).filter((key) => key !== "has_next_page");
		expect(Object.keys(generated[0]?.data ?? {}).sort()).toEqual([...docKeys, "total_count"].sort());
	});
});
