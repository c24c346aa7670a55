/** The only REST and gateway version the fake speaks, as discord.js 14 does. */
export const API_VERSION = 10;

/** Discord's default heartbeat interval, sent in HELLO. */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250;

/** How long Discord waits for the first response to an interaction before it is gone. */
export const DEFAULT_ACK_TIMEOUT_MS = 3000;

/** How long an interaction token can be used for follow-ups and edits. */
export const DEFAULT_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

/** Default timeout of every `waitFor...` helper, so a broken test fails quickly instead of hanging. */
export const DEFAULT_WAIT_TIMEOUT_MS = 3000;

/** First second of 2015, the epoch of Discord snowflakes. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

/** Message flags the fake interprets. */
export const MessageFlag = {
	SuppressEmbeds: 1 << 2,
	Ephemeral: 1 << 6,
	Loading: 1 << 7,
	SuppressNotifications: 1 << 12,
	IsComponentsV2: 1 << 15,
} as const;

/** Interaction types (what the user did). */
export const InteractionKind = {
	Ping: 1,
	ApplicationCommand: 2,
	MessageComponent: 3,
	Autocomplete: 4,
	ModalSubmit: 5,
} as const;

/** Interaction callback types (how the bot answered). */
export const CallbackType = {
	ChannelMessageWithSource: 4,
	DeferredChannelMessageWithSource: 5,
	DeferredUpdateMessage: 6,
	UpdateMessage: 7,
	AutocompleteResult: 8,
	Modal: 9,
} as const;

/** Component types the fake knows how to validate and press. */
export const ComponentKind = {
	ActionRow: 1,
	Button: 2,
	StringSelect: 3,
	TextInput: 4,
	UserSelect: 5,
	RoleSelect: 6,
	MentionableSelect: 7,
	ChannelSelect: 8,
} as const;

/** Button style 5 is a link: it opens a URL and never reaches the bot. Style 6 is a premium (SKU) button. */
export const ButtonStyle = { Link: 5, Premium: 6 } as const;

/**
 * What a bot with ordinary text permissions may do in a channel: view, send, embed links, attach files,
 * read history, add reactions, external emojis, use application commands. Sent as `app_permissions`.
 */
export const DEFAULT_APP_PERMISSIONS = String(
	(1n << 6n) |
		(1n << 10n) |
		(1n << 11n) |
		(1n << 14n) |
		(1n << 15n) |
		(1n << 16n) |
		(1n << 18n) |
		(1n << 31n),
);

/**
 * What an app may do where its bot is not a member (a server it was not added to, another user's DM, a
 * group DM), as Discord documents it for user installs: attach files, embed links, mention everyone.
 */
export const EXTERNAL_APP_PERMISSIONS = String((1n << 14n) | (1n << 15n) | (1n << 17n));

/** Interaction context types: where an interaction happens (a command's `contexts` lists the allowed ones). */
export const InteractionContext = {
	/** A server channel. */
	Guild: 0,
	/** The DM between the user and the app's bot. */
	BotDm: 1,
	/** Any other DM, and group DMs; only a user install reaches there. */
	PrivateChannel: 2,
} as const;

/** Installation (integration) types: how the app came to be usable (a command's `integration_types`). */
export const IntegrationType = {
	/** Added to a server (the bot joins it). */
	GuildInstall: 0,
	/** Added by a user to their own account (no bot anywhere). */
	UserInstall: 1,
} as const;

/** Channel types the fake creates itself. */
export const ChannelKind = { GuildText: 0, Dm: 1, GroupDm: 3 } as const;

/** What a regular member may do; sent as the member's `permissions`. */
export const DEFAULT_MEMBER_PERMISSIONS = DEFAULT_APP_PERMISSIONS;
