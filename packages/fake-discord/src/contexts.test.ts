import { once } from "node:events";
import {
	ApplicationIntegrationType,
	Client,
	DiscordAPIError,
	Events,
	GatewayIntentBits,
	InteractionContextType,
	REST,
	Routes,
	SlashCommandBuilder,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "./FakeDiscord.js";
import { startFakeDiscord } from "./server.js";
import type { RegisteredCommand } from "./state/commands.js";

const GUILD = "1100000000000000001";
const CHANNEL = "1100000000000000002";
/** A server the bot was never added to: only a user install reaches it. */
const ELSEWHERE = "1100000000000000009";
const ELSEWHERE_CHANNEL = "1100000000000000010";
const GROUP_DM = "1300000000000000002";
const ALICE = { id: "1200000000000000001", username: "alice" };

let discord: FakeDiscord;
let client: Client;
let rest: REST;

const everywhere = new SlashCommandBuilder()
	.setName("category")
	.setDescription("Browse a category")
	.setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
	.setContexts(
		InteractionContextType.Guild,
		InteractionContextType.BotDM,
		InteractionContextType.PrivateChannel,
	);
const serverOnly = new SlashCommandBuilder()
	.setName("watch")
	.setDescription("Post in this channel later")
	.setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
	.setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
const userOnly = new SlashCommandBuilder()
	.setName("mine")
	.setDescription("Only through a user install")
	.setIntegrationTypes(ApplicationIntegrationType.UserInstall);
const unspecified = new SlashCommandBuilder().setName("plain").setDescription("No contexts given");

function registerGlobally(body: unknown): Promise<RegisteredCommand[]> {
	return rest.put(Routes.applicationCommands(discord.applicationId), { body }) as Promise<
		RegisteredCommand[]
	>;
}

beforeAll(async () => {
	discord = await startFakeDiscord({ strictCommands: true });
	discord.addGuild({ id: GUILD, name: "Shop", channels: [{ id: CHANNEL, name: "catalog", type: 0 }] });
	rest = new REST({ api: discord.apiBase }).setToken(discord.token);
	await registerGlobally([everywhere.toJSON(), serverOnly.toJSON(), userOnly.toJSON(), unspecified.toJSON()]);
	client = new Client({
		intents: [GatewayIntentBits.Guilds],
		rest: { api: discord.apiBase },
		allowedMentions: { parse: [] },
	});
	const ready = once(client, Events.ClientReady);
	await client.login(discord.token);
	await ready;
});

afterEach(() => {
	client.removeAllListeners(Events.InteractionCreate);
});

afterAll(async () => {
	expect(discord.internalErrors).toEqual([]);
	await client.destroy();
	await discord.close();
});

const userInstall = { "1": ALICE.id } as const;

describe("registration with installation and interaction contexts", () => {
	it("stores and returns integration_types and contexts, with Discord's defaults when left out", () => {
		const byName = new Map(discord.commands.map((c) => [c.name, c]));
		expect(byName.get("category")).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
		expect(byName.get("watch")).toMatchObject({ integration_types: [0], contexts: [0, 1] });
		expect(byName.get("mine")).toMatchObject({ integration_types: [1] });
		expect(byName.get("plain")).toMatchObject({ integration_types: [0], contexts: null });
	});

	it("refuses values outside 0/1 and 0/1/2 with 50035, naming the field", async () => {
		const error = await rest
			.post(Routes.applicationCommands(discord.applicationId), {
				body: { name: "bad", description: "Bad", integration_types: [0, 2], contexts: [3] },
			})
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DiscordAPIError);
		expect((error as DiscordAPIError).message).toContain("integration_types[1][BASE_TYPE_CHOICES]");
		expect((error as DiscordAPIError).message).toContain("contexts[0][BASE_TYPE_CHOICES]");
		const notList = await rest
			.post(Routes.applicationCommands(discord.applicationId), {
				body: { name: "bad", description: "Bad", contexts: "guild" },
			})
			.catch((e: unknown) => e);
		expect((notList as DiscordAPIError).message).toContain("contexts[LIST_TYPE_CONVERT]");
		expect(discord.commands.map((c) => c.name)).not.toContain("bad");
	});
});

describe("what Discord's client would never send", () => {
	it("refuses commands outside their contexts and installs, before the bot sees anything", async () => {
		let received = 0;
		client.on(Events.InteractionCreate, () => {
			received += 1;
		});
		const elsewhere = { guildId: ELSEWHERE, channelId: ELSEWHERE_CHANNEL, user: ALICE };
		// Server install only: not offered in a server the bot is not in, nor in private channels.
		await expect(
			discord.runCommand({ ...elsewhere, name: "watch", authorizingIntegrationOwners: userInstall }),
		).rejects.toThrow(/integration_types \[0\] include none of the installs here \(1\)/);
		await expect(
			discord.runCommand({
				context: 2,
				channelId: GROUP_DM,
				user: ALICE,
				name: "watch",
				authorizingIntegrationOwners: userInstall,
			}),
		).rejects.toThrow(/contexts \[0,1\] do not include 2/);
		// Left out, integration_types is the server install only.
		await expect(
			discord.runCommand({ ...elsewhere, name: "plain", authorizingIntegrationOwners: userInstall }),
		).rejects.toThrow(/integration_types \[0\]/);
		// Left out, contexts are servers and the bot's DM: not a group DM, even for a user-install command.
		await expect(
			discord.runCommand({
				context: 2,
				channelId: GROUP_DM,
				user: ALICE,
				name: "mine",
				authorizingIntegrationOwners: userInstall,
			}),
		).rejects.toThrow(/contexts \[0,1\] do not include 2/);
		// User install only: not through the server install alone.
		await expect(
			discord.runCommand({ guildId: GUILD, channelId: CHANNEL, user: ALICE, name: "mine" }),
		).rejects.toThrow(/integration_types \[1\]/);
		expect(received).toBe(0);
	});

	it("refuses owners that cannot be: a server install where the bot is not, or in a private channel", async () => {
		await expect(
			discord.runCommand({ guildId: ELSEWHERE, channelId: ELSEWHERE_CHANNEL, user: ALICE, name: "category" }),
		).rejects.toThrow(/unknown guild/);
		await expect(
			discord.runCommand({
				guildId: ELSEWHERE,
				channelId: ELSEWHERE_CHANNEL,
				user: ALICE,
				name: "category",
				authorizingIntegrationOwners: { "0": ELSEWHERE },
			}),
		).rejects.toThrow(/needs the bot there/);
		await expect(
			discord.runCommand({
				context: 2,
				channelId: GROUP_DM,
				user: ALICE,
				name: "category",
				authorizingIntegrationOwners: { "0": "0", "1": ALICE.id },
			}),
		).rejects.toThrow(/cannot reach a private channel/);
		await expect(
			discord.runCommand({ context: 2, channelId: GROUP_DM, user: ALICE, name: "category" }),
		).rejects.toThrow(/only through a user install/);
		await expect(
			discord.runCommand({
				guildId: GUILD,
				channelId: CHANNEL,
				user: ALICE,
				name: "category",
				authorizingIntegrationOwners: { "0": "0" },
			}),
		).rejects.toThrow(/owner here is "1100000000000000001"/);
		await expect(
			discord.runCommand({ context: 1, guildId: GUILD, channelId: CHANNEL, user: ALICE, name: "category" }),
		).rejects.toThrow(/cannot have a guildId/);
	});
});
