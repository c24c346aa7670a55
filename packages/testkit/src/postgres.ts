import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./ports.js";

const run = promisify(execFile);

/** A PostgreSQL server of the test's own: a fresh cluster in a temp dir, on a free loopback port. */
export interface TestPostgres {
	readonly port: number;
	/** A URL of the server's `postgres` database, for admin work. */
	readonly adminUrl: string;
	/** Creates an empty database and gives its URL (trust auth: no password). */
	createDatabase(name?: string): Promise<string>;
	/** Stops the server and removes its files. Safe to call twice. */
	stop(): Promise<void>;
}

/** Options of {@link startPostgres}. */
export interface StartPostgresOptions {
	/** Keep fsync on, for benchmarks whose figures should match a real server. Default false (fast tests). */
	readonly durable?: boolean;
}

function isExecutable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else the directory on PATH that has `postgres`. */
export function findPostgresBin(): string {
	const fromEnv = process.env.PG_BIN;
	if (fromEnv) return fromEnv;
	const root = "/usr/lib/postgresql";
	let versions: string[] = [];
	try {
		versions = readdirSync(root).filter((name) => /^\d+(\.\d+)?$/.test(name));
	} catch {
		// No Debian layout; fall back to PATH.
	}
	versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
	for (const version of versions) {
		const bin = join(root, version, "bin");
		if (isExecutable(join(bin, "initdb")) && isExecutable(join(bin, "postgres"))) return bin;
	}
	for (const dir of (process.env.PATH ?? "").split(delimiter)) {
		if (dir && isExecutable(join(dir, "initdb")) && isExecutable(join(dir, "postgres"))) return dir;
	}
	throw new Error(
		"PostgreSQL server binaries (initdb, postgres) not found: install Debian's postgresql package or set PG_BIN.",
	);
}

/** uid and gid of a local user from /etc/passwd, or undefined. */
function lookupUser(name: string): { uid: number; gid: number } | undefined {
	const line = readFileSync("/etc/passwd", "utf8")
		.split("\n")
		.find((entry) => entry.startsWith(`${name}:`));
	const [, , uid, gid] = line?.split(":") ?? [];
	return uid === undefined || gid === undefined ? undefined : { uid: Number(uid), gid: Number(gid) };
}

/**
 * PostgreSQL refuses to run as root, and CI runs as root: then every server command runs as the `postgres`
 * system user (or `nobody`) through setpriv, which execs in place, so signals reach the postmaster itself.
 */
function commandRunner(dir: string): (bin: string, args: string[]) => [string, string[]] {
	if (process.getuid?.() !== 0) return (bin, args) => [bin, args];
	const user = lookupUser("postgres") ?? lookupUser("nobody");
	if (!user) throw new Error("running as root, and neither a postgres nor a nobody user exists");
	chownSync(dir, user.uid, user.gid);
	return (bin, args) => [
		"setpriv",
		[`--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", "--", bin, ...args],
	];
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`);
		const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
		client.on("error", () => undefined);
		try {
			await client.connect();
			await client.query("select 1");
			await client.end();
			return;
		} catch {
			await client.end().catch(() => undefined);
			if (Date.now() > deadline) throw new Error(`postgres did not start within 30 s:\n${log()}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
}

/**
 * Starts a real PostgreSQL server: `initdb` into a temp dir, then `postgres` on a free 127.0.0.1 port with
 * its unix socket in that dir. Missing binaries are an error, never a skip: CI installs them, and a green
 * run without PostgreSQL would prove nothing about it.
 *
 * @example
 * const server = await startPostgres();
 * const url = await server.createDatabase();
 * // ... await server.stop();
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
	const bin = findPostgresBin();
	const dir = mkdtempSync(join(tmpdir(), "catbot-pg-"));
	const dataDir = join(dir, "data");
	const as = commandRunner(dir);
	const cleanupOnExit = () => {
		child?.kill("SIGKILL");
		rmSync(dir, { recursive: true, force: true });
	};
	let child: ChildProcess | undefined;
	process.once("exit", cleanupOnExit);
	try {
		const [initdb, initArgs] = as(join(bin, "initdb"), [
			"-D",
			dataDir,
			"-U",
			"postgres",
			"--auth=trust",
			"--encoding=UTF8",
			"--locale=C",
			"--no-sync",
		]);
		await run(initdb, initArgs, { cwd: dir });
		const port = await freePort();
		const settings = ["listen_addresses=127.0.0.1", `unix_socket_directories=${dir}`, "max_connections=60"];
		if (!options.durable) settings.push("fsync=off", "synchronous_commit=off", "full_page_writes=off");
		const [postgres, args] = as(join(bin, "postgres"), [
			"-D",
			dataDir,
			"-p",
			String(port),
			...settings.flatMap((setting) => ["-c", setting]),
		]);
		let output = "";
		child = spawn(postgres, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
		child.stdout?.on("data", (chunk: Buffer) => {
			output = (output + chunk.toString()).slice(-4_000);
		});
		child.stderr?.on("data", (chunk: Buffer) => {
			output = (output + chunk.toString()).slice(-4_000);
		});
		const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
		const failed = once(child, "error").then(([error]) => {
			throw new Error(`cannot start ${postgres}: ${(error as Error).message}`);
		});
		await Promise.race([waitUntilReady(adminUrl, child, () => output), failed]);
		const server = child;
		let databases = 0;
		let stopped = false;
		return {
			port,
			adminUrl,
			async createDatabase(name = `t${++databases}_${process.pid}`) {
				const admin = new pg.Client({ connectionString: adminUrl });
				await admin.connect();
				try {
					await admin.query(`create database "${name.replaceAll('"', "")}"`);
				} finally {
					await admin.end();
				}
				return `postgres://postgres@127.0.0.1:${port}/${name}`;
			},
			async stop() {
				if (stopped) return;
				stopped = true;
				if (server.exitCode === null && server.signalCode === null) {
					const exited = once(server, "exit");
					// SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
					server.kill("SIGINT");
					const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
					await exited;
					clearTimeout(timer);
				}
				rmSync(dir, { recursive: true, force: true });
				process.removeListener("exit", cleanupOnExit);
			},
		};
	} catch (error) {
		cleanupOnExit();
		process.removeListener("exit", cleanupOnExit);
		throw error;
	}
}
