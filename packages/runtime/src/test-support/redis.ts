import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { createLogger } from "../logging/logger.js";
import { connectRedis } from "../redis/connect.js";

/** A redis-server of the test's own, on a free loopback port. */
export interface TestRedis {
	/** With the password in it when the server has one. */
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

async function waitUntilReady(
	port: number,
	child: ChildProcess,
	password: string | undefined,
): Promise<void> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
		const probe = new Redis({
			port,
			host: "127.0.0.1",
			lazyConnect: true,
			...(password === undefined ? {} : { password }),
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
export async function startRedis(options: { password?: string } = {}): Promise<TestRedis> {
	const bin = process.env.REDIS_SERVER_BIN ?? "redis-server";
	const port = await freePort();
	const clients: Redis[] = [];
	let child: ChildProcess;

	async function launch() {
		const auth = options.password === undefined ? [] : ["--requirepass", options.password];
		child = spawn(
			bin,
			["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...auth],
			{
				stdio: "ignore",
			},
		);
		const failed = once(child, "error").then(([error]) => {
			throw new Error(
				`cannot start ${bin}: ${(error as Error).message}. Install redis-server (apt-get install redis-server).`,
			);
		});
		await Promise.race([waitUntilReady(port, child, options.password), failed]);
	}

	async function kill() {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = once(child, "exit");
		child.kill("SIGKILL");
		await exited;
	}

	await launch();
	const url = `redis://${options.password === undefined ? "" : `:${encodeURIComponent(options.password)}@`}127.0.0.1:${port}`;
	return {
		url,
		port,
		client() {
			// The product's own connection settings, so the tests exercise what a deployment runs.
			const redis = connectRedis(url, { logger: createLogger({ level: "silent" }) });
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
