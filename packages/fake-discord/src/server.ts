import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeDiscord } from "./FakeDiscord.js";
import { createGateway } from "./gateway/gateway.js";
import { sessionInfo } from "./gateway/sessions.js";
import { createFaults } from "./http/faults.js";
import type { RecordedRequest, Violation } from "./http/requestLog.js";
import { createRestPipeline } from "./http/restServer.js";
import { type FakeDiscordOptions, resolveOptions } from "./options.js";
import { channelRoutes } from "./routes/channels.js";
import { commandRoutes } from "./routes/commands.js";
import { identityRoutes } from "./routes/identity.js";
import { interactionCallbackRoutes } from "./routes/interactionCallback.js";
import { webhookRoutes } from "./routes/webhooks.js";
import { checkSnowflake } from "./simulate/ids.js";
import { createSimulator } from "./simulate/simulator.js";
import { createSnowflakes } from "./snowflake.js";
import { guildCreatePayload } from "./state/apiGuild.js";
import { recordedMessage } from "./state/apiMessage.js";
import { createCommandStore } from "./state/commands.js";
import { createGuildRegistry } from "./state/guilds.js";
import { createInteractionRegistry } from "./state/interactions.js";
import { createMessageStore } from "./state/messages.js";
import type { FakeState } from "./state/state.js";
import { createBotToken } from "./tokens.js";
import { createWaiters } from "./waiters.js";

/**
 * Starts a fake Discord on 127.0.0.1 for end-to-end tests of a discord.js bot: REST under `/v10` and a
 * gateway on the same port. Always close it (after destroying the client, or the client will try to
 * reconnect).
 *
 * @example
 * ```ts
 * const discord = await startFakeDiscord({ ackTimeoutMs: 500 });
 * const guild = discord.addGuild({ id: "1100000000000000001", name: "Test" });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase } });
 * await client.login(discord.token);
 * const handle = await discord.runCommand({ guildId: guild.id, channelId: guild.channels[0].id, user, name: "category" });
 * await handle.response();
 * await client.destroy();
 * await discord.close();
 * ```
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
	const settings = resolveOptions(options);
	const nextId = createSnowflakes();
	const applicationId = options.applicationId ?? nextId();
	const botUserId = options.botUserId ?? applicationId;
	checkSnowflake("application", applicationId);
	checkSnowflake("bot user", botUserId);
	const token = options.token ?? createBotToken(botUserId);
	const waiters = createWaiters();
	const notify = () => waiters.notify();
	const state: FakeState = {
		token,
		bot: { applicationId, user: { id: botUserId, username: settings.botUsername } },
		nextId,
		guilds: createGuildRegistry(nextId),
		messages: createMessageStore(nextId),
		commands: createCommandStore(applicationId, nextId),
		interactions: createInteractionRegistry({ ...settings, onChange: notify }),
		waiters,
	};

	const requests: RecordedRequest[] = [];
	const violations: Violation[] = [];
	const internalErrors: unknown[] = [];
	const faults = createFaults();
	let gatewayUrl = "";
	const handle = createRestPipeline({
		routes: [
			...identityRoutes(state, () => gatewayUrl),
			...interactionCallbackRoutes(state),
			...webhookRoutes(state),
			...commandRoutes(state),
			...channelRoutes(state),
		],
		token,
		faults,
		record: (request) => {
			requests.push(request);
			notify();
		},
		violation: (violation) => violations.push(violation),
		internalError: (error) => internalErrors.push(error),
	});

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			// The pipeline answers every failure itself; reaching here is a bug of the fake, kept visible.
			internalErrors.push(error);
			res.destroy();
		});
	});
	const gateway = createGateway({
		server,
		token,
		bot: state.bot,
		heartbeatIntervalMs: settings.heartbeatIntervalMs,
		url: () => gatewayUrl,
		guilds: () => state.guilds.list().map((guild) => guildCreatePayload(guild, state.bot.user)),
		onChange: notify,
	});
	server.listen(settings.port, "127.0.0.1");
	await once(server, "listening");
	const { port } = server.address() as AddressInfo;
	gatewayUrl = `ws://127.0.0.1:${port}`;
	const simulator = createSimulator({ ...settings, state, gateway });

	let closing: Promise<void> | undefined;
	return {
		apiBase: `http://127.0.0.1:${port}`,
		gatewayUrl,
		port,
		token,
		applicationId,
		botUser: state.bot.user,
		addGuild(input) {
			checkSnowflake("guild", input.id);
			for (const channel of input.channels ?? []) checkSnowflake("channel", channel.id);
			const guild = state.guilds.add(input);
			gateway.dispatch("GUILD_CREATE", guildCreatePayload(guild, state.bot.user), guild.id);
			return guild;
		},
		runCommand: (input) => simulator.runCommand(input),
		pressButton: (input) => simulator.pressButton(input),
		selectMenu: (input) => simulator.selectMenu(input),
		autocomplete: (input) => simulator.autocomplete(input),
		get requests() {
			return [...requests];
		},
		waitForRequest(predicate, timeoutMs = settings.waitTimeoutMs) {
			return waiters.until(() => requests.find(predicate), timeoutMs, "a matching REST request");
		},
		get violations() {
			return [...violations];
		},
		get internalErrors() {
			return [...internalErrors];
		},
		get commands() {
			return state.commands.all();
		},
		channelMessages(channelId, { viewerId } = {}) {
			return state.messages
				.list()
				.filter((m) => m.channelId === channelId && (m.visibleTo === undefined || m.visibleTo === viewerId))
				.map((m) => recordedMessage(m, state.bot));
		},
		message(id) {
			const message = state.messages.get(id);
			return message && recordedMessage(message, state.bot);
		},
		failNext: (matcher, failure) => faults.add(matcher, failure),
		get sessions() {
			return gateway.sessions();
		},
		waitForBot(timeoutMs = settings.waitTimeoutMs) {
			return waiters.until(
				() => {
					const session = gateway.sessionFor(undefined);
					return session && sessionInfo(session);
				},
				timeoutMs,
				"a bot connected to the gateway",
			);
		},
		dropGateway: () => gateway.drop(),
		close() {
			closing ??= new Promise<void>((resolve, reject) => {
				state.interactions.close();
				waiters.close();
				gateway.close();
				server.close((error) => (error ? reject(error) : resolve()));
				// close() alone waits for keep-alive sockets (undici keeps them); tests must not.
				server.closeAllConnections();
			});
			return closing;
		},
	};
}
