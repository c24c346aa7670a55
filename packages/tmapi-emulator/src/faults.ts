import type { ApiEndpoint, StatsEndpoint } from "./stats.js";

/** The endpoints a fault rule can be limited to (names as in {@link StatsEndpoint}). */
export type FaultEndpoint = ApiEndpoint;

const ENDPOINTS = new Set<FaultEndpoint>(["v1", "v2", "info", "search", "globalSearch"]);

/** Where a rule applies and how often; without `times` it lasts until clearFaults(). */
export interface FaultScope {
	/** Only requests to this endpoint match; without it, every API endpoint does. */
	readonly endpoint?: FaultEndpoint;
	/** After this many matches the rule is used up and removed. */
	readonly times?: number;
}

/**
 * A way to make the emulator misbehave, for testing a client's error handling. Rules are tried in the order
 * they were injected; the first that matches a request decides its fate. Kinds:
 * - `code`: `{code, msg, data: null}` with HTTP status `httpStatus` (default: the code when HTTP knows it,
 *   so 417/422/500/503, else 200, so 439/499); `msg` defaults to the docs' text for the code.
 * - `code-in-200`: the same body, always HTTP 200.
 * - `latency`: waits `ms` more, then answers normally.
 * - `hang`: never answers, until the client aborts or the emulator closes.
 * - `malformed-json`: HTTP 200, JSON content type, the normal body cut in half.
 * - `html`: nginx's HTML error page, status 502 unless `status` says otherwise.
 * - `empty`: no body at all (still labelled JSON), status 200 unless `status` says otherwise.
 * - `no-data`: `{code: 200, msg: "success"}` without `data`.
 * - `message-field`: an error body with `message` instead of `msg`; HTTP status as for `code`.
 * - `drift`: the normal answer's body (errors included, keeping their status) passed through `mutate`,
 *   which may edit it in place; whatever it returns is sent as JSON.
 * - `reset`: destroys the socket without answering, so the client sees a network error.
 *
 * @example
 * ```ts
 * emu.inject({ kind: "code", code: 503, endpoint: "v2", times: 2 }); // the next two v2 calls fail
 * ```
 */
export type Fault = FaultScope &
	(
		| { readonly kind: "code"; readonly code: number; readonly httpStatus?: number; readonly msg?: string }
		| { readonly kind: "code-in-200"; readonly code: number; readonly msg?: string }
		| { readonly kind: "latency"; readonly ms: number }
		| { readonly kind: "hang" }
		| { readonly kind: "malformed-json" }
		| { readonly kind: "html"; readonly status?: number }
		| { readonly kind: "empty"; readonly status?: number }
		| { readonly kind: "no-data" }
		| { readonly kind: "message-field"; readonly code: number; readonly msg?: string }
		| { readonly kind: "drift"; readonly mutate: (body: unknown) => unknown }
		| { readonly kind: "reset" }
	);

interface Rule {
	readonly fault: Fault;
	remaining: number;
}

/** The ordered, consumable fault rules of one emulator. */
export interface FaultRules {
	add(fault: Fault): void;
	clear(): void;
	/** The first rule matching the endpoint, counting one use of it; undefined when none matches. */
	take(endpoint: FaultEndpoint): Fault | undefined;
}

const KINDS = new Set<Fault["kind"]>([
	"code",
	"code-in-200",
	"latency",
	"hang",
	"malformed-json",
	"html",
	"empty",
	"no-data",
	"message-field",
	"drift",
	"reset",
]);

// Plain JS callers and typos in test code should fail at inject(), not as a puzzling answer later.
function validate(fault: Fault): void {
	if (!KINDS.has(fault.kind)) throw new TypeError(`Unknown fault kind: ${String(fault.kind)}`);
	if (fault.endpoint !== undefined && !ENDPOINTS.has(fault.endpoint)) {
		throw new TypeError(`Unknown fault endpoint: ${String(fault.endpoint)}`);
	}
	if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
		throw new RangeError(`Fault "times" must be a positive integer, got ${fault.times}`);
	}
	if (fault.kind === "latency" && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
		throw new RangeError(`Latency fault "ms" must be a non-negative number, got ${fault.ms}`);
	}
}

/** Creates an empty rule list. */
export function createFaultRules(): FaultRules {
	let rules: Rule[] = [];
	return {
		add(fault) {
			validate(fault);
			rules.push({ fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
		},
		clear() {
			rules = [];
		},
		take(endpoint) {
			const rule = rules.find((r) => r.fault.endpoint === undefined || r.fault.endpoint === endpoint);
			if (!rule) return undefined;
			rule.remaining -= 1;
			if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule);
			return rule.fault;
		},
	};
}
