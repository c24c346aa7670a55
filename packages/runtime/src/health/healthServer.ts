import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { RuntimeMetrics } from "../metrics/metrics.js";

/** Options of {@link startHealthServer}. */
export interface HealthServerOptions {
	readonly port: number;
	/** Default 0.0.0.0, so an orchestrator's probes can reach it; tests use 127.0.0.1. */
	readonly host?: string;
	readonly metrics: RuntimeMetrics;
	/** True once the bot is connected to its platform, false again while stopping. */
	readonly isReady: () => boolean;
}

/** A running health and metrics server. */
export interface HealthServer {
	readonly port: number;
	close(): Promise<void>;
}

/**
 * `/healthz` answers 200 only while the bot is connected (503 before and while stopping), and `/metrics`
 * serves the Prometheus text format. Nothing else is served.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
	const server = createServer((request, response) => {
		const path = new URL(request.url ?? "/", "http://health").pathname;
		if (request.method !== "GET") {
			response.writeHead(405, { allow: "GET" }).end();
			return;
		}
		if (path === "/healthz") {
			const ready = options.isReady();
			response.writeHead(ready ? 200 : 503, { "content-type": "application/json" });
			response.end(JSON.stringify({ status: ready ? "ok" : "starting" }));
			return;
		}
		if (path === "/metrics") {
			options.metrics.registry.metrics().then(
				(text) => {
					response.writeHead(200, { "content-type": options.metrics.registry.contentType });
					response.end(text);
				},
				() => response.writeHead(500).end(),
			);
			return;
		}
		response.writeHead(404).end();
	});
	server.listen(options.port, options.host ?? "0.0.0.0");
	await once(server, "listening");
	return {
		port: (server.address() as AddressInfo).port,
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
