import { ApiFailure } from "../http/ApiFailure.js";

/** The fields every recorded attempt has besides its outcome. */
interface Outcome {
	readonly status: number;
	readonly accepted: boolean;
	readonly error?: ApiFailure["body"];
}

/**
 * Runs `attempt` and records its outcome with `push`, whether it succeeded or Discord refused it, then
 * rethrows the refusal: tests can read every callback or edit the bot tried, not only the ones that worked.
 */
export function recordAttempt<T>(push: (outcome: Outcome) => void, status: number, attempt: () => T): T {
	try {
		const result = attempt();
		push({ status, accepted: true });
		return result;
	} catch (error) {
		if (error instanceof ApiFailure) push({ status: error.status, accepted: false, error: error.body });
		throw error;
	}
}
