import type { ServerResponse } from "node:http";
import type { ApiResponse } from "./calls.js";

/** Writes a Bot API answer with the HTTP status Telegram uses: 200, or the error code. */
export function sendApiResponse(res: ServerResponse, response: ApiResponse): void {
	if (res.destroyed || res.writableEnded) return;
	const body = JSON.stringify(response);
	const status = response.ok ? 200 : response.error_code;
	res.writeHead(status >= 200 && status <= 599 ? status : 400, {
		"content-type": "application/json",
		"content-length": Buffer.byteLength(body),
	});
	res.end(body);
}

/** Resolves when every response has finished or closed, or after `ms`, whichever comes first. */
export function settled(responses: Iterable<ServerResponse>, ms: number): Promise<void> {
	const pending = [...responses].filter((res) => !res.writableFinished && !res.destroyed);
	if (pending.length === 0) return Promise.resolve();
	return new Promise((resolve) => {
		let left = pending.length;
		const timer = setTimeout(resolve, ms);
		const done = (): void => {
			left -= 1;
			if (left === 0) {
				clearTimeout(timer);
				resolve();
			}
		};
		for (const res of pending) res.once("close", done);
	});
}
