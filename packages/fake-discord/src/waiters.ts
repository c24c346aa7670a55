import { WaitError } from "./WaitError.js";

/** Pending waits on the fake's state, re-checked whenever that state changes. */
export interface Waiters {
	/**
	 * Resolves with the first result of `check` that is not undefined, evaluated now and after every notify();
	 * rejects with a {@link WaitError} after `timeoutMs` or on close(). A check that throws rejects the wait.
	 */
	until<T>(check: () => T | undefined, timeoutMs: number, description: string): Promise<T>;
	/** Re-evaluates every pending check; call it after any change a test could wait for. */
	notify(): void;
	/** Rejects every pending wait, and every later one at once. */
	close(): void;
}

interface Pending {
	/** Returns true once the wait is settled. */
	readonly poll: () => boolean;
	readonly fail: (error: Error) => void;
	readonly description: string;
}

/** Creates an empty set of waits. One set per fake: checks are cheap, so one notify() for everything is enough. */
export function createWaiters(): Waiters {
	const pending = new Set<Pending>();
	let closed = false;

	return {
		until<T>(check: () => T | undefined, timeoutMs: number, description: string): Promise<T> {
			if (closed) return Promise.reject(new WaitError("closed", description));
			return new Promise<T>((resolve, reject) => {
				const entry: Pending = {
					poll() {
						let result: T | undefined;
						try {
							result = check();
						} catch (error) {
							settle();
							reject(error);
							return true;
						}
						if (result === undefined) return false;
						settle();
						resolve(result);
						return true;
					},
					fail(error) {
						settle();
						reject(error);
					},
					description,
				};
				const timer = setTimeout(
					() => entry.fail(new WaitError("timeout", description, timeoutMs)),
					timeoutMs,
				);
				function settle(): void {
					clearTimeout(timer);
					pending.delete(entry);
				}
				if (!entry.poll()) pending.add(entry);
			});
		},
		notify() {
			for (const entry of [...pending]) entry.poll();
		},
		close() {
			closed = true;
			for (const entry of [...pending]) entry.fail(new WaitError("closed", entry.description));
		},
	};
}
