import { type CounterFactory, memoryCounters } from "./counters.js";
import { type BudgetDecision, createDailyBudget } from "./dailyBudget.js";
import { createSlidingWindowLimiter, type LimitDecision } from "./slidingWindow.js";

/** Options of {@link createLimits}. */
export interface LimitsOptions {
	/** Where the counts live; in this process's memory by default (the host shares them through Redis). */
	readonly counters?: CounterFactory;
	/** Actions per user per window (default 6 per 30 s). */
	readonly actionsPerWindow?: number;
	readonly windowMs?: number;
	/** Upstream calls (cache misses) per user per UTC day. */
	readonly userDailyBudget?: number;
	/** Upstream calls for the whole deployment per UTC day. */
	readonly dailyBudget?: number;
	/** Key prefix, so tests and deployments sharing one Redis stay apart. */
	readonly prefix?: string;
	readonly now?: () => number;
}

/** The limits the catalog applies: actions per user, and the upstream budgets. */
export interface Limits {
	/** Counts one user action (a command or a button press). */
	action(userKey: string): Promise<LimitDecision>;
	/** Reserves one upstream call for the user and the deployment; `scope` says which budget refused. */
	spendUpstream(userKey: string): Promise<BudgetDecision & { readonly scope?: "user" | "deployment" }>;
	/** Gives back a reserved call whose upstream request failed. */
	refundUpstream(userKey: string): Promise<void>;
}

/**
 * Builds the per-user action limit and the daily upstream budgets on rate-limiter-flexible counters, in
 * memory unless `counters` puts them elsewhere (the runtime's Redis counters).
 *
 * @example
 * const limits = createLimits({ actionsPerWindow: 6, windowMs: 30_000, userDailyBudget: 200, dailyBudget: 2000 });
 * const decision = await limits.action("telegram:42");
 */
export function createLimits(options: LimitsOptions = {}): Limits {
	const prefix = options.prefix ?? "catbot";
	const points = options.actionsPerWindow ?? 6;
	const windowMs = options.windowMs ?? 30_000;
	const windowSec = Math.max(1, Math.ceil(windowMs / 1000));
	const now = options.now ?? Date.now;
	const createCounters = options.counters ?? memoryCounters;

	const action = createSlidingWindowLimiter({
		points,
		windowMs,
		counters: createCounters({
			kind: "actions",
			keyPrefix: `${prefix}:act`,
			points: Number.MAX_SAFE_INTEGER,
			durationSec: windowSec * 2,
		}),
		notices: createCounters({
			kind: "notices",
			keyPrefix: `${prefix}:notice`,
			points: 1,
			durationSec: windowSec,
		}),
		now,
	});
	const userBudget = createDailyBudget(
		createCounters({
			kind: "budget",
			keyPrefix: `${prefix}:budget:user`,
			points: options.userDailyBudget ?? 200,
			durationSec: 86_400,
		}),
		now,
	);
	const deploymentBudget = createDailyBudget(
		createCounters({
			kind: "budget",
			keyPrefix: `${prefix}:budget:all`,
			points: options.dailyBudget ?? 2_000,
			durationSec: 86_400,
		}),
		now,
	);

	return {
		action: (userKey) => action.hit(userKey),
		async spendUpstream(userKey) {
			const mine = await userBudget.spend(userKey);
			if (!mine.ok) return { ...mine, scope: "user" };
			const ours = await deploymentBudget.spend("all");
			if (ours.ok) return ours;
			await userBudget.refund(userKey);
			return { ...ours, scope: "deployment" };
		},
		async refundUpstream(userKey) {
			await Promise.all([userBudget.refund(userKey), deploymentBudget.refund("all")]);
		},
	};
}
