/**
 * Returns a function that runs `action` at most once per `intervalMs`, so an outage that fails every call
 * produces one log line per interval instead of one per call.
 */
export function throttle<TArgs extends unknown[]>(
	intervalMs: number,
	action: (...args: TArgs) => void,
	now: () => number = Date.now,
): (...args: TArgs) => void {
	let last = Number.NEGATIVE_INFINITY;
	return (...args) => {
		const at = now();
		if (at - last < intervalMs) return;
		last = at;
		action(...args);
	};
}
