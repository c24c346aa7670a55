import { once } from "node:events";
import {
	ActionRowBuilder,
	AttachmentBuilder,
	ButtonBuilder,
	ButtonStyle,
	Client,
	EmbedBuilder,
	Events,
	GatewayIntentBits,
	type Interaction,
	MessageFlags,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "./FakeDiscord.js";
import { startFakeDiscord } from "./server.js";

const GUILD = "1100000000000000001";
const CHANNEL = "1100000000000000002";
const ALICE = { id: "1200000000000000001", username: "alice" };
const BOB = { id: "1200000000000000002", username: "bob" };
const where = { guildId: GUILD, channelId: CHANNEL };

let discord: FakeDiscord;
let client: Client;

beforeAll(async () => {
	discord = await startFakeDiscord();
	discord.addGuild({ id: GUILD, name: "Shop", channels: [{ id: CHANNEL, name: "catalog", type: 0 }] });
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

function pager(page: number, pages: number) {
	return new ActionRowBuilder<ButtonBuilder>().addComponents(
		new ButtonBuilder()
			.setCustomId("first")
			.setLabel("«")
			.setStyle(ButtonStyle.Secondary)
			.setDisabled(page === 1),
		new ButtonBuilder()
			.setCustomId("prev")
			.setLabel("‹")
			.setStyle(ButtonStyle.Secondary)
			.setDisabled(page === 1),
		new ButtonBuilder()
			.setCustomId("pos")
			.setLabel(`${page}/${pages}`)
			.setStyle(ButtonStyle.Secondary)
			.setDisabled(true),
		new ButtonBuilder()
			.setCustomId("next")
			.setLabel("›")
			.setStyle(ButtonStyle.Secondary)
			.setDisabled(page === pages),
		new ButtonBuilder()
			.setCustomId("last")
			.setLabel("»")
			.setStyle(ButtonStyle.Secondary)
			.setDisabled(page === pages),
	);
}

describe("answering slash commands through the fake", () => {
	it("records a reply with embeds and buttons as a public channel message", async () => {
		const answered = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			expect(interaction.options.getString("cat_id")).toBe("1031910");
			expect(interaction.guildId).toBe(GUILD);
			expect(interaction.user.id).toBe(ALICE.id);
			const embed = new EmbedBuilder()
				.setTitle("Tea sets")
				.setDescription("¥12.50")
				.setFooter({ text: "1/3" });
			return interaction.reply({ embeds: [embed], components: [pager(1, 3)] });
		});
		const handle = await discord.runCommand({
			...where,
			user: ALICE,
			name: "category",
			options: [{ name: "cat_id", type: 3, value: "1031910" }],
		});
		await answered;

		expect(await handle.response()).toMatchObject({ type: 4, status: 204, accepted: true });
		const message = discord.channelMessages(CHANNEL).find((m) => m.id === handle.original?.id);
		expect(message).toMatchObject({
			ephemeral: false,
			source: "interaction-response",
			allowedMentions: { parse: [] },
			embeds: [{ title: "Tea sets", description: "¥12.50", footer: { text: "1/3" } }],
		});
		expect(message?.components[0]?.components?.map((c) => c.custom_id)).toEqual([
			"first",
			"prev",
			"pos",
			"next",
			"last",
		]);
		expect(discord.violations).toEqual([]);
	});

	it("fills a deferred reply in with editReply", async () => {
		let deferredSeen = false;
		const answered = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			await interaction.deferReply();
			deferredSeen = discord.channelMessages(CHANNEL).some((m) => m.loading);
			return interaction.editReply({ content: "Found 120 items" });
		});
		const handle = await discord.runCommand({ ...where, user: ALICE, name: "category" });
		const message = await answered;

		expect(deferredSeen).toBe(true);
		expect(handle.callbacks.map((c) => c.type)).toEqual([5]);
		expect(handle.edits).toMatchObject([{ messageId: handle.original?.id, accepted: true }]);
		expect(handle.original).toMatchObject({ content: "Found 120 items", loading: false, edits: 0 });
		expect(message.id).toBe(handle.original?.id);
	});

	it("records follow-ups, and returns the reply with withResponse", async () => {
		const answered = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			const response = await interaction.reply({ content: "Page 1", withResponse: true });
			const followUp = await interaction.followUp({ content: "Share link: https://example.com/c/1" });
			return { response, followUp };
		});
		const handle = await discord.runCommand({ ...where, user: ALICE, name: "category" });
		const { response, followUp } = await answered;

		expect(response.resource?.message?.content).toBe("Page 1");
		expect(handle.followups.map((m) => m.content)).toEqual(["Share link: https://example.com/c/1"]);
		expect(followUp.id).toBe(handle.followups[0]?.id);
		expect(handle.messages).toHaveLength(2);
	});

	it("shows an ephemeral reply to its user only", async () => {
		const answered = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			return interaction.reply({ content: "Only you can see this", flags: MessageFlags.Ephemeral });
		});
		const handle = await discord.runCommand({ ...where, user: BOB, name: "category" });
		await answered;

		const reply = handle.original;
		expect(reply).toMatchObject({ ephemeral: true, visibleTo: BOB.id });
		expect(discord.channelMessages(CHANNEL).some((m) => m.id === reply?.id)).toBe(false);
		expect(discord.channelMessages(CHANNEL, { viewerId: BOB.id }).some((m) => m.id === reply?.id)).toBe(true);
	});

	it("answers DMs with a user instead of a member", async () => {
		const answered = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			expect(interaction.guildId).toBeNull();
			expect(interaction.member).toBeNull();
			return interaction.reply({ content: `Hi ${interaction.user.username}` });
		});
		const handle = await discord.runCommand({
			channelId: "1300000000000000001",
			user: ALICE,
			name: "categories",
		});
		await answered;
		expect(handle.original?.content).toBe("Hi alice");
	});

	it("lets the first follow-up after deferReply fill the deferred message in, as Discord does", async () => {
		const answered = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			await interaction.deferReply({ flags: MessageFlags.Ephemeral });
			return interaction.followUp({ content: "Here you go" });
		});
		const handle = await discord.runCommand({ ...where, user: ALICE, name: "category" });
		const followUp = await answered;

		expect(followUp.id).toBe(handle.original?.id);
		expect(handle.original).toMatchObject({ content: "Here you go", ephemeral: true, loading: false });
		expect(handle.followups).toEqual([]);
	});
});

describe("attachments", () => {
	it("parses multipart uploads into the request record and the message's attachments", async () => {
		const answered = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			const file = new AttachmentBuilder(Buffer.from("id,title\n1,Tea set\n"), { name: "items.csv" });
			return interaction.reply({ content: "Export", files: [file] });
		});
		const handle = await discord.runCommand({ ...where, user: ALICE, name: "category" });
		await answered;

		const request = discord.requests.find((r) => r.path.includes(handle.id));
		expect(request?.body).toMatchObject({ type: 4, data: { content: "Export" } });
		expect(request?.files.map((f) => [f.filename, f.data.toString()])).toEqual([
			["items.csv", "id,title\n1,Tea set\n"],
		]);
		expect(handle.original?.attachments).toMatchObject([{ filename: "items.csv", size: 19 }]);
	});
});

describe("posting outside interactions", () => {
	it("records channel.send() as a public message with its allowed_mentions", async () => {
		const channel = client.channels.cache.get(CHANNEL);
		if (!channel?.isSendable()) throw new Error("expected a text channel");
		const sent = await channel.send({ content: "Daily deals" });
		expect(discord.message(sent.id)).toMatchObject({ source: "channel", allowedMentions: { parse: [] } });
		await sent.edit({ content: "Daily deals (updated)" });
		expect(discord.message(sent.id)).toMatchObject({ content: "Daily deals (updated)", edits: 1 });
		await sent.delete();
		expect(discord.message(sent.id)).toBeUndefined();
	});
});
