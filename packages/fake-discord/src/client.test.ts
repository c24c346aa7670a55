import { once } from "node:events";
import { Client, Events, GatewayIntentBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeDiscord } from "./FakeDiscord.js";
import { startFakeDiscord } from "./server.js";

const GUILD = "1100000000000000001";
const CHANNEL = "1100000000000000002";
const USER = { id: "1200000000000000001", username: "alice" };

let discord: FakeDiscord | undefined;
let client: Client | undefined;

function newClient(fake: FakeDiscord): Client {
	client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
	return client;
}

afterEach(async () => {
	await client?.destroy();
	await discord?.close();
	client = undefined;
	discord = undefined;
});

describe("a discord.js client against the fake", () => {
	it("logs in, gets READY and its guilds, and becomes ready", async () => {
		discord = await startFakeDiscord();
		discord.addGuild({ id: GUILD, name: "Test guild", channels: [{ id: CHANNEL, name: "shop", type: 0 }] });
		const bot = newClient(discord);
		const ready = once(bot, Events.ClientReady);
		await bot.login(discord.token);
		await ready;

		expect(bot.user?.id).toBe(discord.botUser.id);
		expect(bot.application?.id).toBe(discord.applicationId);
		const guild = bot.guilds.cache.get(GUILD);
		expect(guild?.available).toBe(true);
		expect(guild?.channels.cache.get(CHANNEL)?.name).toBe("shop");
		expect(discord.sessions).toEqual([
			expect.objectContaining({ connected: true, ready: true, shard: [0, 1] }),
		]);
		expect(discord.requests.map((r) => `${r.method} ${r.path}`)).toContain("GET /gateway/bot");
	});

	it("refuses a wrong token as Discord does (401 on REST, so discord.js reports TokenInvalid)", async () => {
		discord = await startFakeDiscord();
		await expect(newClient(discord).login("not-the-token")).rejects.toMatchObject({ code: "TokenInvalid" });
		expect(discord.violations.map((v) => v.kind)).toEqual(["unauthorized"]);
	});

	it("announces a guild added after login with GUILD_CREATE", async () => {
		discord = await startFakeDiscord();
		const bot = newClient(discord);
		await bot.login(discord.token);
		await discord.waitForBot();
		const created = once(bot, Events.GuildCreate);
		discord.addGuild({ id: GUILD, name: "Later" });
		const [guild] = await created;
		expect(guild.name).toBe("Later");
	});

	it("lets the client resume after the gateway drops, and keeps delivering interactions", async () => {
		discord = await startFakeDiscord();
		discord.addGuild({ id: GUILD, name: "Test guild", channels: [{ id: CHANNEL, name: "shop", type: 0 }] });
		const bot = newClient(discord);
		const ready = once(bot, Events.ClientReady);
		await bot.login(discord.token);
		await ready;

		const resumed = once(bot, Events.ShardResume);
		discord.dropGateway();
		await resumed;
		const received = once(bot, Events.InteractionCreate);
		await discord.runCommand({ guildId: GUILD, channelId: CHANNEL, user: USER, name: "category" });
		const [interaction] = await received;
		expect(interaction.isChatInputCommand() && interaction.commandName).toBe("category");
		expect(discord.sessions).toHaveLength(1);
	});

	it("finishes client.destroy() and close() promptly", async () => {
		discord = await startFakeDiscord();
		const bot = newClient(discord);
		await bot.login(discord.token);
		await discord.waitForBot();
		const started = performance.now();
		await bot.destroy();
		await discord.close();
		await discord.close();
		expect(performance.now() - started).toBeLessThan(1000);
		expect(discord.sessions[0]?.connected).toBe(false);
	});
});
