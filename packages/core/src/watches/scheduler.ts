import type { Logger } from "../logging/logger.js";
import type { Place } from "../store/place.js";
import type { Watches, WatchPost } from "./types.js";

/** Options of {@link createWatchScheduler}. */
export interface WatchSchedulerOptions {
	readonly watches: Watches;
	/** Sends one post in its place (the adapter's renderer). A throw is logged; see `isGone`. */
	readonly send: (post: WatchPost) => Promise<unknown>;
	/**
	 * Whether a send error means the bot can no longer post in that place (Telegram 403, Discord 50001 or
	 * 10003): the place's watches are then paused instead of failing every run.
	 */
	readonly isGone?: (error: unknown) => boolean;
	readonly logger: Logger;
	/** How often to look for due watches. Default 60 s; at least 1 s. */
	readonly intervalMs?: number;
	/** Watches claimed per tick, 1..100. Default 20. */
	readonly limit?: number;
	/** The platform this process posts to: only its places' watches are claimed. */
	readonly platform?: Place["platform"];
}

/** A timer that runs due watches and sends their posts; see {@link createWatchScheduler}. */
export interface WatchScheduler {
	/** Starts the timer (a first tick at once). Safe to call twice. */
	start(): void;
	/** Stops the timer and waits for a tick in progress. */
	stop(): Promise<void>;
	/**
	 * One round: claims and runs up to `limit` due watches and sends their posts (a backlog is worked off
	 * over the next ticks). A tick
	 * while one runs joins it instead of overlapping. Resolves to the posts sent (gone places excluded).
	 */
	tick(): Promise<number>;
}

/**
 * Runs watches on a timer for one bot process. Ticks never overlap within the process, and claims keep
 * processes sharing a database from running one watch twice. Errors are logged, never thrown out of the
 * timer; the clock of the runs is the one given to createWatches, so tests call `tick()` after moving it.
 *
 * @example
 * const scheduler = createWatchScheduler({ watches, logger, send: (post) => renderPost(bot, post), isGone });
 * scheduler.start();
 */
export function createWatchScheduler(options: WatchSchedulerOptions): WatchScheduler {
	const { watches, logger } = options;
	const intervalMs = Math.max(1_000, Math.trunc(options.intervalMs ?? 60_000) || 60_000);
	const limit = options.limit ?? 20;
	let timer: ReturnType<typeof setInterval> | undefined;
	let running: Promise<number> | undefined;

	async function deliver(post: WatchPost): Promise<boolean> {
		try {
			await options.send(post);
			return true;
		} catch (error) {
			if (options.isGone?.(error)) {
				await watches.placeGone(post.place).catch((pauseError: unknown) => {
					logger.warn({ err: pauseError }, "could not pause the watches of a place the bot left");
				});
			} else logger.warn({ err: error, watch: post.watchId }, "watch post could not be sent");
			return false;
		}
	}

	async function round(): Promise<number> {
		let sent = 0;
		const posts = await watches.runDue({
			limit,
			...(options.platform ? { platform: options.platform } : {}),
		});
		// Sent in order, one at a time: posts to one place stay in order, and chats' rate limits hold.
		for (const post of posts) if (await deliver(post)) sent++;
		return sent;
	}

	function tick(): Promise<number> {
		running ??= round()
			.catch((error: unknown) => {
				logger.warn({ err: error }, "watch round failed; trying again next tick");
				return 0;
			})
			.finally(() => {
				running = undefined;
			});
		return running;
	}

	return {
		start() {
			if (timer) return;
			timer = setInterval(() => void tick(), intervalMs);
			timer.unref?.();
			void tick();
		},
		async stop() {
			if (timer) clearInterval(timer);
			timer = undefined;
			await running;
		},
		tick,
	};
}
