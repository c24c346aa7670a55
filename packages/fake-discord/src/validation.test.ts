import { once } from "node:events";
import {
	ButtonStyle,
	Client,
	ComponentType,
	DiscordAPIError,
	Events,
	GatewayIntentBits,
	type InteractionReplyOptions,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "./FakeDiscord.js";
import { startFakeDiscord } from "./server.js";

const GUILD = "1100000000000000001";
const CHANNEL = "1100000000000000002";
const ALICE = { id: "1200000000000000001", username: "alice" };

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

afterAll(async () => {
	await client.destroy();
	await discord.close();
});

/** Has the bot reply with `reply` to a fresh command; settles with the reply's error, if any. */
async function replyWith(reply: InteractionReplyOptions) {
	const outcome = new Promise<unknown>((resolve) => {
		client.once(Events.InteractionCreate, (interaction) => {
			if (!interaction.isChatInputCommand()) return resolve(new Error("expected a slash command"));
			interaction.reply(reply).then(() => resolve(undefined), resolve);
		});
	});
	const handle = await discord.runCommand({
		guildId: GUILD,
		channelId: CHANNEL,
		user: ALICE,
		name: "category",
	});
	return { error: await outcome, handle };
}

// Plain objects, not builders: @discordjs/builders would refuse these before they reach the fake.
describe("Discord's limits, as discord.js sees them", () => {
	it("refuses 6001 characters of embeds with 50035 MAX_EMBED_SIZE_EXCEEDED", async () => {
		const embeds = [
			{ title: "t".repeat(200), description: "d".repeat(4000) },
			{ description: "d".repeat(1801) },
		];
		const { error, handle } = await replyWith({ embeds });
		expect(error).toBeInstanceOf(DiscordAPIError);
		expect(error).toMatchObject({ code: 50035, status: 400 });
		expect((error as Error).message).toContain(
			"data.embeds[MAX_EMBED_SIZE_EXCEEDED]: Embed size exceeds maximum size of 6000",
		);
		expect(handle.acknowledged).toBe(false);
		expect(discord.violations.at(-1)).toMatchObject({ kind: "invalid-form-body", code: 50035 });
	});

	it("accepts exactly 6000 characters", async () => {
		const { error } = await replyWith({
			embeds: [{ title: "t".repeat(256), description: "d".repeat(4096) }, { description: "d".repeat(1648) }],
		});
		expect(error).toBeUndefined();
	});

	it("refuses a 101-character custom_id with 50035 on its path", async () => {
		const components = [
			{
				type: ComponentType.ActionRow,
				components: [
					{
						type: ComponentType.Button,
						style: ButtonStyle.Primary,
						label: "Next",
						custom_id: "x".repeat(101),
					},
				],
			},
		];
		const { error } = await replyWith({ components });
		expect(error).toMatchObject({ code: 50035 });
		expect((error as Error).message).toContain(
			"data.components[0].components[0].custom_id[BASE_TYPE_BAD_LENGTH]: Must be between 1 and 100 in length.",
		);
	});
});
