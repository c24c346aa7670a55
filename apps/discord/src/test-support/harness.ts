import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
	type CommandOptionInput,
	type FakeDiscord,
	type FakeUser,
	type InteractionHandle,
	startFakeDiscord,
} from "@catbot/fake-discord";
import { createLogger } from "@catbot/runtime";
import { assertNoSecrets, captureLog, emulatorEnv, redisPassword } from "@catbot/testkit";
import { useTestScope } from "@catbot/testkit/scope";
import { startTmapiEmulator, type TmapiEmulator } from "@catbot/tmapi-emulator";
import { type RunningBot, type StartOptions, startDiscordBot } from "../app.js";
import { loadDiscordConfig } from "../config.js";
import { registerCommands } from "../register.js";

export const TMAPI_TOKEN = "tmapi-secret-token-for-discord-tests";
export const GUILD = "810000000000000001";
export const CHANNEL = "810000000000000002";
/** A second channel of the same server: a place of its own, with its own shortlist. */
export const OTHER_CHANNEL = "810000000000000003";
export const asker: FakeUser = { id: "820000000000000001", username: "asker" };
export const other: FakeUser = { id: "820000000000000002", username: "other" };

/** The fake Discord, the TMAPI emulator, the real bot, and helpers to act as users. */
export interface Harness {
	readonly discord: FakeDiscord;
	readonly emu: TmapiEmulator;
	readonly logs: () => string;
	/** The bot running now (after restart(), the new one). */
	readonly bot: RunningBot;
	/** Runs /category with options given as name → value. */
	category(
		options: Record<string, string | number | boolean>,
		user?: FakeUser,
		name?: string,
	): Promise<InteractionHandle>;
	/** Runs /shortlist with options given as name → value, in CHANNEL unless another channel is named. */
	shortlist(
		options?: Record<string, number | boolean>,
		user?: FakeUser,
		channelId?: string,
	): Promise<InteractionHandle>;
	/** Runs any slash command with options given as name → value, in CHANNEL unless another is named. */
	command(
		name: string,
		options?: Record<string, string | number | boolean>,
		user?: FakeUser,
		channelId?: string,
	): Promise<InteractionHandle>;
	restart(): Promise<RunningBot>;
}

const scope = useTestScope();

/** Interaction tokens sit in the paths of the bot's callbacks and follow-ups. */
const TOKEN_IN_PATH = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/;

/**
 * Checked after every test: the log holds no bot token, no TMAPI token, no interaction token and no Redis
 * or database password, whatever path the test took.
 */
function secretsOf(discord: FakeDiscord, env: Record<string, string>): string[] {
	const interactionTokens = discord.requests
		.map((request) => TOKEN_IN_PATH.exec(request.path)?.[1])
		.filter((token): token is string => token !== undefined);
	return [
		TMAPI_TOKEN,
		discord.token,
		...new Set(interactionTokens),
		redisPassword(env.REDIS_URL),
		// Any URL's password is read the same way.
		redisPassword(env.DATABASE_URL),
	];
}

const OPTION_TYPES: Record<string, number> = {
	cat_id: 4,
	sort: 3,
	page: 4,
	size: 4,
	min_price: 10,
	max_price: 10,
	language: 3,
	free_shipping: 5,
	dropshipping: 5,
	super_factory: 5,
	new_arrival: 5,
	private: 5,
	pages: 4,
	export: 5,
	every: 3,
	n: 4,
};

/** Slash command options given as name → value, typed as the bot registers them. */
export function commandOptions(options: Record<string, string | number | boolean>): CommandOptionInput[] {
	return Object.entries(options).map(([name, value]) => ({ name, type: OPTION_TYPES[name] ?? 3, value }));
}

/**
 * Starts everything with the commands registered through the real registration code, as in production.
 * The shortlist lives in a fresh SQLite file per harness (DATA_DIR) unless `env` names DATA_DIR or
 * DATABASE_URL; a restart keeps it.
 */
export async function startHarness(
	env: Record<string, string> = {},
	fakeOptions: { ackTimeoutMs?: number } = {},
	botOptions: Omit<StartOptions, "logger"> = {},
): Promise<Harness> {
	const discord = await startFakeDiscord({ strictCommands: true, ...fakeOptions });
	discord.addGuild({
		id: GUILD,
		name: "Sourcing",
		channels: [
			{ id: CHANNEL, name: "products", type: 0 },
			{ id: OTHER_CHANNEL, name: "other-products", type: 0 },
		],
	});
	const dataDir = mkdtempSync(join(tmpdir(), "catbot-discord-"));
	// Removed last, once every bot of the test has closed its store.
	scope.defer(async () => rmSync(dataDir, { recursive: true, force: true }));
	const emu = await startTmapiEmulator({ apiToken: TMAPI_TOKEN });
	const log = captureLog();
	// The logger's own scrubbing; the check after each test looks for these and more, scrubbed or not.
	const scrubbed = [TMAPI_TOKEN, discord.token];
	const config = loadDiscordConfig({
		DISCORD_TOKEN: discord.token,
		DISCORD_APPLICATION_ID: discord.applicationId,
		DISCORD_API_BASE: discord.apiBase,
		DISCORD_GUILD_ID: GUILD,
		...emulatorEnv(emu, TMAPI_TOKEN),
		PAGE_TOKEN_SECRET: "discord-e2e-page-secret",
		DATA_DIR: dataDir,
		...env,
	});
	const logger = createLogger({ level: "debug", destination: log.destination, secrets: scrubbed });
	await registerCommands({ ...config, logger });
	const start = async () => {
		const bot = await startDiscordBot(config, { ...botOptions, logger });
		scope.defer(() => bot.stop("test"));
		return bot;
	};
	// Stopped last: the clients must be destroyed before the fake closes, or they keep reconnecting.
	scope.defer(() => emu.close());
	scope.defer(() => discord.close());
	let bot = await start();
	scope.check(() => assertNoSecrets(log.text(), secretsOf(discord, env)));
	return {
		discord,
		emu,
		get bot() {
			return bot;
		},
		logs: log.text,
		category(options, user = asker, name = "category") {
			return discord.runCommand({
				guildId: GUILD,
				channelId: CHANNEL,
				user,
				name,
				options: commandOptions(options),
			});
		},
		shortlist(options = {}, user = asker, channelId = CHANNEL) {
			return discord.runCommand({
				guildId: GUILD,
				channelId,
				user,
				name: "shortlist",
				options: commandOptions(options),
			});
		},
		command(name, options = {}, user = asker, channelId = CHANNEL) {
			return discord.runCommand({
				guildId: GUILD,
				channelId,
				user,
				name,
				options: commandOptions(options),
			});
		},
		async restart() {
			await bot.stop("restart");
			bot = await start();
			return bot;
		},
	};
}
