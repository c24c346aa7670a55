import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DurableStore } from "@catbot/core";
import { afterAll, beforeAll } from "vitest";
import { type OpenStoreOptions, openStore } from "../store/openStore.js";
import { captureLogs } from "./logs.js";
import { startPostgres, type TestPostgres } from "./postgres.js";

/** Both databases the store runs on; every behavioural suite runs once per kind. */
export const STORE_KINDS = ["sqlite", "postgres"] as const;
export type TestStoreKind = (typeof STORE_KINDS)[number];

/** Where one test database lives: what openStore needs to reach it. */
export type StoreLocation = Pick<OpenStoreOptions, "dataDir" | "databaseUrl">;

/** Store options without the location and logger, which the helper fills in. */
export type TestStoreOptions = Omit<OpenStoreOptions, "dataDir" | "databaseUrl" | "logger">;

/**
 * Real databases for one test file: a temp dir per SQLite database, and one PostgreSQL server (started
 * before the file's tests) with a database per call. Everything opened is closed, and the server stopped, after the file.
 */
export function useStoreBackends() {
	let server: Promise<TestPostgres> | undefined;
	const dirs: string[] = [];
	const stores: DurableStore[] = [];

	const postgres = () => {
		server ??= startPostgres();
		return server;
	};

	// Started before the tests, so its start-up (initdb takes seconds) never counts against a test's timeout.
	beforeAll(async () => {
		await postgres();
	}, 120_000);

	afterAll(async () => {
		for (const store of stores) await store.close().catch(() => undefined);
		await (await server?.catch(() => undefined))?.stop();
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	}, 30_000);

	async function location(kind: TestStoreKind): Promise<StoreLocation> {
		if (kind === "postgres") return { databaseUrl: await (await postgres()).createDatabase() };
		const dir = mkdtempSync(join(tmpdir(), "catbot-store-"));
		dirs.push(dir);
		return { dataDir: dir };
	}

	async function openAt(where: StoreLocation, options: TestStoreOptions = {}): Promise<DurableStore> {
		const store = await openStore({ ...where, ...options, logger: captureLogs().logger });
		stores.push(store);
		return store;
	}

	return {
		postgres,
		/** A fresh, empty database of that kind. */
		location,
		/** Opens a store (one "process") on a database; open it twice for two processes. */
		openAt,
		/** A store on a fresh database. */
		async open(kind: TestStoreKind, options: TestStoreOptions = {}): Promise<DurableStore> {
			return openAt(await location(kind), options);
		},
	};
}
