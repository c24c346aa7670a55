import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { StoreLocation } from "./storeBackends.js";

// The built store: a child process runs JavaScript, so these tests need `pnpm --filter @catbot/runtime build`
// first (turbo's test task builds before it runs).
const STORE_MODULE = new URL("../../dist/store/openStore.js", import.meta.url);

/** What one child process does once told to go. */
export type ProcessJob =
	| { readonly task: "migrate" }
	| {
			readonly task: "save";
			readonly place: unknown;
			readonly cards: readonly unknown[];
			readonly shortlistMax: number;
	  }
	| { readonly task: "claim"; readonly now: number; readonly batch: number };

// Runs in the child: open (and so migrate) the store, do the job, print one JSON line, close.
const CHILD = `
const job = JSON.parse(process.argv[1]);
const { openStore } = await import(job.module);
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const ready = (line) => process.stdout.write(line + "\\n");
const go = () => new Promise((resolve) => process.stdin.once("data", resolve));
let store;
try {
	if (job.task === "migrate") { ready("ready"); await go(); }
	store = await openStore({ ...job.location, logger, shortlistMax: job.shortlistMax });
	let result;
	if (job.task === "migrate") result = store.kind;
	if (job.task === "save") {
		ready("ready"); await go();
		result = await Promise.all(job.cards.map((card) => store.shortlist.save(job.place, card).then((r) => r.status)));
	}
	if (job.task === "claim") {
		ready("ready"); await go();
		result = [];
		for (;;) {
			const claims = await store.watches.claimDue({ now: job.now, limit: job.batch, leaseMs: 600000 });
			if (claims.length === 0) break;
			result.push(...claims.map((claim) => claim.watch.id));
		}
	}
	ready(JSON.stringify({ result }));
} catch (error) {
	ready(JSON.stringify({ error: error.code ?? String(error) }));
} finally {
	await store?.close();
}
`;

function start(
	location: StoreLocation,
	job: ProcessJob,
): { child: ChildProcess; lines: string[]; ready: Promise<void> } {
	const child = spawn(
		process.execPath,
		["--input-type=module", "-e", CHILD, JSON.stringify({ ...job, location, module: STORE_MODULE.href })],
		{ stdio: ["pipe", "pipe", "inherit"] },
	);
	const lines: string[] = [];
	const ready = new Promise<void>((resolve, reject) => {
		let buffer = "";
		child.stdout?.on("data", (chunk: Buffer) => {
			buffer += chunk.toString();
			const parts = buffer.split("\n");
			buffer = parts.pop() ?? "";
			for (const line of parts) {
				lines.push(line);
				if (line === "ready") resolve();
				else if (line.startsWith("{")) reject(new Error(`child ended before it was ready: ${line}`));
			}
		});
		child.once("exit", (code) => reject(new Error(`child exited with ${code} before it was ready`)));
	});
	return { child, lines, ready };
}

/**
 * Runs each job in its own Node process on one database, all released at the same moment, and gives back
 * each process's result (or its StoreError code as `{ error }`).
 */
export async function runProcesses(location: StoreLocation, jobs: readonly ProcessJob[]): Promise<unknown[]> {
	if (!existsSync(fileURLToPath(STORE_MODULE))) {
		throw new Error("the built store is missing: run `pnpm --filter @catbot/runtime build` first");
	}
	const children = jobs.map((job) => start(location, job));
	const timer = setTimeout(() => {
		for (const { child } of children) child.kill("SIGKILL");
	}, 60_000);
	try {
		await Promise.all(children.map((child) => child.ready));
		const exits = children.map(({ child }) => new Promise((resolve) => child.once("exit", resolve)));
		for (const { child } of children) child.stdin?.end("go\n");
		await Promise.all(exits);
		return children.map(({ lines }) => {
			const last = lines.at(-1) ?? "{}";
			const parsed = JSON.parse(last) as { result?: unknown; error?: unknown };
			return parsed.error === undefined ? parsed.result : { error: parsed.error };
		});
	} finally {
		clearTimeout(timer);
		for (const { child } of children) child.kill("SIGKILL");
	}
}
