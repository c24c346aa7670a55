import { type Answer, failure, ParameterError } from "./answer.js";
import type { CatalogData } from "./catalog.js";
import { answerInfo } from "./info.js";
import type { QueryParams } from "./query.js";
import type { StatsEndpoint } from "./stats.js";
import { answerV1 } from "./v1.js";
import { answerV2 } from "./v2.js";

const ROUTES: Readonly<Record<string, Exclude<StatsEndpoint, "other">>> = {
	"/1688/category/items": "v1",
	"/1688/category/items/v2": "v2",
	"/1688/category/info": "info",
};

/** Which endpoint a path names; a trailing slash is tolerated as most HTTP servers do. */
export function endpointOf(pathname: string): StatsEndpoint {
	const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
	return ROUTES[path] ?? "other";
}

/** Everything a normal (fault-free) answer depends on. */
export interface RequestContext {
	readonly endpoint: StatsEndpoint;
	readonly method: string;
	readonly params: QueryParams;
	readonly catalog: CatalogData;
	/** The token requests must carry, or undefined to accept any. */
	readonly apiToken: string | undefined;
}

function gatewayError(code: number, msg: string): Answer {
	return { status: code, body: { code, msg } };
}

/** The answer a healthy TMAPI would give. */
export function answerRequest(context: RequestContext): Answer {
	const { endpoint, params, catalog } = context;
	// Routing and auth errors come from the gateway in front of the API, so they carry no `data` key.
	if (endpoint === "other") return gatewayError(404, "Not Found");
	if (context.method !== "GET") return gatewayError(405, "Method Not Allowed");
	if (context.apiToken !== undefined && params.apiToken !== context.apiToken) {
		return gatewayError(401, "Invalid apiToken");
	}
	try {
		if (endpoint === "v1") return answerV1(catalog, params);
		if (endpoint === "v2") return answerV2(catalog, params);
		return answerInfo(catalog, params);
	} catch (error) {
		if (error instanceof ParameterError) return failure(422);
		throw error;
	}
}
