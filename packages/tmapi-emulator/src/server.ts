import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CatalogData, createCatalogData } from "./catalog.js";
import { DEFAULT_SEED } from "./constants.js";
import { delayResponse } from "./delay.js";
import { playReplacingFault, sendWithFault } from "./faultResponse.js";
import { createFaultRules, type Fault } from "./faults.js";
import { sendJson } from "./respond.js";
import { answerRequest, endpointOf } from "./router.js";
import { createStatsRecorder, type EmulatorStats } from "./stats.js";

/** Options for {@link startTmapiEmulator}; all optional. */
export interface TmapiEmulatorOptions {
	/** Port on 127.0.0.1; default 0 picks a free one (read it back from `url`). */
	readonly port?: number;
	/**
	 * When set, requests carrying it neither as the `apiToken` query parameter nor as the `apikey` header get
	 * HTTP 401 `{code: 401, msg: "Invalid apiToken"}`.
	 */
	readonly apiToken?: string;
	/** Base delay before every response, in milliseconds (default 0); change it later with setLatency(). */
	readonly latencyMs?: number;
	/** Seed of the generated catalog (default {@link DEFAULT_SEED}): same seed, same data, in any process. */
	readonly seed?: number;
}

/** A running emulator. */
export interface TmapiEmulator {
	/** "http://127.0.0.1:PORT", without a trailing slash: use it as the client's base URL. */
	readonly url: string;
	readonly port: number;
	/** The data being served, to compute what responses must contain. */
	readonly catalog: CatalogData;
	/** A snapshot of the request counters (a new object on every read). */
	readonly stats: EmulatorStats;
	/** Zeroes the counters; requests still in flight keep counting as in flight. */
	resetStats(): void;
	/** Changes the base latency for requests that arrive from now on. */
	setLatency(ms: number): void;
	/** Appends a fault rule; rules are tried in order and the first match wins. */
	inject(fault: Fault): void;
	/** Removes every fault rule, used up or not. */
	clearFaults(): void;
	/** Stops listening and destroys every open socket, hanging requests included. Safe to call twice. */
	close(): Promise<void>;
}

function checkLatency(ms: number): number {
	if (!(Number.isFinite(ms) && ms >= 0))
		throw new RangeError(`Latency must be a non-negative number, got ${ms}`);
	return ms;
}

function checkPort(port: number): number {
	if (!(Number.isInteger(port) && port >= 0 && port <= 65_535)) throw new RangeError(`Invalid port: ${port}`);
	return port;
}

/**
 * Starts a local TMAPI emulator serving `/1688/category/items` (v1), `/1688/category/items/v2`,
 * `/1688/category/info` and the keyword searches `/1688/search/items` and `/1688/global/search/items`, with
 * deterministic data, fault injection and request statistics. Always close it.
 *
 * @example
 * ```ts
 * const emu = await startTmapiEmulator({ apiToken: "test" });
 * emu.inject({ kind: "code", code: 503, times: 1 });
 * const res = await fetch(`${emu.url}/1688/category/items?apiToken=test&cat_id=1031910`);
 * await emu.close();
 * ```
 */
export async function startTmapiEmulator(options: TmapiEmulatorOptions = {}): Promise<TmapiEmulator> {
	const catalog = createCatalogData(options.seed ?? DEFAULT_SEED);
	const faults = createFaultRules();
	const stats = createStatsRecorder();
	let latencyMs = checkLatency(options.latencyMs ?? 0);

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		const endpoint = endpointOf(url.pathname);
		const params = Object.fromEntries(url.searchParams);
		stats.begin(endpoint, params);
		res.once("close", () => stats.end());

		// Taken on arrival, not after the delay, so `times` counts requests in the order they came in.
		const fault = endpoint === "other" ? undefined : faults.take(endpoint);
		const extra = fault?.kind === "latency" ? fault.ms : 0;
		if (!(await delayResponse(res, latencyMs + extra))) return;
		if (fault && playReplacingFault(fault, req, res)) return;

		const answer = answerRequest({
			endpoint,
			method: req.method ?? "GET",
			params,
			catalog,
			apiToken: options.apiToken,
			// Node joins a repeated custom header into one string; the array form is for set-cookie only.
			apiKeyHeader: typeof req.headers.apikey === "string" ? req.headers.apikey : undefined,
		});
		sendWithFault(res, answer, fault);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			// A throwing drift mutator, for instance: answer 500 so the test sees it instead of a hang.
			sendJson(res, 500, { code: 500, msg: `Emulator error: ${String(error)}`, data: null });
		});
	});
	server.listen(checkPort(options.port ?? 0), "127.0.0.1");
	await once(server, "listening");
	const { port } = server.address() as AddressInfo;

	let closing: Promise<void> | undefined;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		catalog,
		get stats() {
			return stats.snapshot();
		},
		resetStats: () => stats.reset(),
		setLatency: (ms) => {
			latencyMs = checkLatency(ms);
		},
		inject: (fault) => faults.add(fault),
		clearFaults: () => faults.clear(),
		close() {
			closing ??= new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				// close() alone waits for keep-alive and hanging sockets; tests must not.
				server.closeAllConnections();
			});
			return closing;
		},
	};
}
