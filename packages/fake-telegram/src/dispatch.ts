import { ApiError } from "./ApiError.js";
import type { RequestPayload } from "./body.js";
import type { ApiCall, ApiResponse, CallLog } from "./calls.js";
import { NOT_FOUND, UNAUTHORIZED } from "./descriptions.js";
import type { FailureQueue } from "./failures.js";
import type { LatencyTable } from "./latency.js";
import type { FakeState } from "./methods/context.js";
import { METHODS } from "./methods/index.js";
import type { Params } from "./params.js";

/** One call to run: where it came from and what it asked. */
export interface CallRequest {
	readonly method: string;
	readonly payload: RequestPayload;
	readonly via: ApiCall["via"];
	readonly authorized: boolean;
	readonly signal: AbortSignal;
}

/** Runs calls: records them, applies injected failures, and turns results and errors into responses. */
export type Dispatch = (request: CallRequest) => Promise<ApiResponse>;

function recordedParams(payload: RequestPayload): Params {
	const params: Record<string, unknown> = { ...payload.params };
	for (const file of payload.files.values()) {
		params[file.field] = {
			file_name: file.filename,
			...(file.contentType === undefined ? {} : { mime_type: file.contentType }),
			file_size: file.bytes.length,
		};
	}
	return params;
}

function failure(error: unknown): ApiResponse {
	if (error instanceof ApiError) return error.toBody();
	// A bug in the fake: answer like an upstream failure so the test shows it instead of hanging.
	const message = error instanceof Error ? error.message : String(error);
	return { ok: false, error_code: 500, description: `Internal Server Error: fake-telegram: ${message}` };
}

function isPromise(value: unknown): value is Promise<unknown> {
	return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** Creates the dispatcher of one fake. */
export function createDispatch(
	fake: FakeState,
	calls: CallLog,
	failures: FailureQueue,
	latency: LatencyTable,
): Dispatch {
	return async (request) => {
		const call = calls.record(request.method, recordedParams(request.payload), request.via);
		let response: ApiResponse;
		try {
			// A delayed call is in flight, like a held long poll: a test can see it arrive before it is answered.
			if (latency.delays(request.method, call.params)) {
				calls.hold(call);
				await latency.wait(request.method, call.params, request.signal);
			}
			if (!request.authorized) throw new ApiError(401, UNAUTHORIZED);
			// Injected errors come first, so a test can fail even a method the fake does not implement.
			const injected = failures.take(request.method);
			if (injected) throw injected;
			const method = METHODS.get(request.method.toLowerCase());
			if (!method) throw new ApiError(404, NOT_FOUND);
			let result = method.handler({
				fake,
				params: request.payload.params,
				files: request.payload.files,
				signal: request.signal,
			});
			if (isPromise(result)) {
				calls.hold(call);
				result = await result;
			}
			response = { ok: true, result };
		} catch (error) {
			response = failure(error);
		}
		// A long poll whose client left has nobody to answer; its record keeps response undefined.
		if (!request.signal.aborted) calls.answer(call, response);
		return response;
	};
}
