import type { ServerResponse } from "node:http";

/** What a route answers: a status, an optional JSON body, optional extra headers. */
export interface RestAnswer {
	readonly status: number;
	readonly body?: unknown;
	readonly headers?: Readonly<Record<string, string>>;
}

/** Sends an answer; 204 and bodiless answers go out empty, everything else as JSON. */
export function sendAnswer(res: ServerResponse, answer: RestAnswer): void {
	if (res.destroyed || res.writableEnded) return;
	const headers: Record<string, string | number> = { ...answer.headers };
	if (answer.status === 204 || answer.body === undefined) {
		res.writeHead(answer.status, headers);
		res.end();
		return;
	}
	const text = JSON.stringify(answer.body);
	headers["content-type"] = "application/json";
	headers["content-length"] = Buffer.byteLength(text);
	res.writeHead(answer.status, headers);
	res.end(text);
}
