/**
 * How long an answer may take before the interaction is acknowledged first. Discord allows 3 s; a store
 * call is usually a few milliseconds, but a busy database may wait seconds for a connection.
 */
export const ACK_AFTER_MS = 1_500;

/** An acknowledgement that runs at most once, however many paths ask for it (a timer, a paid-call hook). */
export function once(acknowledge: () => Promise<unknown>): () => Promise<unknown> {
	let started: Promise<unknown> | undefined;
	return () => {
		started ??= acknowledge();
		return started;
	};
}

/**
 * Runs `work`, acknowledging the interaction with `defer` if it is not done within `ms`, and waits for
 * that acknowledgement before returning, so the caller can look at `interaction.deferred` to edit or reply.
 */
export async function withinAckWindow<T>(
	work: () => Promise<T>,
	defer: () => Promise<unknown>,
	ms = ACK_AFTER_MS,
): Promise<T> {
	let deferring: Promise<unknown> | undefined;
	const timer = setTimeout(() => {
		deferring = defer();
		// Awaited below; this keeps a failure from being unhandled meanwhile.
		deferring.catch(() => undefined);
	}, ms);
	try {
		return await work();
	} finally {
		clearTimeout(timer);
		await deferring;
	}
}
