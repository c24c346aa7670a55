import type { JsonObject } from "../json.js";
import { type RecordedMessage, recordedMessage } from "../state/apiMessage.js";
import type { CallbackRecord, EditRecord, StoredInteraction } from "../state/interactions.js";
import type { FakeState } from "../state/state.js";

/**
 * A simulated interaction, to observe how the bot answered it. Lists are snapshots taken when read.
 *
 * @example
 * ```ts
 * const handle = await discord.runCommand({ guildId, channelId, user, name: "category", options });
 * const callback = await handle.response(); // {type: 4, status: 204, accepted: true, ...}
 * expect(handle.original?.embeds[0]?.title).toBe("...");
 * ```
 */
export interface InteractionHandle {
	readonly id: string;
	readonly token: string;
	/** 2 application command, 3 message component, 4 autocomplete. */
	readonly type: number;
	/** The INTERACTION_CREATE data sent to the bot. */
	readonly payload: JsonObject;
	/** Whether a callback was accepted. */
	readonly acknowledged: boolean;
	/** Every callback the bot sent, accepted or refused, in order. */
	readonly callbacks: readonly CallbackRecord[];
	/** Every edit of this interaction's messages through its webhook, accepted or refused. */
	readonly edits: readonly EditRecord[];
	/** The message `@original` designates: the reply, the deferred message, or the component's message. */
	readonly original: RecordedMessage | undefined;
	/** Follow-up messages that still exist (a follow-up filling a deferred reply in is the original instead). */
	readonly followups: readonly RecordedMessage[];
	/** The original (unless it is the component's message) and the follow-ups, ephemeral ones included. */
	readonly messages: readonly RecordedMessage[];
	/** The first callback, whether accepted or not; rejects with a WaitError after the default timeout. */
	response(): Promise<CallbackRecord>;
	waitForResponse(timeoutMs?: number): Promise<CallbackRecord>;
	/** The first edit attempt. */
	waitForEdit(timeoutMs?: number): Promise<EditRecord>;
	/** The first follow-up. */
	waitForFollowup(timeoutMs?: number): Promise<RecordedMessage>;
	/** Waits until `check` returns something other than undefined or false, re-checked on every change. */
	waitUntil<T>(check: (handle: InteractionHandle) => T | undefined | false, timeoutMs?: number): Promise<T>;
	/** Resolves once the 3-second window (ackTimeoutMs) is over: a callback sent afterwards gets 10062. */
	ackExpired(): Promise<void>;
	/** Resolves once the token's 15 minutes (tokenLifetimeMs) are over: webhooks then answer 401 50027. */
	tokenExpired(): Promise<void>;
}

/** Timing the handle needs for its default timeouts. */
export interface HandleTiming {
	readonly waitTimeoutMs: number;
	readonly ackTimeoutMs: number;
	readonly tokenLifetimeMs: number;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Wraps a stored interaction for tests. */
export function createInteractionHandle(
	interaction: StoredInteraction,
	state: FakeState,
	timing: HandleTiming,
): InteractionHandle {
	const record = (id: string | undefined) => {
		const message = id === undefined ? undefined : state.messages.get(id);
		return message && recordedMessage(message, state.bot);
	};
	const followups = () =>
		interaction.followupIds.map(record).filter((m): m is RecordedMessage => m !== undefined);
	const label = `interaction ${interaction.id}`;

	const handle: InteractionHandle = {
		id: interaction.id,
		token: interaction.token,
		type: interaction.type,
		payload: structuredClone(interaction.payload),
		get acknowledged() {
			return interaction.acknowledged;
		},
		get callbacks() {
			return structuredClone(interaction.callbacks);
		},
		get edits() {
			return structuredClone(interaction.edits);
		},
		get original() {
			return record(interaction.originalMessageId);
		},
		get followups() {
			return followups();
		},
		get messages() {
			const original =
				interaction.originalMessageId === interaction.sourceMessageId ? undefined : handle.original;
			return [...(original ? [original] : []), ...followups()];
		},
		response: () => handle.waitForResponse(),
		waitForResponse(timeoutMs = timing.waitTimeoutMs) {
			return state.waiters.until(() => handle.callbacks[0], timeoutMs, `a callback for ${label}`);
		},
		waitForEdit(timeoutMs = timing.waitTimeoutMs) {
			return state.waiters.until(() => handle.edits[0], timeoutMs, `an edit for ${label}`);
		},
		waitForFollowup(timeoutMs = timing.waitTimeoutMs) {
			return state.waiters.until(() => followups()[0], timeoutMs, `a follow-up for ${label}`);
		},
		waitUntil(check, timeoutMs = timing.waitTimeoutMs) {
			return state.waiters.until(
				() => {
					const result = check(handle);
					return result === false ? undefined : result;
				},
				timeoutMs,
				`a condition on ${label}`,
			);
		},
		ackExpired() {
			const timeoutMs = Math.min(MAX_TIMER_MS, timing.ackTimeoutMs + timing.waitTimeoutMs);
			return state.waiters
				.until(() => interaction.ackWindowClosed || undefined, timeoutMs, `the end of ${label}'s ack window`)
				.then(() => undefined);
		},
		tokenExpired() {
			const timeoutMs = Math.min(MAX_TIMER_MS, timing.tokenLifetimeMs + timing.waitTimeoutMs);
			return state.waiters
				.until(() => interaction.tokenExpired || undefined, timeoutMs, `the expiry of ${label}'s token`)
				.then(() => undefined);
		},
	};
	return handle;
}
