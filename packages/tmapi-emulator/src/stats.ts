/**
 * How the emulator classifies a request path: "v1", "v2" and "info" are the category endpoints, "search"
 * is `/1688/search/items`, "globalSearch" `/1688/global/search/items`, "other" anything else.
 */
export type StatsEndpoint = "v1" | "v2" | "info" | "search" | "globalSearch" | "other";

/** The TMAPI endpoints the emulator answers (every StatsEndpoint but "other"). */
export type ApiEndpoint = Exclude<StatsEndpoint, "other">;

function zeroCounts(): Record<StatsEndpoint, number> {
	return { v1: 0, v2: 0, info: 0, search: 0, globalSearch: 0, other: 0 };
}

/** One recorded request. */
export interface RecordedQuery {
	readonly endpoint: StatsEndpoint;
	readonly query: Record<string, string>;
}

/** A snapshot of what the emulator has received since it started or since resetStats(). */
export interface EmulatorStats {
	readonly requests: number;
	readonly byEndpoint: Readonly<Record<StatsEndpoint, number>>;
	/** Requests received and not yet answered (or aborted). */
	readonly inFlight: number;
	/** The highest inFlight seen: how much concurrency a client really produced. */
	readonly peakConcurrency: number;
	/** The query of the latest request, absent before the first one. */
	readonly lastQuery?: Record<string, string>;
	/** The latest requests, oldest first, at most {@link MAX_RECORDED_QUERIES}. */
	readonly queries: readonly RecordedQuery[];
}

/** How many recent queries stats keep; older ones are dropped so long benchmarks stay small. */
export const MAX_RECORDED_QUERIES = 1000;

/** The mutable counters behind {@link EmulatorStats}. */
export interface StatsRecorder {
	/** Counts a request and marks it in flight. */
	begin(endpoint: StatsEndpoint, query: Record<string, string>): void;
	/** Marks a request as no longer in flight. */
	end(): void;
	reset(): void;
	snapshot(): EmulatorStats;
}

/** Creates zeroed counters. */
export function createStatsRecorder(): StatsRecorder {
	let requests = 0;
	let byEndpoint: Record<StatsEndpoint, number> = zeroCounts();
	let inFlight = 0;
	let peakConcurrency = 0;
	let queries: RecordedQuery[] = [];
	return {
		begin(endpoint, query) {
			requests += 1;
			byEndpoint[endpoint] += 1;
			inFlight += 1;
			peakConcurrency = Math.max(peakConcurrency, inFlight);
			queries.push({ endpoint, query });
			if (queries.length > MAX_RECORDED_QUERIES) queries.shift();
		},
		end() {
			inFlight = Math.max(0, inFlight - 1);
		},
		reset() {
			requests = 0;
			byEndpoint = zeroCounts();
			queries = [];
			// Requests still running are real: keep counting them, and start the peak from them.
			peakConcurrency = inFlight;
		},
		snapshot() {
			const last = queries.at(-1);
			return {
				requests,
				byEndpoint: { ...byEndpoint },
				inFlight,
				peakConcurrency,
				...(last ? { lastQuery: { ...last.query } } : {}),
				queries: queries.map((q) => ({ endpoint: q.endpoint, query: { ...q.query } })),
			};
		},
	};
}
