import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { API_VERSION } from "../constants.js";
import { ApiFailure, invalidApiVersion, methodNotAllowed, notFound, unauthorized } from "./ApiFailure.js";
import { type Faults, faultAnswer } from "./faults.js";
import { type ParsedBody, readBody } from "./readBody.js";
import type { RecordedRequest, Violation } from "./requestLog.js";
import { type RestAnswer, sendAnswer } from "./respond.js";
import { createRouter, type RestRequest, type Route } from "./router.js";

/** What the REST pipeline needs from the fake. */
export interface RestPipelineOptions {
	readonly routes: readonly Route[];
	readonly token: string;
	readonly faults: Faults;
	readonly record: (request: RecordedRequest) => void;
	readonly violation: (violation: Violation) => void;
	/** A bug in the fake itself: the request is answered 500 and the error handed here. */
	readonly internalError: (error: unknown) => void;
}

// "/v10/..." as discord.js sends it with `rest.api` set to the fake; "/api/v10/..." for a base ending in /api.
const VERSIONED = /^(?:\/api)?\/v(\d+)(\/.*)?$/;

const INTERNAL_ERROR: RestAnswer = { status: 500, body: { message: "500: Internal Server Error", code: 0 } };

/**
 * Creates the request handler: parse, let an injected failure answer, else route, check auth and run the
 * route. Every request is recorded before its answer leaves, so a test that awaited the bot's call sees it.
 */
export function createRestPipeline(options: RestPipelineOptions) {
	const match = createRouter(options.routes);
	const authorization = `Bot ${options.token}`;

	function run(auth: string | undefined, request: Omit<RestRequest, "params">): RestAnswer {
		const found = match(request.method, request.path);
		if (found.kind === "none") throw notFound();
		if (found.kind === "wrong-method") throw methodNotAllowed();
		if (found.route.auth && auth !== authorization) throw unauthorized();
		return found.route.handle({ ...request, params: found.params });
	}

	// Injected failures come first, like an outage in front of the API: even a wrong path or token gets them.
	function decide(
		req: IncomingMessage,
		request: Omit<RestRequest, "params">,
		version: string | undefined,
	): { answer: RestAnswer; injected: boolean } {
		const fault = options.faults.take(request);
		if (fault) return { answer: faultAnswer(fault), injected: true };
		if (version === undefined) throw notFound();
		if (Number(version) !== API_VERSION) throw invalidApiVersion();
		return { answer: run(req.headers.authorization, request), injected: false };
	}

	return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const arrivedAt = performance.now();
		const at = Date.now();
		const method = (req.method ?? "GET").toUpperCase();
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		const versioned = VERSIONED.exec(url.pathname);
		const path = versioned ? (versioned[2] ?? "/") : url.pathname;
		const query = Object.fromEntries(url.searchParams);
		let parsed: ParsedBody = { json: undefined, files: [] };
		let answer: RestAnswer;
		let injected = false;
		let failure: ApiFailure | undefined;
		try {
			parsed = await readBody(req);
			const request = { method, path, query, body: parsed.json, files: parsed.files, arrivedAt, at };
			({ answer, injected } = decide(req, request, versioned?.[1]));
		} catch (error) {
			if (error instanceof ApiFailure) {
				failure = error;
				answer = { status: error.status, body: error.body };
			} else {
				options.internalError(error);
				answer = INTERNAL_ERROR;
			}
		}
		options.record({
			method,
			path,
			query,
			body: parsed.json,
			files: parsed.files,
			at,
			status: answer.status,
			response: answer.body,
			injected,
		});
		if (failure) {
			const { kind, status, code, message, body } = failure;
			options.violation({ kind, method, path, status, code, message, body, at });
		}
		sendAnswer(res, answer);
	};
}
