/** Gateway opcodes the fake sends or understands. */
export const Op = {
	Dispatch: 0,
	Heartbeat: 1,
	Identify: 2,
	PresenceUpdate: 3,
	VoiceStateUpdate: 4,
	Resume: 6,
	Reconnect: 7,
	RequestGuildMembers: 8,
	InvalidSession: 9,
	Hello: 10,
	HeartbeatAck: 11,
	RequestSoundboardSounds: 31,
} as const;

/** Opcodes a client may send after identifying that the fake accepts and ignores. */
export const IGNORED_OPS: ReadonlySet<number> = new Set([
	Op.PresenceUpdate,
	Op.VoiceStateUpdate,
	Op.RequestGuildMembers,
	Op.RequestSoundboardSounds,
]);

/** Discord's gateway close codes, with the reasons it sends. */
export const CloseCode = {
	UnknownError: 4000,
	UnknownOpcode: 4001,
	DecodeError: 4002,
	NotAuthenticated: 4003,
	AuthenticationFailed: 4004,
	AlreadyAuthenticated: 4005,
	InvalidShard: 4010,
	InvalidApiVersion: 4012,
	InvalidIntents: 4013,
} as const;

/** The frame the gateway sends: op, data, and for dispatches the sequence number and event name. */
export interface GatewayPayload {
	readonly op: number;
	readonly d: unknown;
	readonly s: number | null;
	readonly t: string | null;
}
