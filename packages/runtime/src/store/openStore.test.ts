import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isStoreError } from "@catbot/core";
import Sqlite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { captureLogs } from "../test-support/logs.js";
import { useStoreBackends } from "../test-support/storeBackends.js";
import { freshPlace, newWatch, savedCard } from "../test-support/storeFixtures.js";
import { openStore } from "./openStore.js";

const keptUntilExit: unknown[] = [];

const backends = useStoreBackends();
const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), "catbot-open-"));
	dirs.push(dir);
	return dir;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		() => undefined,
		(error: unknown) => error,
	);
}

describe("openStore with SQLite", () => {
	it("creates DATA_DIR and catbot.sqlite in WAL mode", async () => {
		const dataDir = join(tempDir(), "nested", "data");
		const logs = captureLogs();
		const store = await openStore({ dataDir, logger: logs.logger });
		expect(store.kind).toBe("sqlite");
		const file = join(dataDir, "catbot.sqlite");
		expect(existsSync(file)).toBe(true);
		const reader = new Sqlite(file, { readonly: true });
		const journal = reader.prepare("PRAGMA journal_mode").pluck();
		// Kept: better-sqlite3 objects must not be garbage-collected on Node 24 (see store/sqlite.ts).
		keptUntilExit.push(reader, journal);
		expect(journal.get()).toBe("wal");
		reader.close();
		expect(logs.lines.some((line) => line.msg === "store opened" && line.store === "sqlite")).toBe(true);
		await store.close();
	});

	it("keeps shortlists and watches with their schedule across a restart", async () => {
		const dataDir = tempDir();
		const place = freshPlace();
		const first = await openStore({ dataDir, logger: captureLogs().logger });
		await first.shortlist.save(place, savedCard("31", 1));
		await first.watches.create(place, newWatch(31, 5_000, { intervalHours: 12 }));
		const [claim] = await first.watches.claimDue({ now: 5_000, limit: 1, leaseMs: 60_000 });
		if (!claim) throw new Error("not due");
		await first.watches.recordResult(claim, {
			at: 5_000,
			status: "ok",
			nextRunAt: 50_000,
			itemIds: ["1", "2"],
		});
		await first.close();

		const second = await openStore({ dataDir, logger: captureLogs().logger });
		expect((await second.shortlist.list(place, { offset: 0, limit: 5 })).cards).toEqual([savedCard("31", 1)]);
		const [watch] = await second.watches.list(place);
		expect(watch).toMatchObject({
			intervalHours: 12,
			nextRunAt: 50_000,
			lastRun: { status: "ok", newItems: 2 },
		});
		expect(await second.watches.filterUnseen(claim.watch.id, ["1", "2", "3"])).toEqual(["3"]);
		await second.close();
	});

	it("shares one connection between stores of one process on one file", async () => {
		const dataDir = tempDir();
		const place = freshPlace();
		const [a, b] = await Promise.all([
			openStore({ dataDir, logger: captureLogs().logger, shortlistMax: 3 }),
			openStore({ dataDir, logger: captureLogs().logger, shortlistMax: 3 }),
		]);
		const saves = await Promise.all(
			Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).shortlist.save(place, savedCard(String(i + 1), i))),
		);
		expect(saves.filter((result) => result.status === "saved")).toHaveLength(3);
		await a.close();
		// The other store keeps working after its sibling closed.
		expect((await b.shortlist.list(place, { offset: 0, limit: 5 })).total).toBe(3);
		await b.close();
	});

	it("fails with a StoreError when DATA_DIR cannot hold the file", async () => {
		const notADir = join(tempDir(), "file");
		writeFileSync(notADir, "x");
		const error = await failure(openStore({ dataDir: notADir, logger: captureLogs().logger }));
		expect(isStoreError(error) && error.code).toBe("unavailable");
	});

	it("refuses calls after close with a StoreError, and closes twice quietly", async () => {
		const store = await openStore({ dataDir: tempDir(), logger: captureLogs().logger });
		await store.close();
		await store.close();
		const error = await failure(store.shortlist.list(freshPlace(), { offset: 0, limit: 1 }));
		expect(isStoreError(error) && error.code).toBe("closed");
	});
});

describe("openStore with PostgreSQL", () => {
	it("uses DATABASE_URL, and keeps the data across a restart", async () => {
		const where = await backends.location("postgres");
		const place = freshPlace("discord");
		const first = await openStore({ ...where, logger: captureLogs().logger });
		expect(first.kind).toBe("postgres");
		await first.shortlist.save(place, savedCard("77", 7));
		await first.watches.create(place, newWatch(77, 9_000));
		await first.close();
		const second = await openStore({ ...where, logger: captureLogs().logger });
		expect((await second.shortlist.get(place, "77"))?.savedAt).toBe(7);
		expect((await second.watches.list(place))[0]?.nextRunAt).toBe(9_000);
		await second.close();
	});

	it("never puts DATABASE_URL or its password in an error or a log line", async () => {
		const server = await backends.postgres();
		const password = "s3cret-pass-Zq9";
		const cases = [
			// A server that is there, with a database that is not.
			[`postgres://catbot:${password}@127.0.0.1:${server.port}/missing_db`, "unavailable"],
			// No server on that port.
			[`postgresql://catbot:${password}@127.0.0.1:1/catbot`, "unavailable"],
			// Not a URL at all.
			[`catbot:${password}@nowhere`, "invalid"],
		] as const;
		for (const [databaseUrl, code] of cases) {
			const logs = captureLogs();
			const error = await failure(openStore({ databaseUrl, logger: logs.logger }));
			expect(isStoreError(error) && error.code).toBe(code);
			const seen = JSON.stringify({
				message: (error as Error).message,
				detail: (error as { detail?: string }).detail,
				stack: (error as Error).stack,
			});
			expect(seen).not.toContain(password);
			expect(seen).not.toContain(databaseUrl);
			expect(logs.text()).not.toContain(password);
		}
	});
});
