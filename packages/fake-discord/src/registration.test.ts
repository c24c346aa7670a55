import { DiscordAPIError, REST, Routes, SlashCommandBuilder } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeDiscord } from "./FakeDiscord.js";
import { startFakeDiscord } from "./server.js";
import type { RegisteredCommand } from "./state/commands.js";
import type { FakeGuild } from "./state/guilds.js";

const GUILD = "1100000000000000001";

let discord: FakeDiscord;
let rest: REST;
let shop: FakeGuild;

// A fresh fake per test: registrations and recorded requests must not leak from one test into another.
beforeEach(async () => {
	discord = await startFakeDiscord();
	shop = discord.addGuild({ id: GUILD, name: "Shop" });
	rest = new REST({ api: discord.apiBase }).setToken(discord.token);
});

afterEach(async () => {
	await discord.close();
});

const category = new SlashCommandBuilder()
	.setName("category")
	.setDescription("Show the products of a 1688 category")
	.addStringOption((o) =>
		o.setName("cat_id").setDescription("Category id").setRequired(true).setAutocomplete(true),
	)
	.addIntegerOption((o) => o.setName("page").setDescription("Page").setMinValue(1));
const categories = new SlashCommandBuilder().setName("categories").setDescription("Browse the categories");

function register(body: unknown): Promise<RegisteredCommand[]> {
	return rest.put(Routes.applicationGuildCommands(discord.applicationId, GUILD), { body }) as Promise<
		RegisteredCommand[]
	>;
}

describe("application command registration", () => {
	it("bulk-overwrites guild commands idempotently: same ids and versions the second time", async () => {
		const first = await register([category.toJSON(), categories.toJSON()]);
		const recorded = await discord.waitForRequest((r) => r.method === "PUT");
		expect(recorded).toMatchObject({
			path: Routes.applicationGuildCommands(discord.applicationId, GUILD),
			status: 200,
		});
		const second = await register([category.toJSON(), categories.toJSON()]);
		expect(first.map((c) => c.name)).toEqual(["category", "categories"]);
		expect(second.map((c) => [c.id, c.version])).toEqual(first.map((c) => [c.id, c.version]));
		expect(discord.commands.map((c) => [c.name, c.guild_id])).toEqual([
			["category", GUILD],
			["categories", GUILD],
		]);

		const changed = await register([{ ...category.toJSON(), description: "Products of a category" }]);
		expect(changed[0]?.id).toBe(first[0]?.id);
		expect(changed[0]?.version).not.toBe(first[0]?.version);
		expect(discord.commands.map((c) => c.name)).toEqual(["category"]);
	});

	it("refuses to simulate invocations Discord's client could not send for the registered definition", async () => {
		await register([category.toJSON()]);
		const user = { id: "1200000000000000001", username: "alice" };
		const base = { guildId: GUILD, channelId: shop.channels[0]?.id ?? "", user, name: "category" };
		await expect(discord.runCommand(base)).rejects.toThrow(/required option "cat_id" is missing/);
		await expect(
			discord.runCommand({ ...base, options: [{ name: "cat_id", type: 4, value: 1 }] }),
		).rejects.toThrow(/has type 3/);
		await expect(
			discord.autocomplete({ ...base, options: [{ name: "page", type: 4, value: 1, focused: true }] }),
		).rejects.toThrow(/no autocomplete/);
	});

	it("refuses invalid definitions with 50035", async () => {
		const invalid = [{ name: "Category", description: "x".repeat(101), options: [] }];
		const error = await register(invalid).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DiscordAPIError);
		expect((error as DiscordAPIError).message).toContain("0.name[APPLICATION_COMMAND_INVALID_NAME]");
		expect((error as DiscordAPIError).message).toContain("0.description[BASE_TYPE_BAD_LENGTH]");
	});

	it("supports global commands, single create, get and delete", async () => {
		const created = (await rest.post(Routes.applicationCommands(discord.applicationId), {
			body: categories.toJSON(),
		})) as RegisteredCommand;
		expect(created.guild_id).toBeUndefined();
		const fetched = await rest.get(Routes.applicationCommand(discord.applicationId, created.id));
		expect(fetched).toMatchObject({ id: created.id, name: "categories" });
		await rest.delete(Routes.applicationCommand(discord.applicationId, created.id));
		expect(await rest.get(Routes.applicationCommands(discord.applicationId))).toEqual([]);
	});

	it("refuses guilds the bot is not in (403) and wrong tokens (401)", async () => {
		const elsewhere = rest.put(
			Routes.applicationGuildCommands(discord.applicationId, "1100000000000000999"),
			{
				body: [],
			},
		);
		await expect(elsewhere).rejects.toMatchObject({ status: 403, code: 50001 });
		const stranger = new REST({ api: discord.apiBase }).setToken("wrong");
		await expect(stranger.get(Routes.applicationCommands(discord.applicationId))).rejects.toMatchObject({
			status: 401,
		});
	});
});
