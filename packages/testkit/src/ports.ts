import { once } from "node:events";
import { createServer } from "node:net";

/** A loopback port nothing listens on right now, for a test server to take. */
export async function freePort(): Promise<number> {
	const server = createServer().listen(0, "127.0.0.1");
	await once(server, "listening");
	const { port } = server.address() as { port: number };
	server.close();
	await once(server, "close");
	return port;
}

/**
 * A loopback port with nothing listening on it, for testing what a program says when it cannot connect:
 * the port was free a moment ago, so connecting to it is refused at once (ECONNREFUSED).
 */
export const closedPort = freePort;
