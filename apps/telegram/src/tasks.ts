import type { Logger } from "@catbot/core";

/** Background work the bot waits for on shutdown; see {@link createTasks}. */
export interface Tasks {
	/** Runs `work` in the background; a failure is logged with `name`. */
	run(name: string, work: () => Promise<unknown>): void;
	/** Resolves when every running task has finished, or after `timeoutMs`. */
	drain(timeoutMs: number): Promise<void>;
	readonly size: number;
}

/**
 * Runs update handlers in the background and keeps track of them. telegraf's long polling waits for a
 * whole batch of updates before fetching the next, so one slow upstream call would hold up every chat;
 * detached work does not, and shutdown can still wait for it to finish.
 */
export function createTasks(logger: Logger): Tasks {
	const running = new Set<Promise<void>>();
	return {
		run(name: string, work: () => Promise<unknown>): void {
			const task = work()
				.then(() => undefined)
				.catch((error: unknown) => logger.error({ err: error, task: name }, "handler failed"))
				.finally(() => running.delete(task));
			running.add(task);
		},
		/** Resolves when every running task has finished, or after `timeoutMs`. */
		async drain(timeoutMs: number): Promise<void> {
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([
				Promise.allSettled([...running]),
				new Promise((resolve) => {
					timer = setTimeout(resolve, timeoutMs);
				}),
			]);
			clearTimeout(timer);
		},
		get size() {
			return running.size;
		},
	};
}
