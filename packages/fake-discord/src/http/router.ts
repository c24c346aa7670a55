import type { UploadedFile } from "./readBody.js";
import type { RestAnswer } from "./respond.js";

/** A REST request after parsing, as handlers receive it. */
export interface RestRequest {
	readonly method: string;
	/** The path after the version prefix, e.g. "/interactions/123/abc/callback". */
	readonly path: string;
	readonly query: Readonly<Record<string, string>>;
	readonly body: unknown;
	readonly files: readonly UploadedFile[];
	/** performance.now() on arrival: deadlines are judged by when a request came in, not when it was read. */
	readonly arrivedAt: number;
	/** Epoch milliseconds on arrival. */
	readonly at: number;
	/** The `:name` parts of the matched route. */
	readonly params: Readonly<Record<string, string>>;
}

/** One REST route. `auth` routes need `Authorization: Bot <token>`; interaction and webhook routes do not. */
export interface Route {
	readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
	/** e.g. "/webhooks/:app/:token/messages/:message" */
	readonly pattern: string;
	readonly auth: boolean;
	readonly handle: (request: RestRequest) => RestAnswer;
}

/** The outcome of matching a path: a route with its params, a path known under other methods, or nothing. */
export type RouteMatch =
	| { readonly kind: "found"; readonly route: Route; readonly params: Record<string, string> }
	| { readonly kind: "wrong-method" }
	| { readonly kind: "none" };

function matchPattern(
	pattern: readonly string[],
	segments: readonly string[],
): Record<string, string> | undefined {
	if (pattern.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (const [index, part] of pattern.entries()) {
		const segment = segments[index] ?? "";
		if (part.startsWith(":")) {
			if (segment === "") return undefined;
			params[part.slice(1)] = decodeURIComponent(segment);
		} else if (part !== segment) return undefined;
	}
	return params;
}

const split = (path: string) => path.split("/").filter((s, i) => i > 0 || s !== "");

/** Builds a matcher over routes; literal segments win over parameters, as "@me" must beat ":id". */
export function createRouter(routes: readonly Route[]): (method: string, path: string) => RouteMatch {
	const compiled = routes
		.map((route) => ({ route, parts: split(route.pattern) }))
		.sort((a, b) => literalWeight(b.parts) - literalWeight(a.parts));
	return (method, path) => {
		const segments = split(path.length > 1 ? path.replace(/\/+$/, "") : path);
		let pathKnown = false;
		for (const { route, parts } of compiled) {
			const params = matchPattern(parts, segments);
			if (!params) continue;
			if (route.method === method) return { kind: "found", route, params };
			pathKnown = true;
		}
		return pathKnown ? { kind: "wrong-method" } : { kind: "none" };
	};
}

function literalWeight(parts: readonly string[]): number {
	return parts.filter((p) => !p.startsWith(":")).length;
}
