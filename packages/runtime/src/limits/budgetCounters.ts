import type { CounterFactory } from "@catbot/core";
import type { Redis } from "ioredis";
import type { CoreConfig } from "../config/loadConfig.js";
import type { Logger } from "../logging/logger.js";
import type { RuntimeMetrics } from "../metrics/metrics.js";
import { redisCounters } from "./redisCounters.js";

/**
 * The Redis counters of a process, with what it says about budgets: while Redis is down each process
 * spends at most its share (said once per outage, counted in /metrics), and counts Redis lost are put back.
 */
export function budgetCounters(
	redis: Redis,
	config: CoreConfig,
	logger: Logger,
	metrics: RuntimeMetrics,
): CounterFactory {
	let fallbackLogged = false;
	redis.on("ready", () => {
		fallbackLogged = false;
	});
	return redisCounters(redis, {
		processes: config.budgetProcesses,
		onBudgetFallback() {
			metrics.budgetFallback();
			if (fallbackLogged) return;
			fallbackLogged = true;
			logger.warn(
				{
					processes: config.budgetProcesses,
					share: Math.floor(config.dailyBudget / config.budgetProcesses),
				},
				"redis unavailable: daily budgets are counted in this process, up to its share, until it is back",
			);
		},
		onBudgetRestored(key, count) {
			logger.warn({ key, count }, "redis lost today's budget counts; restored from this process's record");
		},
	});
}
