import { CatbotError } from "../errors.js";
import type { Limits } from "../limits/createLimits.js";

/** Thrown inside a cache loader when the budget refuses the paid call; the catalog turns it into a refusal. */
export class BudgetExceededError extends CatbotError {
	constructor(
		readonly scope: "user" | "deployment",
		readonly retryAfterMs: number,
	) {
		super("budget", `The ${scope} budget of upstream calls for today is used up.`);
	}
}

/**
 * Wraps a paid upstream call: reserves it against the user's and the deployment's daily budgets first,
 * and refunds the reservation when the call fails, so only answers that arrived are paid for.
 */
export async function paidCall<T>(limits: Limits, userKey: string, call: () => Promise<T>): Promise<T> {
	const decision = await limits.spendUpstream(userKey);
	if (!decision.ok) throw new BudgetExceededError(decision.scope ?? "user", decision.retryAfterMs);
	try {
		return await call();
	} catch (error) {
		await limits.refundUpstream(userKey);
		throw error;
	}
}
