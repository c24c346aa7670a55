import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Actor, isStoreError, type Place } from "@catbot/core";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config/loadConfig.js";
import { createRuntime, type Runtime } from "./runtime.js";
import { TEST_TOKEN, useEmulator } from "./test-support/emulator.js";
import { captureLogs } from "./test-support/logs.js";
import { useStoreBackends } from "./test-support/storeBackends.js";

const emu = useEmulator();
const backends = useStoreBackends();
const ann: Actor = { platform: "telegram", userId: "7", placeId: "-100777" };
const ben: Actor = { ...ann, userId: "8" };
const chat: Place = { platform: "telegram", id: "-100777" };
const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
	const logs = captureLogs();
	const config = loadConfig({ TMAPI_TOKEN: TEST_TOKEN, TMAPI_BASE_URL: emu.current.url, ...env });
	return { runtime: createRuntime(config, { logger: logs.logger }), logs };
}

/** Saves card `position` of the first page of category 1031910, as a bot's ☆ Save button would. */
async function saveCard(runtime: Runtime, actor: Actor, position: number, name: string) {
	const shown = await runtime.catalog.show(actor, { text: "/category 1031910" });
	if (!shown.ok) throw new Error(shown.refusal.message);
	const saved = await runtime.shortlist.save(
		actor,
		chat,
		{ token: shown.view.tokens.current, position },
		name,
	);
	if (!saved.ok) throw new Error(saved.refusal.message);
	return saved.view;
}

async function listed(runtime: Runtime) {
	const list = await runtime.shortlist.list(ann, chat, 1);
	if (!list.ok) throw new Error(list.refusal.message);
	return list.view;
}

describe("createRuntime with the durable store", () => {
	it("keeps a shortlist on SQLite under DATA_DIR across a restart", async () => {
		const { dataDir } = await backends.location("sqlite");
		if (dataDir === undefined) throw new Error("no data dir");
		const first = start({ DATA_DIR: dataDir });
		expect((await first.runtime.openStore()).kind).toBe("sqlite");
		expect(await first.runtime.openStore()).toBe(await first.runtime.openStore());
		const saved = await saveCard(first.runtime, ann, 2, "Ann");
		expect(saved).toMatchObject({ status: "saved", text: "☆ Saved to this chat's shortlist (1 of 500)." });
		await first.runtime.close();
		expect(existsSync(join(dataDir, "catbot.sqlite"))).toBe(true);

		const second = start({ DATA_DIR: dataDir });
		try {
			const requests = emu.current.stats.requests;
			const view = await listed(second.runtime);
			expect(view.total).toBe(1);
			expect(view.entries[0]).toMatchObject({
				itemId: saved.itemId,
				savedBy: expect.stringMatching(/^saved by Ann · /),
			});
			expect(emu.current.stats.requests).toBe(requests);
		} finally {
			await second.runtime.close();
		}
	});

	it("shares one shortlist between two runtimes on the same PostgreSQL database", async () => {
		const { databaseUrl } = await backends.location("postgres");
		if (databaseUrl === undefined) throw new Error("no database");
		const a = start({ DATABASE_URL: databaseUrl, SHORTLIST_MAX: "3" });
		const b = start({ DATABASE_URL: databaseUrl, SHORTLIST_MAX: "3" });
		try {
			await Promise.all([a.runtime.openStore(), b.runtime.openStore()]);
			expect((await b.runtime.openStore()).kind).toBe("postgres");
			const saved = await saveCard(a.runtime, ann, 1, "Ann");
			expect(saved.text).toBe("☆ Saved to this chat's shortlist (1 of 3).");
			const again = await saveCard(b.runtime, ben, 1, "Ben");
			expect(again).toMatchObject({
				status: "exists",
				text: expect.stringMatching(/^Already on the shortlist: saved by Ann on /),
			});
			expect((await listed(b.runtime)).entries.map((e) => e.itemId)).toEqual([saved.itemId]);
			const removed = await b.runtime.shortlist.remove(ben, chat, saved.itemId);
			expect(removed).toMatchObject({ ok: true, view: { status: "removed" } });
			expect((await listed(a.runtime)).total).toBe(0);
			expect(a.logs.text()).not.toContain(databaseUrl);
			expect(b.logs.lines.find((l) => l.action === "shortlist-remove")).toMatchObject({
				user: ben.userId,
				place: "telegram:-100777",
				itemId: saved.itemId,
			});
		} finally {
			await a.runtime.close();
			await b.runtime.close();
		}
	});

	it("fails to open a database it cannot reach with a safe StoreError, and answers shortlist calls with it", async () => {
		// A port nothing listens on: the connection is refused at once.
		const url = `postgres://catbot:hunter2-secret@127.0.0.1:${await closedPort()}/catbot`;
		const { runtime, logs } = start({ DATABASE_URL: url });
		try {
			const error = await runtime.openStore().then(
				() => undefined,
				(caught: unknown) => caught,
			);
			expect(isStoreError(error) && error.code).toBe("unavailable");
			expect(String((error as Error).message)).toBe(
				"Saved data is unavailable right now. Please try again later.",
			);
			expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
				"hunter2",
			);
			expect(await runtime.shortlist.list(ann, chat, 1)).toMatchObject({
				ok: false,
				refusal: {
					code: "store-unavailable",
					message: "Saved data is unavailable right now. Please try again later.",
				},
			});
			expect(logs.text()).not.toContain("hunter2-secret");
		} finally {
			await runtime.close();
		}
	});

	it("fails to open a DATA_DIR it cannot create, and refuses the store once closed", async () => {
		const dir = mkdtempSync(join(tmpdir(), "catbot-runtime-"));
		dirs.push(dir);
		writeFileSync(join(dir, "a-file"), "");
		const { runtime } = start({ DATA_DIR: join(dir, "a-file", "data") });
		await expect(runtime.openStore()).rejects.toMatchObject({ name: "StoreError", code: "unavailable" });
		await runtime.close();
		await expect(runtime.openStore()).rejects.toMatchObject({ name: "StoreError", code: "closed" });
		expect(await runtime.shortlist.export(ann, chat)).toMatchObject({
			ok: false,
			refusal: { code: "store-closed", message: "Saved data is unavailable while catbot shuts down." },
		});
	});
});

async function closedPort(): Promise<number> {
	const { createServer } = await import("node:net");
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (address === null || typeof address === "string") throw new Error("no port");
	return address.port;
}
