import { describe, expect, it } from "vitest";
import { TEST_TOKEN } from "../test-support/emulator.js";
import {
	clientOf,
	everythingShown,
	expectNoToken,
	failure,
	useEmulatorPerTest,
} from "../test-support/tmapiClient.js";
import { createTmapiClient } from "./client.js";
import { TmapiApiError, TmapiSchemaError } from "./errors.js";

const emu = useEmulatorPerTest();
const client = clientOf(emu);

describe("upstream error codes", () => {
	it.each([
		[417, true],
		[422, false],
		[439, false],
		[499, true],
		[500, true],
		[503, true],
	])("%d is a TmapiApiError, retryable=%s, retried only when retryable", async (code, retryable) => {
		emu.current.inject({ kind: "code", code });
		const error = await failure(client({ retries: 2 }).categoryItemsV2({ catId: 1031910 }));
		expect(error).toBeInstanceOf(TmapiApiError);
		expect(error).toMatchObject({
			code,
			retryable,
			reason: "error-code",
			endpoint: "/1688/category/items/v2",
		});
		expect((error as TmapiApiError).upstreamMessage).toBeTruthy();
		expect(error.message).not.toMatch(/undefined|\[object/);
		expect(emu.current.stats.requests).toBe(retryable ? 3 : 1);
		expectNoToken(error);
	});

	it("takes the code from the body when HTTP says 200", async () => {
		emu.current.inject({ kind: "code-in-200", code: 439 });
		const error = await failure(client().categoryItemsV2({ catId: 1031910 }));
		expect(error).toMatchObject({ code: 439, status: 200, retryable: false });
		expect(error.message).toMatch(/subscription|balance/i);
	});

	it("reads the upstream text from `message` when there is no `msg`", async () => {
		emu.current.inject({ kind: "message-field", code: 500 });
		const error = (await failure(client({ retries: 0 }).categoryItemsV2({ catId: 1 }))) as TmapiApiError;
		expect(error.code).toBe(500);
		expect(error.upstreamMessage).toBeTruthy();
	});

	it.each([
		[{ kind: "html", status: 502 } as const, 502, 502],
		[{ kind: "malformed-json" } as const, 200, 200],
		[{ kind: "empty" } as const, 200, 200],
	])("%j is an unreadable answer with the HTTP status as code, retried", async (fault, code, status) => {
		emu.current.inject(fault);
		const error = await failure(client({ retries: 1 }).categoryItemsV2({ catId: 1031910 }));
		expect(error).toMatchObject({ code, status, reason: "unreadable-body", retryable: true });
		expect(emu.current.stats.requests).toBe(2);
		expectNoToken(error);
	});

	it("treats a success code without data as an error, not retried", async () => {
		emu.current.inject({ kind: "no-data" });
		const error = await failure(client().categoryItemsV2({ catId: 1031910 }));
		expect(error).toMatchObject({ code: 200, reason: "missing-data", retryable: false });
		expect(emu.current.stats.requests).toBe(1);
	});

	it("refuses a wrong token without retrying", async () => {
		const error = await failure(
			createTmapiClient({ apiToken: "wrong-token", baseUrl: emu.current.url }).categoryItemsV2({ catId: 1 }),
		);
		expect(error).toMatchObject({ code: 401, retryable: false });
		expect(everythingShown(error)).not.toContain("wrong-token");
	});

	it("redacts the token when the upstream echoes it back", async () => {
		emu.current.inject({ kind: "code", code: 422, msg: `bad apiToken=${TEST_TOKEN}&cat_id=1` });
		const error = (await failure(client().categoryItemsV2({ catId: 1 }))) as TmapiApiError;
		expect(error.upstreamMessage).toBe("bad apiToken=[redacted]&cat_id=1");
		expectNoToken(error);
	});
});

describe("schema drift", () => {
	it("drops and counts one malformed item, keeps the page", async () => {
		emu.current.inject({
			kind: "drift",
			mutate: (body) => {
				const data = (body as { data: { items: Record<string, unknown>[] } }).data;
				data.items[1] = { ...data.items[1], item_id: null };
				data.items[2] = { ...data.items[2], unexpected_new_field: { nested: true } };
				return body;
			},
		});
		const page = await client().categoryItemsV2({ catId: 1031910 });
		expect(page.droppedItems).toBe(1);
		expect(page.items).toHaveLength(19);
		expect(page.raw.items[1]).toHaveProperty("unexpected_new_field");
	});

	it("reports a malformed envelope as a TmapiSchemaError", async () => {
		emu.current.inject({
			kind: "drift",
			mutate: (body) => ({ ...(body as object), data: { page: 1, items: "nope" } }),
		});
		const error = (await failure(client().categoryItemsV2({ catId: 1031910 }))) as TmapiSchemaError;
		expect(error).toBeInstanceOf(TmapiSchemaError);
		expect(error).toMatchObject({ code: "schema", retryable: false });
		expect(error.issues.join(" ")).toContain("data.items");
		expect(error.issues.join(" ")).toContain("data.has_next_page");
		expectNoToken(error);
	});
});
