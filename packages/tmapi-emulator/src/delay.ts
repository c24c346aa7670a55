import type { ServerResponse } from "node:http";

/**
 * Waits `ms` unless the response closes first (client abort, or close() destroying the socket), so no timer
 * outlives its request. Resolves true when the wait ran out and the response can still be written.
 */
export function delayResponse(res: ServerResponse, ms: number): Promise<boolean> {
	if (ms <= 0 || res.destroyed) return Promise.resolve(!res.destroyed);
	return new Promise((resolve) => {
		const onClose = (): void => {
			clearTimeout(timer);
			resolve(false);
		};
		const timer = setTimeout(() => {
			res.off("close", onClose);
			resolve(!res.destroyed);
		}, ms);
		res.once("close", onClose);
	});
}
