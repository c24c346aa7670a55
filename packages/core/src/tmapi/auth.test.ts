import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closedPort } from "@catbot/testkit";
import { startTmapiEmulator } from "@catbot/tmapi-emulator";
import { FetchError, ofetch } from "ofetch";
import { afterEach, describe, expect, it } from "vitest";
import { TEST_TOKEN } from "../test-support/emulator.js";
import {
	clientOf,
	everythingShown,
	expectNoToken,
	failure,
	useEmulatorPerTest,
} from "../test-support/tmapiClient.js";
import { createTmapiClient, type TmapiAttemptEvent } from "./client.js";
import { TmapiApiError, TmapiNetworkError } from "./errors.js";
import { sanitizeCause } from "./redact.js";

const emu = useEmulatorPerTest();
const client = clientOf(emu);

/** What a tiny server saw of one request: the raw target (path and query) and the headers. */
interface Seen {
	readonly url: string;
	readonly headers: IncomingHttpHeaders;
}

let recorder: Server | undefined;
afterEach(async () => {
	recorder?.closeAllConnections();
	if (recorder?.listening) await new Promise((resolve) => recorder?.close(resolve));
	recorder = undefined;
});

/** A 127.0.0.1 server that records each raw request and answers a valid, empty category/info envelope. */
async function startRecorder(): Promise<{ url: string; seen: Seen[] }> {
	const seen: Seen[] = [];
	recorder = createServer((req, res) => {
		seen.push({ url: req.url ?? "", headers: req.headers });
		res.writeHead(200, { "content-type": "application/json" });
		res.end(JSON.stringify({ code: 200, msg: "success", data: { cat_id: 0, children: [] } }));
	});
	recorder.listen(0, "127.0.0.1");
	await once(recorder, "listening");
	return { url: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`, seen };
}

describe("auth: how the token is sent", () => {
	it("header mode: the emulator accepts the apikey header and saw no apiToken in any URL", async () => {
		const tmapi = client({ auth: "header" });
		const page = await tmapi.categoryItemsV2({ catId: 1031910 });
		expect(page.items.length).toBeGreaterThan(0);
		await tmapi.globalSearchItems({ keyword: "dress", language: "en" });
		const { queries } = emu.current.stats;
		expect(queries.map((q) => q.endpoint)).toEqual(["v2", "globalSearch"]);
		for (const { query } of queries) expect(query).not.toHaveProperty("apiToken");
	});

	it("query mode, the default: the emulator saw apiToken in the URL", async () => {
		await client().categoryInfo(1031910);
		await client({ auth: "query" }).categoryInfo(1031910);
		for (const { query } of emu.current.stats.queries) expect(query.apiToken).toBe(TEST_TOKEN);
	});

	it("header mode puts the token in the apikey header and nowhere in the request line", async () => {
		const server = await startRecorder();
		await createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: server.url, auth: "header" }).categoryInfo(7);
		expect(server.seen).toHaveLength(1);
		const [request] = server.seen;
		expect(request?.headers.apikey).toBe(TEST_TOKEN);
		expect(request?.url).toBe("/1688/category/info?cat_id=7");
		expect(request?.url).not.toContain(TEST_TOKEN);
	});

	it("query mode sends no apikey header", async () => {
		const server = await startRecorder();
		await createTmapiClient({ apiToken: TEST_TOKEN, baseUrl: server.url }).categoryInfo(7);
		const [request] = server.seen;
		expect(request?.headers).not.toHaveProperty("apikey");
		expect(new URL(request?.url ?? "", "http://x").searchParams.get("apiToken")).toBe(TEST_TOKEN);
	});
});

describe.each(["query", "header"] as const)("auth %s: the token never shows", (auth) => {
	it("in a refused connection's error, its causes or the attempt events", async () => {
		const events: TmapiAttemptEvent[] = [];
		const port = await closedPort();
		const error = await failure(
			createTmapiClient({
				apiToken: TEST_TOKEN,
				auth,
				baseUrl: `http://127.0.0.1:${port}`,
				retries: 1,
				retryDelayMs: 1,
				onAttempt: (event) => events.push(event),
			}).categoryItemsV2({ catId: 1 }),
		);
		expect(error).toBeInstanceOf(TmapiNetworkError);
		expect(error.cause).toBeInstanceOf(Error);
		expectNoToken(error);
		expect(events).toHaveLength(2);
		for (const event of events) expectNoToken(event.error);
		expect(everythingShown(events)).not.toContain(TEST_TOKEN);
	});

	it("in a 401 from a server that wants another token", async () => {
		const other = await startTmapiEmulator({ apiToken: "the-other-token" });
		try {
			const error = await failure(
				createTmapiClient({ apiToken: TEST_TOKEN, auth, baseUrl: other.url }).categoryItemsV2({ catId: 1 }),
			);
			expect(error).toBeInstanceOf(TmapiApiError);
			expect(error).toMatchObject({ code: 401, retryable: false });
			expect(other.stats.requests).toBe(1);
			expectNoToken(error);
		} finally {
			await other.close();
		}
	});
});

describe("sanitizeCause and ofetch's FetchError", () => {
	it("drops the request options, where the apikey header lives, even with nothing to redact", async () => {
		const port = await closedPort();
		const raw = await ofetch(`http://127.0.0.1:${port}/x`, {
			headers: { apikey: TEST_TOKEN },
			retry: false,
		}).catch((error: unknown) => error);
		// The hazard is real: the error ofetch throws holds the header value.
		expect(raw).toBeInstanceOf(FetchError);
		expect(new Headers((raw as FetchError).options?.headers).get("apikey")).toBe(TEST_TOKEN);

		// An identity redactor, so only the dropping of properties can keep the token out.
		const copy = sanitizeCause(raw, (text) => text);
		expect(copy).toBeInstanceOf(Error);
		expect(copy).not.toHaveProperty("options");
		expect(copy).not.toHaveProperty("request");
		expect(copy?.message).toBe((raw as Error).message);
		expectNoToken(copy);
	});
});

describe("auth options", () => {
	it("refuses an unknown mode without quoting it", () => {
		expect(() => createTmapiClient({ apiToken: TEST_TOKEN, auth: "bearer-secret" as "header" })).toThrowError(
			/auth must be "query" or "header"/,
		);
		expect(() =>
			createTmapiClient({ apiToken: TEST_TOKEN, auth: "bearer-secret" as "header" }),
		).not.toThrowError(/bearer-secret/);
	});

	it.each([
		["a space", "abc def"],
		["a line break", "abc\r\nx-injected: 1"],
		["a leading space", " abc"],
		["a non-ASCII character", "tökén"],
	])("refuses a token with %s in header mode, and names no token", (_, token) => {
		let message = "";
		try {
			createTmapiClient({ apiToken: token, auth: "header" });
		} catch (error) {
			expect(error).toBeInstanceOf(TypeError);
			message = (error as Error).message;
		}
		expect(message).toMatch(/apiToken must be printable ASCII without spaces/);
		expect(message).not.toContain(token.trim());
		// The query parameter is URL-encoded, so the same token is fine there.
		expect(() => createTmapiClient({ apiToken: token })).not.toThrow();
	});
});
