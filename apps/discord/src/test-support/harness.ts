import { Writable } from "node:stream";
import {
	type FakeDiscord,
	type FakeUser,
	type InteractionHandle,
	startFakeDiscord,
} from "@catbot/fake-discord";
import { createLogger } from "@catbot/runtime";
import { startTmapiEmulator, type TmapiEmulator } from "@catbot/tmapi-emulator";
import { afterEach } from "vitest";
import { type RunningBot, startDiscordBot } from "../app.js";
import { loadDiscordConfig } from "../config.js";
import { registerCommands } from "../register.js";

export const TMAPI_TOKEN = "tmapi-secret-token-for-discord-tests";
export const GUILD = "810000000000000001";
export const CHANNEL = "810000000000000002";
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
	restart(): Promise<RunningBot>;
}

const open: Array<() => Promise<void>> = [];
const checks: Array<() => void> = [];
afterEach(async () => {
	// Checked before anything closes, so what shutdown logs is not missed by the next test's harness.
	const failures: unknown[] = [];
	for (const check of checks.splice(0)) {
		try {
			check();
		} catch (error) {
			failures.push(error);
		}
	}
	while (open.length > 0) await open.pop()?.();
	if (failures.length > 0) throw failures[0];
});

/** Interaction tokens sit in the paths of the bot's callbacks and follow-ups. */
const TOKEN_IN_PATH = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/;

/**
 * After every test: the log holds no bot token, no TMAPI token, no interaction token and no Redis
 * password, whatever path the test took.
 */
function assertNoSecretsLogged(discord: FakeDiscord, logs: () => string, env: Record<string, string>): void {
	const interactionTokens = discord.requests
		.map((request) => TOKEN_IN_PATH.exec(request.path)?.[1])
		.filter((token): token is string => token !== undefined);
	const redisPassword = env.REDIS_URL ? decodeURIComponent(new URL(env.REDIS_URL).password) : "";
	const secrets = [TMAPI_TOKEN, discord.token, ...new Set(interactionTokens), redisPassword].filter(
		(secret) => secret.length >= 8,
	);
	const text = logs();
	for (const secret of secrets) {
		if (text.includes(secret)) throw new Error(`a secret reached the log: ${secret.slice(0, 6)}…`);
	}
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
};

/** Starts everything with the commands registered through the real registration code, as in production. */
export async function startHarness(
	env: Record<string, string> = {},
	fakeOptions: { ackTimeoutMs?: number } = {},
): Promise<Harness> {
	const discord = await startFakeDiscord({ strictCommands: true, ...fakeOptions });
	discord.addGuild({ id: GUILD, name: "Sourcing", channels: [{ id: CHANNEL, name: "products", type: 0 }] });
	const emu = await startTmapiEmulator({ apiToken: TMAPI_TOKEN });
	const lines: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		},
	});
	const config = loadDiscordConfig({
		DISCORD_TOKEN: discord.token,
		DISCORD_APPLICATION_ID: discord.applicationId,
		DISCORD_API_BASE: discord.apiBase,
		DISCORD_GUILD_ID: GUILD,
		TMAPI_TOKEN,
		TMAPI_BASE_URL: emu.url,
		TMAPI_RETRIES: "0",
		TMAPI_TIMEOUT_MS: "1000",
		PAGE_TOKEN_SECRET: "discord-e2e-page-secret",
		...env,
	});
	const logger = createLogger({ level: "debug", destination, secrets: [TMAPI_TOKEN, discord.token] });
	await registerCommands({ ...config, logger });
	const start = async () => {
		const bot = await startDiscordBot(config, { logger });
		open.push(() => bot.stop("test"));
		return bot;
	};
	// Stopped last: the clients must be destroyed before the fake closes, or they keep reconnecting.
	open.push(() => emu.close());
	open.push(() => discord.close());
	let bot = await start();
	checks.push(() => assertNoSecretsLogged(discord, () => lines.join(""), env));
	return {
		discord,
		emu,
		get bot() {
			return bot;
		},
		logs: () => lines.join(""),
		category(options, user = asker, name = "category") {
			return discord.runCommand({
				guildId: GUILD,
				channelId: CHANNEL,
				user,
				name,
				options: Object.entries(options).map(([name, value]) => ({
					name,
					type: OPTION_TYPES[name] ?? 3,
					value,
				})),
			});
		},
		async restart() {
			await bot.stop("restart");
			bot = await start();
			return bot;
		},
	};
}
