import { type ServerResponse, STATUS_CODES } from "node:http";

const JSON_TYPE = "application/json; charset=utf-8";

/** The status a TMAPI code travels with: itself when HTTP knows it, else 200 (439 and 499 are not HTTP). */
export function httpStatusFor(code: number): number {
	return code >= 200 && code <= 599 && STATUS_CODES[code] !== undefined ? code : 200;
}

/** Sends raw text with an explicit length, so truncated and empty bodies arrive exactly as built. */
export function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
	if (res.destroyed || res.writableEnded) return;
	res.writeHead(status, {
		"content-type": contentType,
		"content-length": Buffer.byteLength(text),
	});
	res.end(text);
}

/** Sends a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	// A drift fault may return undefined, which JSON cannot encode: send it as an empty body.
	sendText(res, status, JSON_TYPE, JSON.stringify(body) ?? "");
}

/** Sends JSON cut in the middle, as a proxy that dropped the connection mid-body would leave it. */
export function sendTruncatedJson(res: ServerResponse, body: unknown): void {
	const text = JSON.stringify(body);
	sendText(res, 200, JSON_TYPE, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
}

/** Sends an empty body that still claims to be JSON, the way a crashed upstream sometimes answers. */
export function sendEmpty(res: ServerResponse, status: number): void {
	sendText(res, status, JSON_TYPE, "");
}

/** Sends the HTML error page nginx puts in front of an upstream that failed. */
export function sendNginxPage(res: ServerResponse, status: number): void {
	const title = `${status} ${STATUS_CODES[status] ?? "Error"}`;
	const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
	sendText(res, status, "text/html", html);
}
