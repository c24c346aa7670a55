import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { freePort } from "./ports.js";

/** A redis-server of the test's own, on a free loopback port. */
export interface RedisServer {
	/** `redis://127.0.0.1:PORT`, with the password in it when the server has one. */
	readonly url: string;
	readonly port: number;
	readonly password: string | undefined;
	/** Kills the server (SIGKILL), to test what happens when Redis dies mid-run. */
	kill(): Promise<void>;
	/** Starts it again on the same port, empty. */
	restart(): Promise<void>;
	/** Kills it for good. */
	stop(): Promise<void>;
}

/** One PING over a raw connection (after AUTH when there is a password): true once the server answers. */
function pings(port: number, password: string | undefined): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, "127.0.0.1");
		let reply = "";
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1_000, () => done(false));
		socket.on("error", () => done(false));
		socket.on("connect", () => {
			socket.write(`${password === undefined ? "" : `AUTH ${password}\r\n`}PING\r\n`);
		});
		socket.on("data", (chunk) => {
			reply += String(chunk);
			if (reply.includes("+PONG")) done(true);
			else if (reply.includes("-")) done(false);
		});
	});
}

/**
 * Starts a real `redis-server` (from PATH, or REDIS_SERVER_BIN) with no persistence, optionally with a
 * password. A missing binary is an error, not a skip: .ci/run installs it, and a green run without Redis
 * would prove nothing.
 */
export async function startRedisServer(options: { password?: string } = {}): Promise<RedisServer> {
	const bin = process.env.REDIS_SERVER_BIN ?? "redis-server";
	const port = await freePort();
	const { password } = options;
	let child: ChildProcess;

	async function waitUntilReady(): Promise<void> {
		const deadline = Date.now() + 10_000;
		while (!(await pings(port, password))) {
			if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
			if (Date.now() > deadline) throw new Error("redis-server did not start within 10 s");
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}

	async function launch() {
		const auth = password === undefined ? [] : ["--requirepass", password];
		const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...auth];
		child = spawn(bin, args, { stdio: "ignore" });
		const failed = once(child, "error").then(([error]) => {
			throw new Error(
				`cannot start ${bin}: ${(error as Error).message}. Install redis-server (apt-get install redis-server).`,
			);
		});
		await Promise.race([waitUntilReady(), failed]);
	}

	async function kill() {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = once(child, "exit");
		child.kill("SIGKILL");
		await exited;
	}

	await launch();
	return {
		url: `redis://${password === undefined ? "" : `:${encodeURIComponent(password)}@`}127.0.0.1:${port}`,
		port,
		password,
		kill,
		restart: launch,
		stop: kill,
	};
}
