import { once } from "node:events";
import {
	Client,
	DiscordAPIError,
	Events,
	GatewayIntentBits,
	HTTPError,
	type Interaction,
	InteractionResponseType,
	Routes,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "./FakeDiscord.js";
import type { FakeDiscordOptions } from "./options.js";
import { startFakeDiscord } from "./server.js";
import type { InteractionHandle } from "./simulate/InteractionHandle.js";

const GUILD = "1100000000000000001";
const CHANNEL = "1100000000000000002";
const ALICE = { id: "1200000000000000001", username: "alice" };
const command = { guildId: GUILD, channelId: CHANNEL, user: ALICE, name: "category" };

interface Bot {
	readonly discord: FakeDiscord;
	/** Runs `handler` on the next interaction and settles with what it returned or threw. */
	onNextInteraction<T>(handler: (interaction: Interaction) => Promise<T>): Promise<T>;
}

/**
 * Starts a fake with `options` and a logged-in client for the enclosing describe block. Each block picks its
 * own windows: a tiny one where nothing has to happen in time, a roomy one where replies must be on time.
 */
function useBot(options: FakeDiscordOptions): Bot {
	let discord: FakeDiscord | undefined;
	let client: Client | undefined;
	beforeAll(async () => {
		discord = await startFakeDiscord(options);
		discord.addGuild({ id: GUILD, name: "Shop", channels: [{ id: CHANNEL, name: "catalog", type: 0 }] });
		client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase, retries: 1 } });
		const ready = once(client, Events.ClientReady);
		await client.login(discord.token);
		await ready;
	});
	afterEach(() => {
		client?.removeAllListeners(Events.InteractionCreate);
	});
	afterAll(async () => {
		await client?.destroy();
		await discord?.close();
	});
	const started = <T>(value: T | undefined): T => {
		if (value === undefined) throw new Error("useBot() is only usable inside tests");
		return value;
	};
	return {
		get discord() {
			return started(discord);
		},
		onNextInteraction(handler) {
			const bot = started(client);
			return new Promise((resolve, reject) => {
				bot.once(Events.InteractionCreate, (interaction) => {
					handler(interaction).then(resolve, reject);
				});
			});
		},
	};
}

describe("a late acknowledgement", () => {
	// Nothing has to happen within this window: the handler waits for it to close.
	const bot = useBot({ ackTimeoutMs: 50 });

	it("refuses a callback sent after the window with 10062, which discord.js surfaces as DiscordAPIError", async () => {
		let dispatched!: Promise<InteractionHandle>;
		const answered = bot.onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			await (await dispatched).ackExpired();
			return interaction.reply({ content: "too late" });
		});
		dispatched = bot.discord.runCommand(command);
		const handle = await dispatched;

		const error = await answered.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DiscordAPIError);
		expect(error).toMatchObject({ code: 10062, status: 404, message: "Unknown interaction" });
		expect(await handle.response()).toMatchObject({ status: 404, accepted: false });
		expect(handle.acknowledged).toBe(false);
		expect(bot.discord.violations.at(-1)).toMatchObject({ kind: "late-acknowledgement", code: 10062 });
	});
});

describe("an expired token", () => {
	// The reply must beat the window, so it is roomy; the token then dies right after it.
	const bot = useBot({ ackTimeoutMs: 1000, tokenLifetimeMs: 1000 });

	it("refuses follow-ups and edits once the token has expired (401 50027)", async () => {
		let dispatched!: Promise<InteractionHandle>;
		const answered = bot.onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			await interaction.reply({ content: "Page 1" });
			await (await dispatched).tokenExpired();
			return interaction.editReply({ content: "Page 2" }).catch((e: unknown) => e);
		});
		dispatched = bot.discord.runCommand(command);
		const handle = await dispatched;
		expect(await answered).toMatchObject({ code: 50027, status: 401 });
		expect(handle.original?.content).toBe("Page 1");
		expect(handle.edits).toMatchObject([{ messageId: handle.original?.id, status: 401, accepted: false }]);
	});
});

describe("double acknowledgements and injected failures", () => {
	const bot = useBot({});

	it("refuses a second callback with 40060", async () => {
		const answered = bot.onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			await interaction.deferReply();
			// discord.js itself guards against replying twice; a bot using raw REST does not.
			return interaction.client.rest
				.post(Routes.interactionCallback(interaction.id, interaction.token), {
					body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: "again" } },
					auth: false,
				})
				.catch((e: unknown) => e);
		});
		const handle = await bot.discord.runCommand(command);
		expect(await answered).toMatchObject({ code: 40060, status: 400 });
		expect(handle.callbacks.map((c) => [c.type, c.accepted])).toEqual([
			[5, true],
			[4, false],
		]);
	});

	it("answers an injected 10062 instead of processing the callback", async () => {
		bot.discord.failNext((r) => r.path.endsWith("/callback"), {
			status: 404,
			body: { message: "Unknown interaction", code: 10062 },
		});
		const answered = bot.onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			return interaction.reply({ content: "hi" }).catch((e: unknown) => e);
		});
		const handle = await bot.discord.runCommand(command);
		expect(await answered).toMatchObject({ code: 10062 });
		expect(handle.callbacks).toEqual([]);
		expect(bot.discord.requests.at(-1)).toMatchObject({ status: 404, injected: true });
	});

	it("sends 429 with retry_after and rate-limit headers; discord.js waits and retries", async () => {
		bot.discord.failNext((r) => r.path.endsWith("/callback"), { status: 429, retryAfter: 0.02 });
		const answered = bot.onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			return interaction.reply({ content: "after the limit" });
		});
		const handle = await bot.discord.runCommand(command);
		await answered;
		const callbacks = bot.discord.requests.filter((r) => r.path.includes(handle.id));
		expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
		expect(callbacks[0]?.response).toEqual({
			message: "You are being rate limited.",
			retry_after: 0.02,
			global: false,
		});
		expect(handle.original?.content).toBe("after the limit");
	});

	it("sends 500s that discord.js retries, then gives up on as HTTPError", async () => {
		bot.discord.failNext((r) => r.method === "POST" && r.path.startsWith("/webhooks/"), {
			status: 500,
			times: 2,
		});
		const answered = bot.onNextInteraction(async (interaction) => {
			if (!interaction.isChatInputCommand()) throw new Error("expected a slash command");
			await interaction.reply({ content: "ok" });
			return interaction.followUp({ content: "never" }).catch((e: unknown) => e);
		});
		await bot.discord.runCommand(command);
		const error = await answered;
		expect(error).toBeInstanceOf(HTTPError);
		expect(error).toMatchObject({ status: 500 });
	});
});
