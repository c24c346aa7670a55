import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { Redis } from "ioredis";

/** A redis-server of the test's own, on a free loopback port. */
export interface TestRedis {
	readonly url: string;
	readonly port: number;
	/** A fresh client with the options the app uses; closed by stop(). */
	client(): Redis;
	/** Kills the server (SIGKILL), to test what happens when Redis dies mid-run. */
	kill(): Promise<void>;
	/** Starts it again on the same port, empty. */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	const server = createServer();
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	const address = server.address();
	server.close();
	await once(server, "close");
	if (address === null || typeof address === "string") throw new Error("no port");
	return address.port;
}

async function waitUntilReady(port: number, child: ChildProcess): Promise<void> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
		const probe = new Redis({
			port,
			host: "127.0.0.1",
			lazyConnect: true,
			retryStrategy: () => null,
			maxRetriesPerRequest: 0,
		});
		probe.on("error", () => undefined);
		try {
			await probe.connect();
			await probe.ping();
			probe.disconnect();
			return;
		} catch {
			probe.disconnect();
			if (Date.now() > deadline) throw new Error("redis-server did not start within 10 s");
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}
}

/**
 * Starts a real `redis-server` (from PATH, or REDIS_SERVER_BIN) with no persistence. A missing binary is
 * an error, not a skip: .ci/run installs it, and a green run without Redis would prove nothing.
 */
export async function startRedis(): Promise<TestRedis> {
	const bin = process.env.REDIS_SERVER_BIN ?? "redis-server";
	const port = await freePort();
	const clients: Redis[] = [];
	let child: ChildProcess;

	async function launch() {
		child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
			stdio: "ignore",
		});
		const failed = once(child, "error").then(([error]) => {
			throw new Error(
				`cannot start ${bin}: ${(error as Error).message}. Install redis-server (apt-get install redis-server).`,
			);
		});
		await Promise.race([waitUntilReady(port, child), failed]);
	}

	async function kill() {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = once(child, "exit");
		child.kill("SIGKILL");
		await exited;
	}

	await launch();
	return {
		url: `redis://127.0.0.1:${port}`,
		port,
		client() {
			const redis = new Redis({
				port,
				host: "127.0.0.1",
				enableOfflineQueue: false,
				maxRetriesPerRequest: 0,
				commandTimeout: 500,
				retryStrategy: (attempt) => Math.min(50 * attempt, 500),
			});
			redis.on("error", () => undefined);
			clients.push(redis);
			return redis;
		},
		kill,
		restart: launch,
		async stop() {
			for (const redis of clients) redis.disconnect();
			await kill();
		},
	};
}
