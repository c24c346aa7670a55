// @catbot/runtime: what a running catbot process needs around the core library.

// Configuration from the environment.
export type { CoreConfig } from "./config/loadConfig.js";
export { ConfigError, envInteger, envToken, envUrl, loadAppConfig, loadConfig } from "./config/loadConfig.js";
// Logging.
export type { Logger, LoggerOptions } from "./logging/logger.js";
export { createLogger } from "./logging/logger.js";
// Process lifecycle: one bot process, and the supervisor behind `pnpm start`.
export type { BotProcessOptions, StartedBot } from "./process/runBotProcess.js";
export { runBotProcess } from "./process/runBotProcess.js";
export type { StoreLocation } from "./process/startupFailure.js";
export {
	describeConnectionFailure,
	PlatformUnreachableError,
	StoreUnavailableError,
} from "./process/startupFailure.js";
export type { SupervisedBot } from "./process/supervisor.js";
export { runSupervisor } from "./process/supervisor.js";
// The engine built from configuration: client, cache, limits, logger, metrics, health, shortlist, watches.
export type { Runtime, RuntimeOptions } from "./runtime.js";
export { createRuntime } from "./runtime.js";
// The durable store (shortlists, watches): SQLite under DATA_DIR, or PostgreSQL at DATABASE_URL.
export type { OpenStoreOptions } from "./store/openStore.js";
export { DATA_DIR_DEFAULT, openStore } from "./store/openStore.js";
