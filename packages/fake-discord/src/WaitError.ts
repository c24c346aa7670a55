/** Why a `waitFor...` helper gave up. */
export type WaitErrorReason = "timeout" | "closed";

/**
 * Thrown by the fake's `waitFor...` helpers when what they wait for did not happen in time, or the fake was
 * closed while they waited. The message names what was awaited, so a failing test says what never came.
 */
export class WaitError extends Error {
	override readonly name = "WaitError";
	readonly reason: WaitErrorReason;

	constructor(reason: WaitErrorReason, description: string, timeoutMs?: number) {
		super(
			reason === "timeout"
				? `Fake Discord: timed out after ${timeoutMs}ms waiting for ${description}`
				: `Fake Discord: closed while waiting for ${description}`,
		);
		this.reason = reason;
	}
}
