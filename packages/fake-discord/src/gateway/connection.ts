import type { WebSocket } from "ws";
import { isJsonObject, type JsonObject } from "../json.js";
import { createZlibStreamEncoder, type Encode, identifyCompressEncoder, plainEncoder } from "./encoder.js";
import { CloseCode, type GatewayPayload, IGNORED_OPS, Op } from "./protocol.js";

/** What a connection asks of the gateway once the client has said who it is. */
export interface ConnectionHandlers {
	readonly heartbeatIntervalMs: number;
	/** Handles IDENTIFY; returns a close code to refuse it. */
	identify(connection: GatewayConnection, data: JsonObject): number | undefined;
	/** Handles RESUME; returns a close code to refuse it outright. */
	resume(connection: GatewayConnection, data: JsonObject): number | undefined;
	closed(connection: GatewayConnection, code: number): void;
}

/** One WebSocket of the gateway. */
export interface GatewayConnection {
	/** Queues a payload; payloads leave in order even when compression is asynchronous. */
	send(payload: GatewayPayload): void;
	close(code: number, reason: string): void;
	/** Drops the socket without a close frame, as a network failure would. */
	terminate(): void;
	/** Switches to payload compression, as asked for by IDENTIFY `compress: true` without zlib-stream. */
	compressPayloads(): void;
	readonly identified: boolean;
	markIdentified(): void;
}

/** The connection options from the URL query; a close code when unusable. */
function encodingOf(url: URL): { encode: Encode; close?: () => void } | { refuse: number; reason: string } {
	const version = url.searchParams.get("v");
	if (version !== null && version !== "10")
		return { refuse: CloseCode.InvalidApiVersion, reason: "Invalid API version." };
	const encoding = url.searchParams.get("encoding");
	if (encoding !== null && encoding !== "json") {
		return { refuse: CloseCode.DecodeError, reason: "The fake only speaks encoding=json." };
	}
	const compress = url.searchParams.get("compress");
	if (compress === null) return { encode: plainEncoder };
	if (compress === "zlib-stream") return createZlibStreamEncoder();
	return { refuse: CloseCode.DecodeError, reason: `Unsupported compression: ${compress}` };
}

/** Speaks the gateway protocol on a socket: HELLO, heartbeats, opcodes, ordering of sends, close codes. */
export function openConnection(
	socket: WebSocket,
	requestUrl: string,
	handlers: ConnectionHandlers,
): GatewayConnection {
	const options = encodingOf(new URL(requestUrl, "ws://127.0.0.1"));
	let encode: Encode = "encode" in options ? options.encode : plainEncoder;
	let queue: Promise<void> = Promise.resolve();
	let identified = false;

	const connection: GatewayConnection = {
		send(payload) {
			const text = JSON.stringify(payload);
			const encoder = encode;
			queue = queue
				.then(() => encoder(text))
				.then((frame) => {
					if (socket.readyState === socket.OPEN) socket.send(frame);
				})
				.catch(() => socket.terminate());
		},
		close(code, reason) {
			// Let queued payloads (READY, an INVALID_SESSION) leave before the close frame.
			queue = queue.then(() => socket.close(code, reason));
		},
		terminate: () => socket.terminate(),
		compressPayloads() {
			if (encode === plainEncoder) encode = identifyCompressEncoder;
		},
		get identified() {
			return identified;
		},
		markIdentified() {
			identified = true;
		},
	};

	function onPayload(payload: JsonObject): void {
		const op = payload.op;
		const data = isJsonObject(payload.d) ? payload.d : {};
		if (op === Op.Heartbeat) {
			connection.send({ op: Op.HeartbeatAck, d: null, s: null, t: null });
			return;
		}
		if (op === Op.Identify || op === Op.Resume) {
			if (identified) {
				connection.close(CloseCode.AlreadyAuthenticated, "Already authenticated.");
				return;
			}
			const refusal =
				op === Op.Identify ? handlers.identify(connection, data) : handlers.resume(connection, data);
			if (refusal === CloseCode.AuthenticationFailed) connection.close(refusal, "Authentication failed.");
			else if (refusal !== undefined) connection.close(refusal, "Refused by the fake gateway.");
			return;
		}
		if (typeof op === "number" && IGNORED_OPS.has(op)) {
			if (!identified) connection.close(CloseCode.NotAuthenticated, "Not authenticated.");
			return;
		}
		connection.close(CloseCode.UnknownOpcode, "Unknown opcode.");
	}

	if ("refuse" in options) {
		socket.close(options.refuse, options.reason);
		return connection;
	}
	socket.on("message", (raw) => {
		let payload: unknown;
		try {
			const bytes = Array.isArray(raw)
				? Buffer.concat(raw)
				: raw instanceof ArrayBuffer
					? Buffer.from(raw)
					: raw;
			payload = JSON.parse(bytes.toString("utf8"));
		} catch {
			connection.close(CloseCode.DecodeError, "Error while decoding payload.");
			return;
		}
		if (isJsonObject(payload)) onPayload(payload);
		else connection.close(CloseCode.DecodeError, "Error while decoding payload.");
	});
	socket.on("close", (code) => {
		options.close?.();
		handlers.closed(connection, code);
	});
	socket.on("error", () => socket.terminate());
	connection.send({
		op: Op.Hello,
		d: { heartbeat_interval: handlers.heartbeatIntervalMs, _trace: ["fake-discord"] },
		s: null,
		t: null,
	});
	return connection;
}
