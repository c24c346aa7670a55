import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { DurableStore, Logger, SavedCard } from "@catbot/core";
import { type OpenStoreOptions, openStore } from "../src/store/openStore.js";
import { startPostgres } from "../src/test-support/postgres.js";

const CARDS = 500;
const LIST_RUNS = 100;
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function card(itemId: number, savedAt: number): SavedCard {
	return {
		itemId: String(600_000_000_000 + itemId),
		title: `2025夏季新款温柔风法式碎花连衣裙女装雪纺长裙 ${itemId}`,
		imageUrl: `https://cbu01.alicdn.com/img/ibank/O1CN01${itemId}.jpg`,
		productUrl: `https://detail.1688.com/offer/${600_000_000_000 + itemId}.html`,
		price: 4.59 + itemId / 100,
		currency: "CNY",
		moq: 2,
		shopName: "广州衣耘服装厂",
		shopUrl: "https://shop1234.1688.com",
		categoryId: 1031910,
		categoryName: "Dresses",
		command: "/category 1031910 sort:sales",
		savedBy: { userId: "123456789", name: "Ann" },
		savedAt,
	};
}

function quantile(sorted: readonly number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Saves 500 cards one after another, then 500 more 8 at a time into 8 places, then lists 500 cards. */
async function measure(name: string, store: DurableStore): Promise<void> {
	let start = performance.now();
	for (let i = 0; i < CARDS; i++)
		await store.shortlist.save({ platform: "telegram", id: "-1001" }, card(i, i));
	const sequential = CARDS / ((performance.now() - start) / 1000);

	// Saves into one place queue on that place's lock by design; saves into different places need not.
	start = performance.now();
	for (let i = 0; i < CARDS; i += 8) {
		await Promise.all(
			Array.from({ length: Math.min(8, CARDS - i) }, (_, k) =>
				store.shortlist.save({ platform: "discord", id: `1100:${k}` }, card(i + k, i + k)),
			),
		);
	}
	const concurrent = CARDS / ((performance.now() - start) / 1000);

	const times: number[] = [];
	for (let run = 0; run < LIST_RUNS; run++) {
		const t = performance.now();
		const page = await store.shortlist.list(
			{ platform: "telegram", id: "-1001" },
			{ offset: 0, limit: CARDS },
		);
		times.push(performance.now() - t);
		if (page.cards.length !== CARDS) throw new Error(`listed ${page.cards.length} cards`);
	}
	times.sort((a, b) => a - b);
	console.log(
		`${name.padEnd(11)} ${sequential.toFixed(0).padStart(9)} ${concurrent.toFixed(0).padStart(26)}   ` +
			`${quantile(times, 0.5).toFixed(2).padStart(6)} ms ${quantile(times, 0.95).toFixed(2).padStart(6)} ms`,
	);
}

async function run(name: string, options: Omit<OpenStoreOptions, "logger">): Promise<void> {
	const store = await openStore({ ...options, logger: silent, shortlistMax: CARDS });
	try {
		await measure(name, store);
	} finally {
		await store.close();
	}
}

/**
 * Durable store figures on this machine: saves per second (each its own transaction, durable on disk:
 * SQLite synchronous=FULL, PostgreSQL fsync on) and the time to read a full 500-card shortlist page.
 */
export async function benchStore(): Promise<void> {
	console.log(
		`Durable store: ${CARDS} saves into one place, then a ${CARDS}-card page read ${LIST_RUNS} times`,
	);
	console.log("store        saves/s  saves/s (8 places at once)   list p50   list p95");
	const dir = mkdtempSync(join(tmpdir(), "catbot-bench-"));
	try {
		await run("SQLite", { dataDir: dir });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	let server: Awaited<ReturnType<typeof startPostgres>> | undefined;
	try {
		server = await startPostgres({ durable: true });
	} catch (error) {
		console.log(`PostgreSQL  not measured: ${(error as Error).message.split("\n")[0]}`);
		return;
	}
	try {
		await run("PostgreSQL", { databaseUrl: await server.createDatabase("bench") });
	} finally {
		await server.stop();
	}
}
