import { once } from "node:events";
import { constants, createInflate } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { FakeDiscord } from "../FakeDiscord.js";
import { startFakeDiscord } from "../server.js";

let discord: FakeDiscord | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.terminate();
	await discord?.close();
	discord = undefined;
});

interface Frame {
	readonly op: number;
	readonly d: unknown;
	readonly s: number | null;
	readonly t: string | null;
}

/** A raw gateway client that collects decoded frames, to check the protocol without discord.js in between. */
function connect(
	url: string,
	decode: (data: Buffer) => Promise<string | undefined> = async (d) => d.toString(),
) {
	const socket = new WebSocket(url);
	sockets.push(socket);
	const frames: Frame[] = [];
	const waiters: (() => void)[] = [];
	let decoding = Promise.resolve();
	socket.on("message", (data: Buffer) => {
		decoding = decoding.then(async () => {
			const text = await decode(data);
			if (text === undefined) return;
			frames.push(JSON.parse(text) as Frame);
			for (const wake of waiters.splice(0)) wake();
		});
	});
	async function next(match: (frame: Frame) => boolean): Promise<Frame> {
		for (;;) {
			const found = frames.find(match);
			if (found) return found;
			await new Promise<void>((resolve) => waiters.push(resolve));
		}
	}
	const send = (payload: unknown) => socket.send(JSON.stringify(payload));
	const closed = once(socket, "close").then(([code]) => code as number);
	return { socket, frames, next, send, closed };
}

function identify(token: string) {
	return { op: 2, d: { token, intents: 1, properties: { os: "linux", browser: "test", device: "test" } } };
}

describe("the fake gateway", () => {
	it("says HELLO, acknowledges heartbeats and answers IDENTIFY with READY then GUILD_CREATE", async () => {
		discord = await startFakeDiscord({ heartbeatIntervalMs: 1234 });
		discord.addGuild({ id: "1100000000000000001", name: "One" });
		const gw = connect(`${discord.gatewayUrl}/?v=10&encoding=json`);
		expect((await gw.next((f) => f.op === 10)).d).toMatchObject({ heartbeat_interval: 1234 });
		gw.send({ op: 1, d: null });
		await gw.next((f) => f.op === 11);
		gw.send(identify(discord.token));
		const ready = await gw.next((f) => f.t === "READY");
		expect(ready.s).toBe(1);
		expect(ready.d).toMatchObject({
			user: { id: discord.botUser.id, bot: true },
			application: { id: discord.applicationId },
			guilds: [{ id: "1100000000000000001", unavailable: true }],
			resume_gateway_url: discord.gatewayUrl,
			shard: [0, 1],
		});
		const guild = await gw.next((f) => f.t === "GUILD_CREATE");
		expect(guild.s).toBe(2);
	});

	it("closes with 4004 on a wrong token and 4003 on a payload before IDENTIFY", async () => {
		discord = await startFakeDiscord();
		const wrong = connect(discord.gatewayUrl);
		await wrong.next((f) => f.op === 10);
		wrong.send(identify("wrong"));
		expect(await wrong.closed).toBe(4004);

		const early = connect(discord.gatewayUrl);
		await early.next((f) => f.op === 10);
		early.send({ op: 3, d: { status: "online", since: null, activities: [], afk: false } });
		expect(await early.closed).toBe(4003);
	});

	it("answers an unknown RESUME with INVALID_SESSION (d: false)", async () => {
		discord = await startFakeDiscord();
		const gw = connect(discord.gatewayUrl);
		await gw.next((f) => f.op === 10);
		gw.send({ op: 6, d: { token: discord.token, session_id: "nope", seq: 3 } });
		expect((await gw.next((f) => f.op === 9)).d).toBe(false);
	});

	it("speaks zlib-stream when asked: one deflate context, each payload ending in a sync flush", async () => {
		discord = await startFakeDiscord();
		const inflate = createInflate();
		const decode = async (data: Buffer) => {
			expect(data.subarray(-4)).toEqual(Buffer.from([0, 0, 255, 255]));
			const chunks: Buffer[] = [];
			const onData = (chunk: Buffer) => chunks.push(chunk);
			inflate.on("data", onData);
			inflate.write(data);
			await new Promise<void>((resolve) => inflate.flush(constants.Z_SYNC_FLUSH, () => resolve()));
			inflate.off("data", onData);
			return Buffer.concat(chunks).toString();
		};
		const gw = connect(`${discord.gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`, decode);
		await gw.next((f) => f.op === 10);
		gw.send(identify(discord.token));
		await gw.next((f) => f.t === "READY");
		gw.send({ op: 1, d: 1 });
		await gw.next((f) => f.op === 11);
	});

	it("refuses an API version other than 10", async () => {
		discord = await startFakeDiscord();
		expect(await connect(`${discord.gatewayUrl}/?v=9&encoding=json`).closed).toBe(4012);
	});
});
