import { type Answer, failure, ParameterError } from "./answer.js";
import type { CatalogData } from "./catalog.js";
import { answerGlobalSearch } from "./globalSearch.js";
import { answerInfo } from "./info.js";
import type { QueryParams } from "./query.js";
import { answerSearch } from "./search.js";
import type { ApiEndpoint, StatsEndpoint } from "./stats.js";
import { answerV1 } from "./v1.js";
import { answerV2 } from "./v2.js";

/** The paths the emulator answers, by the endpoint name stats and fault rules use. */
export const ENDPOINT_PATHS: Readonly<Record<ApiEndpoint, string>> = {
	v1: "/1688/category/items",
	v2: "/1688/category/items/v2",
	info: "/1688/category/info",
	search: "/1688/search/items",
	globalSearch: "/1688/global/search/items",
};

const ROUTES: ReadonlyMap<string, ApiEndpoint> = new Map(
	Object.entries(ENDPOINT_PATHS).map(([endpoint, path]) => [path, endpoint as ApiEndpoint]),
);

const ANSWERERS: Readonly<Record<ApiEndpoint, (catalog: CatalogData, params: QueryParams) => Answer>> = {
	v1: answerV1,
	v2: answerV2,
	info: answerInfo,
	search: answerSearch,
	globalSearch: answerGlobalSearch,
};

/** Which endpoint a path names; a trailing slash is tolerated as most HTTP servers do. */
export function endpointOf(pathname: string): StatsEndpoint {
	const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
	return ROUTES.get(path) ?? "other";
}

/** Everything a normal (fault-free) answer depends on. */
export interface RequestContext {
	readonly endpoint: StatsEndpoint;
	readonly method: string;
	readonly params: QueryParams;
	readonly catalog: CatalogData;
	/** The token requests must carry, or undefined to accept any. */
	readonly apiToken: string | undefined;
	/** The request's `apikey` header, the other way TMAPI's later docs let a client send its token. */
	readonly apiKeyHeader?: string | undefined;
}

function gatewayError(code: number, msg: string): Answer {
	return { status: code, body: { code, msg } };
}

/**
 * Whether the request carries the token, as the `apiToken` query parameter (what every real client sends)
 * or as the `apikey` header (what the later search/items doc asks for); either one right is enough.
 */
function authorized(context: RequestContext): boolean {
	const token = context.apiToken;
	return token === undefined || context.params.apiToken === token || context.apiKeyHeader === token;
}

/** The answer a healthy TMAPI would give. */
export function answerRequest(context: RequestContext): Answer {
	const { endpoint, params, catalog } = context;
	// Routing and auth errors come from the gateway in front of the API, so they carry no `data` key.
	if (endpoint === "other") return gatewayError(404, "Not Found");
	if (context.method !== "GET") return gatewayError(405, "Method Not Allowed");
	if (!authorized(context)) return gatewayError(401, "Invalid apiToken");
	try {
		return ANSWERERS[endpoint](catalog, params);
	} catch (error) {
		if (error instanceof ParameterError) return failure(422);
		throw error;
	}
}
