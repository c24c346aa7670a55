import type { IncomingMessage, ServerResponse } from "node:http";
import type { Answer } from "./answer.js";
import { TMAPI_ERROR_MESSAGES } from "./constants.js";
import type { Fault } from "./faults.js";
import { httpStatusFor, sendEmpty, sendJson, sendNginxPage, sendTruncatedJson } from "./respond.js";

function messageFor(code: number, msg: string | undefined): string {
	return msg ?? TMAPI_ERROR_MESSAGES[code] ?? "Unknown error";
}

/**
 * Plays a fault that replaces the answer entirely. Returns false for the kinds that need the normal answer
 * first ("latency", "malformed-json", "drift"), which {@link sendWithFault} then handles.
 */
export function playReplacingFault(fault: Fault, req: IncomingMessage, res: ServerResponse): boolean {
	switch (fault.kind) {
		case "hang":
			return true;
		case "reset":
			req.socket.destroy();
			return true;
		case "code":
			sendJson(res, fault.httpStatus ?? httpStatusFor(fault.code), {
				code: fault.code,
				msg: messageFor(fault.code, fault.msg),
				data: null,
			});
			return true;
		case "code-in-200":
			sendJson(res, 200, { code: fault.code, msg: messageFor(fault.code, fault.msg), data: null });
			return true;
		case "message-field":
			sendJson(res, httpStatusFor(fault.code), {
				code: fault.code,
				message: messageFor(fault.code, fault.msg),
				data: null,
			});
			return true;
		case "html":
			sendNginxPage(res, fault.status ?? 502);
			return true;
		case "empty":
			sendEmpty(res, fault.status ?? 200);
			return true;
		case "no-data":
			sendJson(res, 200, { code: 200, msg: "success" });
			return true;
		default:
			return false;
	}
}

/** Sends the normal answer, reshaped by a "malformed-json" or "drift" fault when one applies. */
export function sendWithFault(res: ServerResponse, answer: Answer, fault: Fault | undefined): void {
	if (fault?.kind === "malformed-json") {
		sendTruncatedJson(res, answer.body);
		return;
	}
	if (fault?.kind === "drift") {
		// The body is built fresh for every request, so mutate may change it in place.
		sendJson(res, answer.status, fault.mutate(answer.body));
		return;
	}
	sendJson(res, answer.status, answer.body);
}
