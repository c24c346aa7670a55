import { performance } from "node:perf_hooks";
import type { IntegrationOwners, InteractionContextType } from "../installation.js";
import type { JsonObject } from "../json.js";
import type { FakeUser } from "../users.js";

/** One callback the bot sent for an interaction, accepted or not. */
export interface CallbackRecord {
	/** The callback type the bot asked for (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal). */
	readonly type: number | undefined;
	/** The callback's `data` as sent. */
	readonly data: unknown;
	/** Epoch milliseconds of arrival. */
	readonly at: number;
	/** Milliseconds between the dispatch of the interaction and the arrival of this callback. */
	readonly elapsedMs: number;
	readonly status: number;
	readonly accepted: boolean;
	/** Discord's error body when refused. */
	readonly error?: JsonObject;
}

/** One edit of a message of the interaction (PATCH on its webhook), accepted or not. */
export interface EditRecord {
	/** The message edited, `@original` resolved to its id (or "@original" if there was none). */
	readonly messageId: string;
	readonly body: unknown;
	readonly at: number;
	readonly status: number;
	readonly accepted: boolean;
	readonly error?: JsonObject;
}

/** What the fake knows about an interaction it dispatched. */
export interface StoredInteraction {
	readonly id: string;
	readonly token: string;
	/** 2 application command, 3 message component, 4 autocomplete. */
	readonly type: number;
	readonly commandName: string | undefined;
	readonly user: FakeUser;
	readonly guildId: string | undefined;
	readonly channelId: string;
	readonly context: InteractionContextType;
	/** The `authorizing_integration_owners` sent; messages answering it carry them on. */
	readonly owners: IntegrationOwners;
	/** The INTERACTION_CREATE `d` sent to the bot. */
	readonly payload: JsonObject;
	/** The message whose component was used (component interactions). */
	readonly sourceMessageId: string | undefined;
	/** performance.now() at dispatch, and the two deadlines derived from it. */
	readonly dispatchedAt: number;
	readonly ackDeadline: number;
	readonly tokenDeadline: number;
	ackWindowClosed: boolean;
	tokenExpired: boolean;
	acknowledged: boolean;
	callbackType: number | undefined;
	/** The message `@original` designates once acknowledged. */
	originalMessageId: string | undefined;
	readonly followupIds: string[];
	readonly callbacks: CallbackRecord[];
	readonly edits: EditRecord[];
}

/** What creating an interaction needs; the deadlines start now. */
export type NewInteraction = Omit<
	StoredInteraction,
	| "dispatchedAt"
	| "ackDeadline"
	| "tokenDeadline"
	| "ackWindowClosed"
	| "tokenExpired"
	| "acknowledged"
	| "callbackType"
	| "originalMessageId"
	| "followupIds"
	| "callbacks"
	| "edits"
>;

/** The interactions of one fake, with the timers that close their windows. */
export interface InteractionRegistry {
	create(input: NewInteraction): StoredInteraction;
	get(id: string): StoredInteraction | undefined;
	byToken(token: string): StoredInteraction | undefined;
	list(): readonly StoredInteraction[];
	/** Stops every timer. */
	close(): void;
}

/** Timing of the two windows; onChange runs when one closes so waits can see it. */
export interface InteractionTiming {
	readonly ackTimeoutMs: number;
	readonly tokenLifetimeMs: number;
	readonly onChange: () => void;
}

/** Creates an empty registry. */
export function createInteractionRegistry(timing: InteractionTiming): InteractionRegistry {
	const byId = new Map<string, StoredInteraction>();
	const tokens = new Map<string, StoredInteraction>();
	const timers = new Set<NodeJS.Timeout>();

	// Timers may fire a hair before performance.now() reaches the deadline; re-arm so "closed" always means late.
	function at(deadline: number, run: () => void): void {
		const timer = setTimeout(
			() => {
				timers.delete(timer);
				if (performance.now() >= deadline) run();
				else at(deadline, run);
			},
			Math.max(0, Math.ceil(deadline - performance.now())),
		);
		timer.unref();
		timers.add(timer);
	}

	return {
		create(input) {
			const dispatchedAt = performance.now();
			const interaction: StoredInteraction = {
				...input,
				dispatchedAt,
				ackDeadline: dispatchedAt + timing.ackTimeoutMs,
				tokenDeadline: dispatchedAt + timing.tokenLifetimeMs,
				ackWindowClosed: false,
				tokenExpired: false,
				acknowledged: false,
				callbackType: undefined,
				originalMessageId: undefined,
				followupIds: [],
				callbacks: [],
				edits: [],
			};
			byId.set(interaction.id, interaction);
			tokens.set(interaction.token, interaction);
			at(interaction.ackDeadline, () => {
				interaction.ackWindowClosed = true;
				timing.onChange();
			});
			at(interaction.tokenDeadline, () => {
				interaction.tokenExpired = true;
				timing.onChange();
			});
			return interaction;
		},
		get: (id) => byId.get(id),
		byToken: (token) => tokens.get(token),
		list: () => [...byId.values()],
		close() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
		},
	};
}
