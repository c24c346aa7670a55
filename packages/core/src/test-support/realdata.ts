import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createTmapiClient, type TmapiClient } from "../tmapi/client.js";
import type { CategoryItems } from "../tmapi/normalize.js";
import type { Product } from "../tmapi/product.js";
import type { SearchItems } from "../tmapi/searchNormalize.js";

// Real TMAPI answers, read where they are kept (the repository's sibling `shared/realdata`), never copied
// here. Each is served from a loopback server the way the external check serves it (manifest `serveAs`),
// and read by the real client. This folder sits as deep as src/tmapi, so the relative path is the same.
const REALDATA = new URL("../../../../../shared/realdata/", import.meta.url);
const TOKEN = "realdata-test-token";

interface ManifestEntry {
	readonly file: string;
	readonly serveAs: "v1" | "v2" | "info";
	readonly group: string;
	/** Where the answer came from, e.g. "GET /1688/search/items (sort=sales)". */
	readonly origin: string;
	readonly status?: number;
	readonly expectCode?: number;
}

interface RawItem {
	readonly item_id: unknown;
	readonly title?: string;
	readonly moq?: unknown;
	readonly quantity_begin?: unknown;
	readonly quantity_prices?: readonly { readonly begin_num?: unknown }[];
	readonly sales_count?: unknown;
	readonly sale_info?: Record<string, unknown>;
	readonly shop_info?: {
		readonly score_info?: Record<string, unknown>;
		readonly sore_info?: Record<string, unknown>;
	};
}

interface Answer {
	readonly code: number;
	readonly msg: string;
	readonly data?: {
		readonly items?: readonly RawItem[];
		readonly children?: unknown[];
		readonly keyword?: string;
		readonly total_count?: number;
	};
}

/** Whether any of the values is something other than null, absent or "". */
export const sent = (...values: unknown[]) => values.some((x) => x !== undefined && x !== null && x !== "");

export const ENDPOINTS = {
	v1: "/1688/category/items",
	v2: "/1688/category/items/v2",
	info: "/1688/category/info",
} as const;

/** The keyword endpoints, by the `api` of the page they produce. */
export const SEARCH_ENDPOINTS = {
	search: "/1688/search/items",
	global: "/1688/global/search/items",
} as const;
export type SearchEndpointApi = keyof typeof SEARCH_ENDPOINTS;

/** The keyword endpoint an answer was captured from (its manifest `origin`), or undefined. */
export function searchApiOf(entry: { readonly origin: string }): SearchEndpointApi | undefined {
	const path = /^GET (\S+)/.exec(entry.origin)?.[1];
	if (path === SEARCH_ENDPOINTS.search) return "search";
	if (path === SEARCH_ENDPOINTS.global) return "global";
	return undefined;
}

/** The paths an entry answers under: the one it is served as, and its own search endpoint if it has one. */
function servedPaths(entry: ManifestEntry): string[] {
	const api = searchApiOf(entry);
	return [ENDPOINTS[entry.serveAs], ...(api === undefined ? [] : [SEARCH_ENDPOINTS[api]])];
}

function readText(file: string): string {
	return readFileSync(new URL(file, REALDATA), "utf8");
}

export const manifest = JSON.parse(readText("manifest.json")) as ManifestEntry[];
export const answer = (file: string) => JSON.parse(readText(file)) as Answer;
export const entryFor = (file: string) => {
	const index = manifest.findIndex((e) => e.file === file && e.status === undefined);
	if (index < 0) throw new Error(`${file} is not in the manifest`);
	return index;
};

export const indexed = manifest.map((entry, index) => ({ ...entry, index }));
export const itemPages = indexed.filter((e) => e.group !== "error" && e.serveAs !== "info");
/** Every success answer of a keyword endpoint, real or from the docs, with that endpoint. */
export const searchPages = indexed.flatMap((e) => {
	const api = searchApiOf(e);
	return e.group === "error" || api === undefined ? [] : [{ ...e, api }];
});

export interface RealdataServer {
	/** Every path the server was asked for, in order. */
	readonly requests: readonly string[];
	clientFor(index: number): TmapiClient;
	readPage(index: number): Promise<CategoryItems<"v1"> | CategoryItems<"v2">>;
	itemOf(file: string, itemId: string): Promise<Product>;
	/** The entry read by the client call of the keyword endpoint it was captured from. */
	readSearchPage(index: number): Promise<SearchItems>;
	/** One product of a search answer, read by {@link RealdataServer.readSearchPage}. */
	searchItemOf(file: string, itemId: string): Promise<Product>;
}

/**
 * One server for all entries, up for the calling test file: entry i answers under `/i/<its endpoint>`
 * only, so a client whose base URL is `/i` and which calls the wrong endpoint gets a 404, not someone
 * else's answer.
 */
export function useRealdataServer(): RealdataServer {
	let server: Server;
	let origin: string;
	const requests: string[] = [];

	beforeAll(async () => {
		server = createServer((req, res) => {
			const url = new URL(req.url ?? "/", "http://127.0.0.1");
			requests.push(url.pathname);
			const [, index, ...rest] = url.pathname.split("/");
			const entry = manifest[Number(index)];
			if (entry === undefined || !servedPaths(entry).includes(`/${rest.join("/")}`)) {
				res.writeHead(404).end();
				return;
			}
			res.writeHead(entry.status ?? 200, { "content-type": "application/json" }).end(readText(entry.file));
		});
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	function clientFor(index: number) {
		return createTmapiClient({ apiToken: TOKEN, baseUrl: `${origin}/${index}`, retries: 0 });
	}

	async function readPage(index: number): Promise<CategoryItems<"v1"> | CategoryItems<"v2">> {
		const entry = manifest[index];
		const client = clientFor(index);
		return entry?.serveAs === "v1"
			? client.categoryItems({ catId: 1031910 })
			: client.categoryItemsV2({ catId: 1031910 });
	}

	async function itemOf(file: string, itemId: string): Promise<Product> {
		const page = await readPage(entryFor(file));
		const item = page.items.find((p) => p.itemId === itemId);
		if (!item) throw new Error(`${itemId} not read from ${file}`);
		return item;
	}

	async function readSearchPage(index: number): Promise<SearchItems> {
		const entry = manifest[index];
		const api = entry && searchApiOf(entry);
		if (!entry || !api) throw new Error(`entry ${index} is not a search answer`);
		// The keyword the answer echoes when it has one; the server answers whatever is asked.
		const keyword = answer(entry.file).data?.keyword ?? "realdata";
		const client = clientFor(index);
		return api === "search" ? client.searchItems({ keyword }) : client.globalSearchItems({ keyword });
	}

	async function searchItemOf(file: string, itemId: string): Promise<Product> {
		const page = await readSearchPage(entryFor(file));
		const item = page.items.find((p) => p.itemId === itemId);
		if (!item) throw new Error(`${itemId} not read from ${file}`);
		return item;
	}

	return { requests, clientFor, readPage, itemOf, readSearchPage, searchItemOf };
}
