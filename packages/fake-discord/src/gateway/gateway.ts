import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { WebSocketServer } from "ws";
import type { JsonObject } from "../json.js";
import type { BotIdentity } from "../state/apiMessage.js";
import { type ConnectionHandlers, openConnection } from "./connection.js";
import { CloseCode, Op } from "./protocol.js";
import { readyPayload } from "./readyPayload.js";
import { type GatewaySession, MAX_REPLAY, type SessionInfo, sessionInfo, shardOf } from "./sessions.js";

/** What the gateway needs from the fake. */
export interface GatewayOptions {
	readonly server: Server;
	readonly token: string;
	readonly bot: BotIdentity;
	readonly heartbeatIntervalMs: number;
	/** Where clients connect (and resume), known once the server listens. */
	readonly url: () => string;
	/** GUILD_CREATE payloads of the guilds the bot is in. */
	readonly guilds: () => readonly JsonObject[];
	/** Called when sessions change, so waits on them re-check. */
	readonly onChange: () => void;
}

/** The fake's gateway: sessions, dispatches routed by shard, resume, and test controls. */
export interface Gateway {
	/** Sends an event to the ready session that owns the guild (DMs: shard 0); undefined if there is none. */
	dispatch(event: string, data: JsonObject, guildId: string | undefined): GatewaySession | undefined;
	/** The connected, ready session that would receive the guild's events. */
	sessionFor(guildId: string | undefined): GatewaySession | undefined;
	sessions(): readonly SessionInfo[];
	/** Cuts every socket as a network failure would; sessions stay resumable. */
	drop(): void;
	/** Closes every socket and stops accepting new ones. */
	close(): void;
}

function isShard(value: unknown): value is [number, number] {
	return (
		Array.isArray(value) &&
		value.length === 2 &&
		value.every((n) => Number.isInteger(n)) &&
		value[1] >= 1 &&
		value[0] >= 0 &&
		value[0] < value[1]
	);
}

/** Attaches a gateway to the HTTP server: WebSocket upgrades on any path are gateway connections. */
export function createGateway(options: GatewayOptions): Gateway {
	const wss = new WebSocketServer({ server: options.server });
	const sessions = new Map<string, GatewaySession>();

	function send(session: GatewaySession, event: string, data: unknown): void {
		session.seq += 1;
		session.history.push({ s: session.seq, t: event, d: data });
		if (session.history.length > MAX_REPLAY) session.history.shift();
		session.connection?.send({ op: Op.Dispatch, d: data, s: session.seq, t: event });
	}

	function guildsOfShard(shard: readonly [number, number]): JsonObject[] {
		return options.guilds().filter((guild) => shardOf(String(guild.id), shard[1]) === shard[0]);
	}

	const handlers: ConnectionHandlers = {
		heartbeatIntervalMs: options.heartbeatIntervalMs,
		identify(connection, data) {
			if (data.token !== options.token) return CloseCode.AuthenticationFailed;
			if (!(Number.isInteger(data.intents) && (data.intents as number) >= 0)) return CloseCode.InvalidIntents;
			const shard = data.shard ?? [0, 1];
			if (!isShard(shard)) return CloseCode.InvalidShard;
			if (data.compress === true) connection.compressPayloads();
			connection.markIdentified();
			const session: GatewaySession = {
				id: randomBytes(16).toString("hex"),
				shard,
				identifiedAt: Date.now(),
				seq: 0,
				ready: false,
				resumable: true,
				connection,
				history: [],
			};
			sessions.set(session.id, session);
			const guilds = guildsOfShard(shard);
			send(
				session,
				"READY",
				readyPayload(options.bot, {
					sessionId: session.id,
					shard,
					guildIds: guilds.map((g) => String(g.id)),
					resumeUrl: options.url(),
				}),
			);
			for (const guild of guilds) send(session, "GUILD_CREATE", guild);
			session.ready = true;
			options.onChange();
			return undefined;
		},
		resume(connection, data) {
			if (data.token !== options.token) return CloseCode.AuthenticationFailed;
			const session = typeof data.session_id === "string" ? sessions.get(data.session_id) : undefined;
			const seq = typeof data.seq === "number" ? data.seq : 0;
			if (!session?.resumable || seq > session.seq) {
				// d: false tells the client to start over with IDENTIFY.
				connection.send({ op: Op.InvalidSession, d: false, s: null, t: null });
				return undefined;
			}
			if (session.connection && session.connection !== connection) session.connection.terminate();
			session.connection = connection;
			connection.markIdentified();
			for (const missed of session.history.filter((entry) => entry.s > seq)) {
				connection.send({ op: Op.Dispatch, d: missed.d, s: missed.s, t: missed.t });
			}
			send(session, "RESUMED", { _trace: ["fake-discord"] });
			options.onChange();
			return undefined;
		},
		closed(connection, code) {
			for (const session of sessions.values()) {
				if (session.connection !== connection) continue;
				session.connection = undefined;
				if (code === 1000 || code === 1001) session.resumable = false;
			}
			options.onChange();
		},
	};

	wss.on("connection", (socket, request) => {
		openConnection(socket, request.url ?? "/", handlers);
	});

	function sessionFor(guildId: string | undefined): GatewaySession | undefined {
		let chosen: GatewaySession | undefined;
		for (const session of sessions.values()) {
			if (!(session.connection && session.ready)) continue;
			if (shardOf(guildId, session.shard[1]) !== session.shard[0]) continue;
			// With two live sessions for one shard (a leaked client), the newest one gets the events.
			if (!chosen || session.identifiedAt >= chosen.identifiedAt) chosen = session;
		}
		return chosen;
	}

	return {
		dispatch(event, data, guildId) {
			const session = sessionFor(guildId);
			if (session) send(session, event, data);
			return session;
		},
		sessionFor,
		sessions: () => [...sessions.values()].map(sessionInfo),
		drop() {
			for (const session of sessions.values()) session.connection?.terminate();
		},
		close() {
			for (const client of wss.clients) client.terminate();
			wss.close();
		},
	};
}
