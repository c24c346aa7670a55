import { once } from "node:events";
import {
	ActionRowBuilder,
	ApplicationIntegrationType,
	ButtonBuilder,
	ButtonStyle,
	ChannelType,
	Client,
	DiscordAPIError,
	Events,
	GatewayIntentBits,
	type Interaction,
	InteractionContextType,
	MessageFlags,
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
const BOT_DM = "1300000000000000001";
const GROUP_DM = "1300000000000000002";
const OTHERS_DM = "1300000000000000003";
const ALICE = { id: "1200000000000000001", username: "alice" };
const BOB = { id: "1200000000000000002", username: "bob" };

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

/** Runs `handler` on the next interaction the bot receives and hands back its result (or error). */
function onNextInteraction<T>(handler: (interaction: Interaction) => Promise<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		client.once(Events.InteractionCreate, (interaction) => {
			handler(interaction).then(resolve, reject);
		});
	});
}

const userInstall = { "1": ALICE.id } as const;

describe("interactions through a user install", () => {
	it("delivers a command in a server the bot is not in: context 0, the user as owner, a partial channel", async () => {
		const seen = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a command");
			await interaction.reply({ content: "Results." });
			const followUp = await interaction.followUp({ content: "More." });
			await interaction.editReply({ content: "Results, edited." });
			const send = await rest
				.post(Routes.channelMessages(ELSEWHERE_CHANNEL), { body: { content: "Hi." } })
				.catch((e: unknown) => e);
			const read = await rest.get(Routes.channel(ELSEWHERE_CHANNEL)).catch((e: unknown) => e);
			return { interaction, followUp, send, read };
		});
		const handle = await discord.runCommand({
			guildId: ELSEWHERE,
			channelId: ELSEWHERE_CHANNEL,
			user: ALICE,
			name: "category",
			authorizingIntegrationOwners: userInstall,
		});
		const { interaction, followUp, send, read } = await seen;
		expect(interaction.context).toBe(InteractionContextType.Guild);
		expect(interaction.authorizingIntegrationOwners.userId).toBe(ALICE.id);
		expect(interaction.authorizingIntegrationOwners.guildId).toBeNull();
		expect(interaction.guildId).toBe(ELSEWHERE);
		expect(interaction.inCachedGuild()).toBe(false);
		expect(handle.payload.channel).toMatchObject({ id: ELSEWHERE_CHANNEL, type: 0, guild_id: ELSEWHERE });
		expect(handle.payload.channel).not.toHaveProperty("permission_overwrites");
		expect(handle.payload.app_permissions).toBe(String((1n << 14n) | (1n << 15n) | (1n << 17n)));
		expect(followUp.content).toBe("More.");
		expect(handle.original?.content).toBe("Results, edited.");
		for (const refused of [send, read]) {
			expect(refused).toBeInstanceOf(DiscordAPIError);
			expect(refused).toMatchObject({ status: 403, code: 50001, message: "Missing Access" });
		}
		expect(discord.channelMessages(ELSEWHERE_CHANNEL).map((m) => m.content)).toEqual([
			"Results, edited.",
			"More.",
		]);
		expect(discord.violations.filter((v) => v.kind === "missing-access")).toHaveLength(2);
	});

	it("delivers commands in a group DM and in another user's DM (context 2), where channel posts are refused", async () => {
		for (const [channelId, type] of [
			[GROUP_DM, ChannelType.GroupDM],
			[OTHERS_DM, ChannelType.DM],
		] as const) {
			const seen = onNextInteraction(async (interaction) => {
				if (!interaction.isChatInputCommand()) throw new Error("expected a command");
				await interaction.reply({ content: "Private here.", flags: MessageFlags.Ephemeral });
				const send = await rest
					.post(Routes.channelMessages(channelId), { body: { content: "Hi." } })
					.catch((e: unknown) => e);
				return { interaction, send };
			});
			const handle = await discord.runCommand({
				context: 2,
				channelId,
				channelType: type,
				user: ALICE,
				name: "category",
				authorizingIntegrationOwners: userInstall,
			});
			const { interaction, send } = await seen;
			expect(interaction.context).toBe(InteractionContextType.PrivateChannel);
			expect(interaction.guildId).toBeNull();
			expect(interaction.user.id).toBe(ALICE.id);
			expect(handle.payload.channel).toMatchObject({ id: channelId, type, recipients: [{ id: ALICE.id }] });
			expect(handle.original).toMatchObject({ ephemeral: true, visibleTo: ALICE.id, channelId });
			expect(send).toMatchObject({ status: 403, code: 50001 });
		}
	});

	it("keeps the bot's own DM open to channel posts, whichever install the user came through", async () => {
		const seen = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a command");
			await interaction.reply({ content: "Hello." });
			return rest.post(Routes.channelMessages(BOT_DM), { body: { content: "Later." } });
		});
		const handle = await discord.runCommand({
			channelId: BOT_DM,
			user: ALICE,
			name: "category",
			authorizingIntegrationOwners: userInstall,
		});
		await seen;
		expect(handle.payload).toMatchObject({ context: 1, authorizing_integration_owners: userInstall });
		expect(discord.channelMessages(BOT_DM).map((m) => m.content)).toEqual(["Hello.", "Later."]);
	});

	it("lets anyone press a button of a user-install answer: same context, the installer stays the owner", async () => {
		const answered = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a command");
			const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
				new ButtonBuilder().setCustomId("next").setLabel("Next").setStyle(ButtonStyle.Secondary),
			);
			await interaction.reply({ content: "Page 1.", components: [row] });
		});
		const command = await discord.runCommand({
			context: 2,
			channelId: GROUP_DM,
			user: ALICE,
			name: "category",
			authorizingIntegrationOwners: userInstall,
		});
		await answered;
		const message = command.original;
		expect(message?.api.interaction_metadata).toMatchObject({ authorizing_integration_owners: userInstall });
		const pressed = onNextInteraction(async (interaction) => {
			if (!interaction.isButton()) throw new Error("expected a button");
			await interaction.update({ content: "Page 2." });
			return interaction;
		});
		const press = await discord.pressButton({ user: BOB, message: message?.id ?? "", customId: "next" });
		const interaction = await pressed;
		expect(interaction.user.id).toBe(BOB.id);
		expect(interaction.context).toBe(InteractionContextType.PrivateChannel);
		expect(interaction.authorizingIntegrationOwners.userId).toBe(ALICE.id);
		expect(press.payload.channel).toMatchObject({ id: GROUP_DM, type: ChannelType.GroupDM });
		expect(discord.message(message?.id ?? "")?.content).toBe("Page 2.");
	});

	it("sends only the installs a command supports, as authorizing_integration_owners", async () => {
		const seen = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a command");
			await interaction.reply({ content: "Yours." });
			return interaction;
		});
		const handle = await discord.runCommand({
			guildId: GUILD,
			channelId: CHANNEL,
			user: ALICE,
			name: "mine",
			authorizingIntegrationOwners: { "0": GUILD, "1": ALICE.id },
		});
		await seen;
		expect(handle.payload.authorizing_integration_owners).toEqual(userInstall);
		// A server install of a guild the bot is in: the channel is the full one, posts there work.
		expect(handle.payload.channel).toHaveProperty("permission_overwrites");
	});
});
