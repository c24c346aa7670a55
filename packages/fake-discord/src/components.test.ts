import { once } from "node:events";
import {
	ActionRowBuilder,
	ButtonBuilder,
	ButtonStyle,
	Client,
	DiscordAPIError,
	Events,
	GatewayIntentBits,
	type Interaction,
	StringSelectMenuBuilder,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "./FakeDiscord.js";
import { startFakeDiscord } from "./server.js";
import type { RecordedMessage } from "./state/apiMessage.js";

const GUILD = "1100000000000000001";
const CHANNEL = "1100000000000000002";
const ALICE = { id: "1200000000000000001", username: "alice" };
const where = { guildId: GUILD, channelId: CHANNEL };

let discord: FakeDiscord;
let client: Client;

beforeAll(async () => {
	discord = await startFakeDiscord();
	discord.addGuild({ id: GUILD, name: "Shop", channels: [{ id: CHANNEL, name: "catalog", type: 0 }] });
	client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase } });
	const ready = once(client, Events.ClientReady);
	await client.login(discord.token);
	await ready;
});

afterEach(() => {
	client.removeAllListeners(Events.InteractionCreate);
});

afterAll(async () => {
	await client.destroy();
	await discord.close();
});

function onNextInteraction<T>(handler: (interaction: Interaction) => Promise<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		client.once(Events.InteractionCreate, (interaction) => {
			handler(interaction).then(resolve, reject);
		});
	});
}

function pageRow(page: number) {
	return new ActionRowBuilder<ButtonBuilder>().addComponents(
		new ButtonBuilder()
			.setCustomId("prev")
			.setLabel("‹")
			.setStyle(ButtonStyle.Secondary)
			.setDisabled(page === 1),
		new ButtonBuilder()
			.setCustomId("pos")
			.setLabel(`${page}/2`)
			.setStyle(ButtonStyle.Secondary)
			.setDisabled(true),
		new ButtonBuilder()
			.setCustomId("next")
			.setLabel("›")
			.setStyle(ButtonStyle.Primary)
			.setDisabled(page === 2),
	);
}

/** Has the bot post page 1 of a paginated message and returns it as recorded. */
async function postPageOne(): Promise<RecordedMessage> {
	const answered = onNextInteraction(async (interaction) => {
		if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
		await interaction.reply({ content: "Page 1", components: [pageRow(1)] });
	});
	const handle = await discord.runCommand({ ...where, user: ALICE, name: "category" });
	await answered;
	return present(handle.original);
}

function present<T>(value: T | undefined): T {
	if (value === undefined) throw new Error("expected a value");
	return value;
}

describe("message components through the fake", () => {
	it("delivers a button press with its message, and records interaction.update as an edit of it", async () => {
		const message = await postPageOne();
		const updated = onNextInteraction(async (interaction) => {
			if (!interaction.isButton()) throw new Error("expected a button");
			expect(interaction.customId).toBe("next");
			expect(interaction.message.id).toBe(message.id);
			return interaction.update({ content: "Page 2", components: [pageRow(2)] });
		});
		const press = await discord.pressButton({ user: ALICE, message, customId: "next" });
		await updated;

		expect(await press.response()).toMatchObject({ type: 7, accepted: true });
		expect(discord.message(message.id)).toMatchObject({ content: "Page 2", edits: 1 });
		expect(press.original?.id).toBe(message.id);
		await expect(discord.pressButton({ user: ALICE, message: message.id, customId: "next" })).rejects.toThrow(
			/disabled/,
		);
		await expect(discord.pressButton({ user: ALICE, message, customId: "nope" })).rejects.toThrow(
			/no component/,
		);
	});

	it("delivers select menu values and lets the bot defer the update", async () => {
		const answered = onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			const menu = new StringSelectMenuBuilder()
				.setCustomId("browse")
				.addOptions({ label: "Tea", value: "1031910" }, { label: "Toys", value: "1031911" });
			await interaction.reply({
				content: "Pick a category",
				components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
			});
		});
		const command = await discord.runCommand({ ...where, user: ALICE, name: "categories" });
		await answered;
		const menuMessage = present(command.original);

		const picked = onNextInteraction(async (interaction) => {
			if (!interaction.isStringSelectMenu()) throw new Error("expected a select menu");
			await interaction.deferUpdate();
			await interaction.editReply({ content: `Category ${interaction.values[0]}`, components: [] });
		});
		const select = await discord.selectMenu({
			user: ALICE,
			message: menuMessage,
			customId: "browse",
			values: ["1031911"],
		});
		await picked;

		expect(select.callbacks.map((c) => c.type)).toEqual([6]);
		expect(select.original).toMatchObject({ content: "Category 1031911", components: [] });
		await expect(
			discord.selectMenu({ user: ALICE, message: menuMessage, customId: "browse", values: ["42"] }),
		).rejects.toThrow();
	});

	it("records autocomplete choices, and refuses more than 25 with 50035", async () => {
		const responded = onNextInteraction(async (interaction) => {
			if (!interaction.isAutocomplete()) throw new Error("expected autocomplete");
			expect(interaction.options.getFocused()).toBe("10319");
			await interaction.respond([{ name: "Tea sets (1031910)", value: "1031910" }]);
		});
		const typing = await discord.autocomplete({
			...where,
			user: ALICE,
			name: "category",
			options: [{ name: "cat_id", type: 3, value: "10319", focused: true }],
		});
		await responded;
		expect(await typing.response()).toMatchObject({
			type: 8,
			accepted: true,
			data: { choices: [{ name: "Tea sets (1031910)", value: "1031910" }] },
		});

		const tooMany = onNextInteraction(async (interaction) => {
			if (!interaction.isAutocomplete()) throw new Error("expected autocomplete");
			const choices = Array.from({ length: 26 }, (_, i) => ({ name: `Choice ${i}`, value: String(i) }));
			return interaction.respond(choices).then(
				() => undefined,
				(error: unknown) => error,
			);
		});
		await discord.autocomplete({
			...where,
			user: ALICE,
			name: "category",
			options: [{ name: "cat_id", type: 3, value: "", focused: true }],
		});
		const error = await tooMany;
		expect(error).toBeInstanceOf(DiscordAPIError);
		expect(error).toMatchObject({ code: 50035, status: 400 });
		expect((error as Error).message).toContain("data.choices[BASE_TYPE_MAX_LENGTH]");
	});
});
