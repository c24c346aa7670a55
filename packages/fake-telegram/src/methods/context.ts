import type { UploadedPart } from "../body.js";
import type { CallbackRegistry } from "../callbacks.js";
import type { FileStore } from "../files.js";
import type { FormattingOptions } from "../formatting.js";
import type { InlineRegistry } from "../inline.js";
import type { Params } from "../params.js";
import type { FloodControl } from "../rateLimit.js";
import type { World } from "../state.js";
import type { BotCommand } from "../types.js";
import type { UpdateQueue } from "../updates.js";
import type { WebhookDelivery } from "../webhook.js";

/** Everything one fake holds, shared by its method handlers and its test-facing API. */
export interface FakeState {
	readonly world: World;
	readonly updates: UpdateQueue;
	readonly webhook: WebhookDelivery;
	readonly callbacks: CallbackRegistry;
	/** Inline mode: its settings, the queries sent and the answers given. */
	readonly inline: InlineRegistry;
	readonly files: FileStore;
	readonly flood: FloodControl;
	readonly formatting: FormattingOptions;
	/** setMyCommands lists, keyed by scope and language. */
	readonly commands: Map<string, readonly BotCommand[]>;
}

/** One call as a handler sees it. */
export interface MethodContext {
	readonly fake: FakeState;
	readonly params: Params;
	readonly files: ReadonlyMap<string, UploadedPart>;
	/** Aborts when the client goes away; long polls stop holding then. */
	readonly signal: AbortSignal;
}

/**
 * A Bot API method: returns the result (or a promise of it, for long polls) or throws an ApiError.
 * Handlers validate everything before changing any state, so a refused call leaves no trace but its record.
 */
export type MethodHandler = (context: MethodContext) => unknown;
