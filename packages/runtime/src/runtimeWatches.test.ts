import type { Actor, Place } from "@catbot/core";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config/loadConfig.js";
import { createRuntime, type Runtime } from "./runtime.js";
import { TEST_TOKEN, useEmulator } from "./test-support/emulator.js";
import { captureLogs } from "./test-support/logs.js";
import { useStoreBackends } from "./test-support/storeBackends.js";

const emu = useEmulator();
const backends = useStoreBackends();
const ann: Actor = { platform: "telegram", userId: "7", placeId: "-100778" };
const chat: Place = { platform: "telegram", id: "-100778" };
const HOUR = 3_600_000;

function start(env: Record<string, string>) {
	const logs = captureLogs();
	const config = loadConfig({ TMAPI_TOKEN: TEST_TOKEN, TMAPI_BASE_URL: emu.current.url, ...env });
	return { runtime: createRuntime(config, { logger: logs.logger }), logs };
}

/** Runs due watches until a round claims none, as a scheduler's ticks would. */
async function drain(runtime: Runtime): Promise<number[]> {
	const watchIds: number[] = [];
	for (;;) {
		const before = watchIds.length;
		const posts = await runtime.watches.runDue({ limit: 2 });
		watchIds.push(...posts.map((post) => post.watchId));
		if (posts.length === 0 && watchIds.length === before) return watchIds;
	}
}

describe("runtime.watches on the durable store", () => {
	it("reads WATCHES_PER_PLACE and WATCH_MIN_HOURS", () => {
		const config = loadConfig({ TMAPI_TOKEN: TEST_TOKEN, WATCHES_PER_PLACE: "3", WATCH_MIN_HOURS: "12" });
		expect(config).toMatchObject({ watchesPerPlace: 3, watchMinHours: 12 });
		expect(loadConfig({ TMAPI_TOKEN: TEST_TOKEN })).toMatchObject({ watchesPerPlace: 10, watchMinHours: 6 });
		expect(() => loadConfig({ TMAPI_TOKEN: TEST_TOKEN, WATCH_MIN_HOURS: "0" })).toThrow(/WATCH_MIN_HOURS/);
		expect(() => loadConfig({ TMAPI_TOKEN: TEST_TOKEN, WATCHES_PER_PLACE: "1001" })).toThrow(
			/WATCHES_PER_PLACE/,
		);
	});

	it("keeps watches and their schedule on SQLite across a restart", async () => {
		const { dataDir } = await backends.location("sqlite");
		if (dataDir === undefined) throw new Error("no data dir");
		const first = start({ DATA_DIR: dataDir, WATCH_MIN_HOURS: "12" });
		const refused = await first.runtime.watches.create(ann, chat, { text: "/watch 1031910 every:6h" });
		expect(refused).toMatchObject({ ok: false, refusal: { kind: "invalid" } });
		const made = await first.runtime.watches.create(ann, chat, {
			text: "/watch 1031910 sort:sales every:12h",
		});
		expect(made).toMatchObject({ ok: true, view: { status: "created", post: { kind: "first" } } });
		const before = (await (await first.runtime.openStore()).watches.list(chat))[0];
		await first.runtime.close();

		const second = start({ DATA_DIR: dataDir, WATCH_MIN_HOURS: "12" });
		try {
			const after = (await (await second.runtime.openStore()).watches.list(chat))[0];
			expect(after).toEqual(before);
			expect(after?.nextRunAt).toBeGreaterThan(Date.now() + 11 * HOUR);
			expect(await second.runtime.watches.runDue()).toEqual([]);
			const list = await second.runtime.watches.list(ann, chat);
			expect(list.ok && list.view.entries.map((entry) => entry.line)).toEqual([
				expect.stringMatching(
					/^1\. \/category 1031910 sort:sales · every 12 h · next in 12 h · \d+ new · 1 min ago$/,
				),
			]);
		} finally {
			await second.runtime.close();
		}
	});

	it("runs each due watch exactly once with two runtimes on one PostgreSQL database", async () => {
		const { databaseUrl } = await backends.location("postgres");
		if (databaseUrl === undefined) throw new Error("no database");
		const a = start({ DATABASE_URL: databaseUrl });
		const b = start({ DATABASE_URL: databaseUrl });
		try {
			const store = await a.runtime.openStore();
			const now = Date.now();
			for (const catId of [1031910, 201149004, 127380009, 1046640, 2000001, 2000002]) {
				await store.watches.create(chat, {
					queryKey: `cat=${catId}&api=v2&lang=en&sort=default&min=&max=&new=0&drop=0&free=0&factory=0`,
					command: `/category ${catId}`,
					intervalHours: 24,
					createdBy: "7",
					createdAt: now,
					nextRunAt: now,
				});
			}
			const [ranA, ranB] = await Promise.all([drain(a.runtime), drain(b.runtime)]);
			const all = [...ranA, ...ranB].sort((x, y) => x - y);
			const ids = (await store.watches.list(chat)).map((watch) => watch.id);
			// Each watch posts its first cards exactly once, from one of the two runtimes.
			expect(all).toEqual(ids);
			expect(new Set(all).size).toBe(all.length);
			expect((await store.watches.list(chat)).every((watch) => watch.lastRun?.status === "ok")).toBe(true);
		} finally {
			await a.runtime.close();
			await b.runtime.close();
		}
	});
});
