import { describe, expect, it } from "vitest";
import { StoreError } from "../store/errors.js";
import { createMemoryShortlistStore } from "../store/memoryShortlist.js";
import type { ShortlistStore } from "../store/shortlist.js";
import { view } from "../test-support/catalog.js";
import { ann, chat, useShortlist } from "../test-support/shortlist.js";
import { createShortlist } from "./createShortlist.js";

const { build } = useShortlist();

describe("shortlist refusals", () => {
	it("answers store trouble with the StoreError's message and never throws", async () => {
		const unavailable = (): Promise<never> =>
			Promise.reject(new StoreError("unavailable", { cause: new Error("ECONNREFUSED") }));
		const down: ShortlistStore = {
			save: unavailable,
			list: unavailable,
			get: unavailable,
			remove: unavailable,
		};
		const { catalog, shortlist, logs } = build({ shortlistStore: down });
		const page = await view(catalog, ann, { text: "/category 1031910" });
		const refusal = {
			ok: false,
			refusal: {
				kind: "upstream",
				code: "store-unavailable",
				retryable: true,
				message: "Saved data is unavailable right now. Please try again later.",
			},
		};
		expect(await shortlist.save(ann, chat, { token: page.tokens.current, position: 1 }, "Ann")).toEqual(
			refusal,
		);
		expect(await shortlist.list(ann, chat, 1)).toEqual(refusal);
		expect(await shortlist.remove(ann, chat, "1")).toEqual(refusal);
		expect(await shortlist.export(ann, chat)).toEqual(refusal);
		const warned = logs.lines.filter((l) => l.msg === "action" && String(l.action).startsWith("shortlist-"));
		expect(warned.map((l) => [l.level, l.code])).toEqual(Array(4).fill([40, "store-unavailable"]));

		const broken: ShortlistStore = { ...down, list: () => Promise.reject(new TypeError("a bug")) };
		const buggy = build({ shortlistStore: broken });
		expect(await buggy.shortlist.list(ann, chat, 1)).toMatchObject({
			ok: false,
			refusal: { code: "internal" },
		});
		expect(buggy.logs.lines.find((l) => l.msg === "unexpected shortlist failure")).toMatchObject({
			level: 50,
		});
		// The operator sees why the store failed; the user saw only the StoreError's message.
		const failure = logs.lines.find((l) => l.msg === "shortlist store call failed");
		expect(failure).toMatchObject({ level: 40, code: "unavailable", err: { type: "StoreError" } });
		expect(JSON.stringify(failure)).toContain("ECONNREFUSED");
	});

	it("refuses outsiders before anything else", async () => {
		const { shortlist } = build({ allow: { telegramChats: ["-1"] } });
		for (const outcome of [
			await shortlist.list(ann, chat, 1),
			await shortlist.remove(ann, chat, "1"),
			await shortlist.export(ann, chat),
			await shortlist.save(ann, chat, { token: "garbage", position: 1 }, "Ann"),
		]) {
			expect(outcome).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
		}
	});

	it("refuses a place that cannot keep a list, and bad options when built", async () => {
		const { shortlist, catalog, access, limits, logs } = build();
		expect(await shortlist.list(ann, { platform: "telegram", id: "a b" }, 1)).toMatchObject({
			ok: false,
			refusal: { code: "store-invalid", message: "That entry cannot be stored." },
		});
		const store = createMemoryShortlistStore();
		const common = { catalog, access, limits, store, logger: logs.logger };
		expect(() => createShortlist({ ...common, max: 0 })).toThrow(TypeError);
		expect(() => createShortlist({ ...common, max: 100_001 })).toThrow(TypeError);
		expect(() => createShortlist({ ...common, language: "xx" as never })).toThrow(TypeError);
	});
});
