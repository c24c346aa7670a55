import { type RedisServer, startRedisServer } from "@catbot/testkit/redis";
import type { Redis } from "ioredis";
import { createLogger } from "../logging/logger.js";
import { connectRedis } from "../redis/connect.js";

/** A redis-server of the test's own, with clients made the way the product makes them. */
export interface TestRedis extends RedisServer {
	/** A fresh client with the product's own connection settings (connectRedis); closed by stop(). */
	client(): Redis;
	/** Resolves once every client made so far is connected (a loaded machine can take a while). */
	connected(): Promise<void>;
}

/** Starts a real redis-server; see {@link startRedisServer}. */
export async function startRedis(options: { password?: string } = {}): Promise<TestRedis> {
	const server = await startRedisServer(options);
	const clients: Redis[] = [];
	return {
		...server,
		client() {
			const redis = connectRedis(server.url, { logger: createLogger({ level: "silent" }) });
			clients.push(redis);
			return redis;
		},
		async connected() {
			const deadline = Date.now() + 10_000;
			while (clients.some((redis) => redis.status !== "ready")) {
				if (Date.now() > deadline) throw new Error("redis clients did not connect within 10 s");
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		},
		async stop() {
			for (const redis of clients) redis.disconnect();
			await server.stop();
		},
	};
}
