/**
 * The figures the engine reports (the host turns them into Prometheus counters). Optional everywhere: a
 * library user who wants no metrics passes none.
 */
export interface Metrics {
	/** One handled action, its outcome and how long it took. */
	action(platform: string, action: string, outcome: string, seconds: number): void;
	/** One page lookup answered from the cache or needing an upstream call. */
	cache(result: "hit" | "miss"): void;
	/** One HTTP attempt to TMAPI. */
	upstream(endpoint: string, result: string): void;
}
