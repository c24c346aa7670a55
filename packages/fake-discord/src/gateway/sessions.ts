import type { GatewayConnection } from "./connection.js";

/** A dispatch as sent, kept so a RESUME can replay what the client missed. */
export interface SentDispatch {
	readonly s: number;
	readonly t: string;
	readonly d: unknown;
}

/** A gateway session: outlives its socket so that RESUME can pick it up. */
export interface GatewaySession {
	readonly id: string;
	readonly shard: readonly [number, number];
	readonly identifiedAt: number;
	seq: number;
	/** READY and every GUILD_CREATE have been sent. */
	ready: boolean;
	/** False after the client closed normally (1000/1001): Discord forgets such sessions. */
	resumable: boolean;
	connection: GatewayConnection | undefined;
	readonly history: SentDispatch[];
}

/** What tests see of a session. */
export interface SessionInfo {
	readonly id: string;
	readonly shard: readonly [number, number];
	readonly connected: boolean;
	readonly ready: boolean;
	/** Sequence number of the latest dispatch. */
	readonly seq: number;
}

/** Dispatches kept per session for RESUME; a client away for longer re-identifies. */
export const MAX_REPLAY = 1000;

/** The shard a guild belongs to: (guild_id >> 22) % shard_count; DMs go to shard 0. */
export function shardOf(guildId: string | undefined, shardCount: number): number {
	if (guildId === undefined) return 0;
	return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A snapshot of a session. */
export function sessionInfo(session: GatewaySession): SessionInfo {
	return {
		id: session.id,
		shard: session.shard,
		connected: session.connection !== undefined,
		ready: session.ready,
		seq: session.seq,
	};
}
