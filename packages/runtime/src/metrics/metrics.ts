import type { Metrics } from "@catbot/core";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** The engine's figures as Prometheus counters, with the registry /metrics serves. */
export interface RuntimeMetrics extends Metrics {
	readonly registry: Registry;
	/** One upstream call's budget counted in this process's memory because Redis was down. */
	budgetFallback(): void;
}

/**
 * The counters a team watches, in Prometheus form: actions by outcome, cache hits and misses, upstream
 * calls by result (each one costs money), rate-limit refusals, and how long actions take. One registry per
 * runtime, so tests and several runtimes in one process do not mix their figures.
 */
export function createMetrics(): RuntimeMetrics {
	const registry = new Registry();
	const registers = [registry];
	collectDefaultMetrics({ register: registry, prefix: "catbot_process_" });
	const actions = new Counter({
		name: "catbot_actions_total",
		help: "Handled actions (commands, button presses, exports) by platform, action and outcome.",
		labelNames: ["platform", "action", "outcome"],
		registers,
	});
	const cache = new Counter({
		name: "catbot_cache_lookups_total",
		help: "Page requests answered from the cache (hit) or needing an upstream call (miss).",
		labelNames: ["result"],
		registers,
	});
	const upstream = new Counter({
		name: "catbot_upstream_calls_total",
		help: "HTTP attempts to TMAPI by endpoint and result (ok, or the error code).",
		labelNames: ["endpoint", "result"],
		registers,
	});
	const refusals = new Counter({
		name: "catbot_rate_limit_refusals_total",
		help: "Actions refused by the per-user rate limit.",
		labelNames: ["platform"],
		registers,
	});
	const latency = new Histogram({
		name: "catbot_action_duration_seconds",
		help: "Time to handle an action, from arrival to answer.",
		labelNames: ["action"],
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
		registers,
	});
	const fallback = new Counter({
		name: "catbot_budget_fallback_spends_total",
		help: "Paid calls whose daily budget was counted in this process's memory (its share) because Redis was down.",
		registers,
	});
	return {
		registry,
		budgetFallback(): void {
			fallback.inc();
		},
		action(platform: string, action: string, outcome: string, seconds: number): void {
			actions.inc({ platform, action, outcome });
			latency.observe({ action }, seconds);
			if (outcome === "rate-limited") refusals.inc({ platform });
		},
		cache(result: "hit" | "miss"): void {
			cache.inc({ result });
		},
		upstream(endpoint: string, result: string): void {
			upstream.inc({ endpoint, result });
		},
	};
}
