import type { SessionInfo } from "./gateway/sessions.js";
import type { InjectedFailure, RequestMatcher } from "./http/faults.js";
import type { RecordedRequest, Violation } from "./http/requestLog.js";
import type { InteractionHandle } from "./simulate/InteractionHandle.js";
import type {
	AutocompleteInput,
	ComponentInput,
	RunCommandInput,
	SelectMenuInput,
} from "./simulate/inputs.js";
import type { RecordedMessage } from "./state/apiMessage.js";
import type { RegisteredCommand } from "./state/commands.js";
import type { FakeGuild, GuildInput } from "./state/guilds.js";
import type { FakeUser } from "./users.js";

/** Which messages {@link FakeDiscord.channelMessages} returns besides the public ones. */
export interface ChannelMessagesOptions {
	/** Also return the ephemeral messages this user can see. */
	readonly viewerId?: string;
}

/**
 * A running fake Discord: REST under `${apiBase}/v10` and a gateway, enough for discord.js 14 to log in,
 * receive interactions and answer them, with Discord's rules enforced and everything recorded.
 */
export interface FakeDiscord {
	/** "http://127.0.0.1:PORT": pass it as discord.js `rest: { api }` (and to `new REST({ api })`). */
	readonly apiBase: string;
	/** "ws://127.0.0.1:PORT", also what GET /gateway/bot answers. */
	readonly gatewayUrl: string;
	readonly port: number;
	/** The token the fake accepts. */
	readonly token: string;
	readonly applicationId: string;
	/** The bot's user (its id is the application id unless `botUserId` was given). */
	readonly botUser: FakeUser;

	/** Adds a guild the bot is in; a connected bot receives GUILD_CREATE for it at once. */
	addGuild(guild: GuildInput): FakeGuild;

	/**
	 * A user runs a slash command. Waits (up to waitTimeoutMs) for a bot to be connected and ready. With
	 * `context` and `authorizingIntegrationOwners` the user may act through a user install, even where the
	 * bot is not; a registered command is refused (it never reaches the bot) where its `contexts` and
	 * `integration_types` do not offer it, as Discord's client would not.
	 */
	runCommand(input: RunCommandInput): Promise<InteractionHandle>;
	/** A user clicks a button of a message the bot posted. */
	pressButton(input: ComponentInput): Promise<InteractionHandle>;
	/** A user picks values in a select menu of a message the bot posted. */
	selectMenu(input: SelectMenuInput): Promise<InteractionHandle>;
	/** A user types in an autocomplete option (exactly one option has `focused: true`). */
	autocomplete(input: AutocompleteInput): Promise<InteractionHandle>;

	/** Every REST request answered, oldest first (snapshot). */
	readonly requests: readonly RecordedRequest[];
	/** Resolves with the first request (already answered or future) matching `predicate`. */
	waitForRequest(
		predicate: (request: RecordedRequest) => boolean,
		timeoutMs?: number,
	): Promise<RecordedRequest>;
	/** Every Discord rule the bot broke (4xx answers the fake computed, not injected ones), oldest first. */
	readonly violations: readonly Violation[];
	/** Errors inside the fake itself (answered 500); should stay empty. */
	readonly internalErrors: readonly unknown[];

	/** The registered application commands, global ones (no guild_id) and per guild. */
	readonly commands: readonly RegisteredCommand[];

	/** The bot's messages in a channel, oldest first, as they are now (after edits, without deleted ones). */
	channelMessages(channelId: string, options?: ChannelMessagesOptions): readonly RecordedMessage[];
	/** One message by id, ephemeral or not. */
	message(id: string): RecordedMessage | undefined;

	/**
	 * Makes the next request(s) matching `matcher` fail with `failure` instead of being processed.
	 *
	 * @example
	 * ```ts
	 * discord.failNext((r) => r.path.endsWith("/callback"), { status: 404, body: { message: "Unknown interaction", code: 10062 } });
	 * discord.failNext((r) => r.method === "PUT", { status: 429, retryAfter: 0.05 });
	 * ```
	 */
	failNext(matcher: RequestMatcher, failure: InjectedFailure): void;

	/** The gateway sessions, connected or waiting for a RESUME. */
	readonly sessions: readonly SessionInfo[];
	/** Resolves once a bot is connected and has received READY and its guilds. */
	waitForBot(timeoutMs?: number): Promise<SessionInfo>;
	/** Cuts every gateway socket without a close frame, as a network failure would; clients can RESUME. */
	dropGateway(): void;

	/** Closes gateway sockets and the HTTP server and fails pending waits; prompt and safe to call twice. */
	close(): Promise<void>;
}
